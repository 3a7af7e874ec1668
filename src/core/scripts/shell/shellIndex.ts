/** The kinds of shell node the extractor reads, gathered in one walk (see SyntaxIndex). */
import type { Node } from '@vscode/tree-sitter-wasm';
import { SyntaxIndex } from '../syntaxIndex';

/** Words that may hold a JSON body outside any curl command seen (a variable's value, a heredoc). */
export const WORD_KINDS = ['raw_string', 'string', 'ansi_c_string', 'concatenation', 'heredoc_body'] as const;

const KINDS = ['command', 'variable_assignment', 'redirected_statement', ...WORD_KINDS] as const;

export type ShellIndex = SyntaxIndex<(typeof KINDS)[number]>;

export function indexShell(root: Node): ShellIndex {
  return new SyntaxIndex(root, KINDS);
}
