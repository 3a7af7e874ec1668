/** Which extractor reads which script language. */
import { grammarOfLanguage, type Grammar } from './grammars';
import { javascriptExtractor } from './javascript/extract';
import { powershellExtractor } from './powershell/extract';
import { pythonExtractor } from './python/extract';
import type { ScriptExtractor } from './scriptExtractor';
import { shellExtractor } from './shell/extract';

const EXTRACTORS: Readonly<Partial<Record<Grammar, ScriptExtractor>>> = {
  powershell: powershellExtractor,
  bash: shellExtractor,
  python: pythonExtractor,
  javascript: javascriptExtractor,
  typescript: javascriptExtractor,
  tsx: javascriptExtractor,
};

export interface ScriptLanguage {
  readonly grammar: Grammar;
  readonly extractor: ScriptExtractor;
}

/** The script support for a VS Code language id; undefined for languages that are not scripts we read. */
export function scriptLanguageOf(languageId: string): ScriptLanguage | undefined {
  const grammar = grammarOfLanguage(languageId);
  const extractor = grammar && EXTRACTORS[grammar];
  return grammar && extractor ? { grammar, extractor } : undefined;
}
