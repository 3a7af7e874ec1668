/**
 * The one door from the command line into the analysis: which languages are analysed, and the
 * findings of one file. Everything else in src/cli (discovery, reading, fixing, formatting) only
 * calls these two functions.
 *
 * Today the core reads .http, JSON and Markdown synchronously. Script languages (PowerShell,
 * Python, JavaScript/TypeScript, shell) and playbooks are analysed asynchronously, with grammars
 * loaded on demand from WASM bytes the host hands in: they plug in here, by adding their language
 * ids to `isAnalyzed` and awaiting their analysis in `analyzeFile`.
 */
import { catalogMatcher } from '../core/catalog/catalog';
import type { Finding } from '../core/findings';
import { analyzeDocument, documentKindOf } from '../core/requests/requestAnalyzer';

/** Whether files of this VS Code language id are analysed; others are skipped before they are read. */
export function isAnalyzed(languageId: string): boolean {
  return documentKindOf(languageId) !== 'other';
}

/** The findings of a file's text (without its byte order mark), read as the editor reads `languageId`. */
export async function analyzeFile(text: string, languageId: string): Promise<readonly Finding[]> {
  return analyzeDocument(text, documentKindOf(languageId), catalogMatcher).findings;
}
