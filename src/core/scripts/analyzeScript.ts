/** One-shot analysis of a script's text, for hosts that keep no document between runs (the CLI, tests). */
import type { OperationMatcher } from '../catalog/operationMatcher';
import type { DocumentAnalysis } from '../requests/requestAnalyzer';
import type { ScriptParsers } from './parsers';
import { mayHoldDefenderBodies } from './precheck';
import { scriptLanguageOf } from './registry';
import { ScriptDocument } from './scriptDocument';

export async function analyzeScript(text: string, languageId: string, parsers: ScriptParsers, matcher: OperationMatcher): Promise<DocumentAnalysis> {
  const language = scriptLanguageOf(languageId);
  if (!language || !mayHoldDefenderBodies(text)) {
    return { findings: [], requests: [], bodies: [] };
  }
  const document = new ScriptDocument(await parsers.prepare(language.grammar), language.extractor, matcher);
  try {
    document.reset(text);
    return document.analyze();
  } finally {
    document.dispose();
  }
}
