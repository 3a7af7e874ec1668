/** Shared by the JavaScript and TypeScript body tests: analysis, fix-all and what findings cover. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import type { Finding } from '../../../src/core/findings';
import type { DocumentAnalysis } from '../../../src/core/requests/requestAnalyzer';
import { analyzeScript } from '../../../src/core/scripts/analyzeScript';
import { testParsers } from '../helpers/parsers';

export type ScriptLanguage = 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact';

export const fixtureFolder = join(__dirname, '../../fixtures/scripts/javascript');

export function fixture(name: string): string {
  return readFileSync(join(fixtureFolder, name), 'utf8');
}

export function analyze(text: string, language: ScriptLanguage = 'typescript'): Promise<DocumentAnalysis> {
  return analyzeScript(text, language, testParsers, catalogMatcher);
}

export async function findingsOf(text: string, language: ScriptLanguage = 'typescript'): Promise<Finding[]> {
  return [...(await analyze(text, language)).findings];
}

/** Each finding as [code, the text it covers]: exact spans, readable. */
export function covered(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.start, finding.end)]);
}

export function fixAll(text: string, findings: readonly Finding[]): string {
  return applyEdits(text, fixAllEdits(findings));
}

/** The text after one fix-all, checked to need no second one. */
export async function fixedOnce(text: string, language: ScriptLanguage = 'typescript'): Promise<string> {
  const fixed = fixAll(text, await findingsOf(text, language));
  const again = fixAll(fixed, await findingsOf(fixed, language));
  if (again !== fixed) {
    throw new Error(`a second fix-all still changed the text:\n${fixed}\n---\n${again}`);
  }
  return fixed;
}
