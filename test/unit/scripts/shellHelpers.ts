/** Shared by the shell script tests: analysis of a script, fix-all as the editor applies it, fixtures. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import type { Finding } from '../../../src/core/findings';
import type { DocumentAnalysis } from '../../../src/core/requests/requestAnalyzer';
import { analyzeScript } from '../../../src/core/scripts/analyzeScript';
import { testParsers } from '../helpers/parsers';

export const shellFixtures = join(__dirname, '../../fixtures/scripts/shell');

export function fixture(name: string): string {
  return readFileSync(join(shellFixtures, name), 'utf8');
}

export function analyzeShell(text: string): Promise<DocumentAnalysis> {
  return analyzeScript(text, 'shellscript', testParsers, catalogMatcher);
}

export async function findingsOf(text: string): Promise<Finding[]> {
  return [...(await analyzeShell(text)).findings];
}

export function fixAll(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, fixAllEdits(findings));
}

/** `[code, written text, which occurrence]`: a finding expected exactly on that occurrence of the text. */
export type Expected = readonly [code: Finding['code'], written: string, occurrence?: number];

export function assertFindingsAt(text: string, findings: readonly Finding[], expected: readonly Expected[]): void {
  const actual = findings.map((finding) => [finding.code, finding.start, finding.end, text.slice(finding.start, finding.end)]);
  const wanted = expected.map(([code, written, occurrence = 0]) => {
    let start = -1;
    for (let i = 0; i <= occurrence; i++) {
      start = text.indexOf(written, start + 1);
      assert.ok(start >= 0, `${JSON.stringify(written)} does not occur ${occurrence + 1} time(s)`);
    }
    return [code, start, start + written.length, written];
  });
  assert.deepEqual(actual, wanted);
}
