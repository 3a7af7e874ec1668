/** Running the Python extractor as the server does, for the Python script tests. */
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import type { Finding } from '../../../src/core/findings';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import type { DocumentAnalysis } from '../../../src/core/requests/requestAnalyzer';
import { analyzeScript } from '../../../src/core/scripts/analyzeScript';
import { testParsers } from './parsers';

export function analyzePython(text: string): Promise<DocumentAnalysis> {
  return analyzeScript(text, 'python', testParsers, catalogMatcher);
}

export async function pythonFindings(text: string): Promise<Finding[]> {
  return [...(await analyzePython(text)).findings];
}

/** Each finding as its code and the exact text it covers. */
export function spansOf(text: string, findings: readonly Finding[]): [string, string][] {
  return findings.map((finding) => [finding.code, text.slice(finding.start, finding.end)]);
}

/** The text after the editor's Fix All. */
export async function fixAllPython(text: string): Promise<string> {
  return applyEdits(text, fixAllEdits(await pythonFindings(text)));
}
