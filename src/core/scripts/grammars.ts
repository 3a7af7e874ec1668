/** The Tree-sitter grammars the script hosts use, and which VS Code language each serves. */

export type Grammar = 'powershell' | 'python' | 'javascript' | 'typescript' | 'tsx' | 'bash';

/** Every grammar file the extension ships; the build copies exactly these. */
export const GRAMMAR_FILES: Readonly<Record<Grammar, string>> = {
  powershell: 'tree-sitter-powershell.wasm',
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  bash: 'tree-sitter-bash.wasm',
};

/** The Tree-sitter runtime's own WebAssembly module. */
export const RUNTIME_FILE = 'tree-sitter.wasm';

const GRAMMAR_OF_LANGUAGE: Readonly<Record<string, Grammar>> = {
  powershell: 'powershell',
  python: 'python',
  javascript: 'javascript',
  // The JavaScript grammar reads JSX too.
  javascriptreact: 'javascript',
  typescript: 'typescript',
  typescriptreact: 'tsx',
  shellscript: 'bash',
};

export function grammarOfLanguage(languageId: string): Grammar | undefined {
  return Object.hasOwn(GRAMMAR_OF_LANGUAGE, languageId) ? GRAMMAR_OF_LANGUAGE[languageId] : undefined;
}

/** The language ids whose documents are scripts. */
export const SCRIPT_LANGUAGE_IDS: readonly string[] = Object.keys(GRAMMAR_OF_LANGUAGE);
