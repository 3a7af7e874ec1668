/** Shared steps of the PowerShell tests: analyse a script, fix it all, and check both exactly. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import type { Finding } from '../../../src/core/findings';
import type { DocumentAnalysis } from '../../../src/core/requests/requestAnalyzer';
import { analyzeScript } from '../../../src/core/scripts/analyzeScript';
import { testParsers } from '../helpers/parsers';

export const fixtureFolder = join(__dirname, '../../fixtures/scripts/powershell');

export function fixture(name: string): string {
  return readFileSync(join(fixtureFolder, name), 'utf8');
}

export function analyzePowerShell(text: string): Promise<DocumentAnalysis> {
  return analyzeScript(text, 'powershell', testParsers, catalogMatcher);
}

export async function findingsOf(text: string): Promise<readonly Finding[]> {
  return (await analyzePowerShell(text)).findings;
}

/** Each finding as its code and the text it marks. */
export async function marked(text: string): Promise<[string, string][]> {
  return (await findingsOf(text)).map((finding) => [finding.code, text.slice(finding.start, finding.end)]);
}

/** The text after one fix-all, as the editor and the command line apply it. */
export async function fixAll(text: string): Promise<string> {
  return applyEdits(text, fixAllEdits(await findingsOf(text)));
}

/**
 * The script's findings mark exactly `expected` (code and text), one fix-all gives exactly `fixed`,
 * and a second fix-all finds nothing more to fix.
 */
export async function assertRepair(text: string, expected: readonly [string, string][], fixed: string): Promise<void> {
  assert.deepEqual(await marked(text), expected);
  const once = await fixAll(text);
  assert.equal(once, fixed);
  const again = await findingsOf(once);
  assert.deepEqual(fixAllEdits(again), [], 'a second fix-all changes nothing');
}

/** Nothing at all is reported. */
export async function assertSilent(text: string): Promise<void> {
  assert.deepEqual(await marked(text), []);
}
