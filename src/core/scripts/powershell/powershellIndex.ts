/** The kinds of PowerShell node the extractor reads, gathered in one walk (see SyntaxIndex). */
import type { Node } from '@vscode/tree-sitter-wasm';
import { SyntaxIndex } from '../syntaxIndex';

export const SCOPE_TYPES = ['function_statement', 'script_block_expression', 'class_method_definition'] as const;

const KINDS = [
  ...SCOPE_TYPES,
  'statement_list',
  'hash_literal_expression',
  'string_literal',
  'command',
  'variable',
  'assignment_expression',
  'invokation_expression',
  'foreach_statement',
  'script_parameter',
  'class_method_parameter',
] as const;

export type PowerShellIndex = SyntaxIndex<(typeof KINDS)[number]>;

export function indexPowerShell(root: Node): PowerShellIndex {
  return new SyntaxIndex(root, KINDS);
}
