/** The kinds of JavaScript and TypeScript node the extractor reads, gathered in one walk (see SyntaxIndex). */
import type { Node } from '@vscode/tree-sitter-wasm';
import { SyntaxIndex } from '../syntaxIndex';
import { STRUCTURE_TYPES } from './structure';

const KINDS = [...STRUCTURE_TYPES, 'assignment_expression', 'call_expression', 'string', 'template_string'] as const;

export type JavaScriptIndex = SyntaxIndex<(typeof KINDS)[number]>;

export function indexJavaScript(root: Node): JavaScriptIndex {
  return new SyntaxIndex(root, KINDS);
}
