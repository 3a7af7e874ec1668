/** The kinds of Python node the extractor reads, gathered in one walk (see SyntaxIndex). */
import type { Node } from '@vscode/tree-sitter-wasm';
import { SyntaxIndex } from '../syntaxIndex';

const KINDS = [
  'call',
  'assignment',
  'augmented_assignment',
  'function_definition',
  'class_definition',
  'lambda',
  'for_statement',
  'as_pattern',
  'as_pattern_target',
  'import_statement',
  'import_from_statement',
  'comment',
] as const;

export type PythonIndex = SyntaxIndex<(typeof KINDS)[number]>;

export function indexPython(root: Node): PythonIndex {
  return new SyntaxIndex(root, KINDS);
}
