/**
 * The one door from the command line into the analysis: which languages are analysed, and the
 * findings of one file. Everything else in src/cli (discovery, reading, fixing, formatting) only
 * calls these two functions.
 *
 * The core reads .http, JSON and Markdown synchronously; scripts need their Tree-sitter grammar,
 * loaded the first time a file of that language is met, from the .wasm files beside this bundle.
 */
import { catalogMatcher } from '../core/catalog/catalog';
import type { Finding } from '../core/findings';
import { analyzeDocument, documentKindOf } from '../core/requests/requestAnalyzer';
import { analyzeScript } from '../core/scripts/analyzeScript';
import { ScriptParsers } from '../core/scripts/parsers';
import { grammarLoader } from '../shared/grammarFiles';

const parsers = new ScriptParsers(grammarLoader());

/** Whether files of this VS Code language id are analysed; others are skipped before they are read. */
export function isAnalyzed(languageId: string): boolean {
  return documentKindOf(languageId) !== 'other';
}

/** The findings of a file's text (without its byte order mark), read as the editor reads `languageId`. */
export async function analyzeFile(text: string, languageId: string): Promise<readonly Finding[]> {
  const kind = documentKindOf(languageId);
  if (kind === 'script') {
    return (await analyzeScript(text, languageId, parsers, catalogMatcher)).findings;
  }
  return analyzeDocument(text, kind, catalogMatcher).findings;
}
