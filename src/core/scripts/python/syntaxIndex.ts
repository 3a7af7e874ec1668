/**
 * The nodes the Python extractor reads, found in one walk of the tree: each walk runs over every
 * node in WebAssembly, so one walk for all kinds costs a tenth of one walk per kind.
 */
import type { Node } from '@vscode/tree-sitter-wasm';

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

export type IndexedKind = (typeof KINDS)[number];

export class SyntaxIndex {
  private readonly byKind = new Map<string, Node[]>();

  constructor(readonly root: Node) {
    for (const node of root.descendantsOfType([...KINDS])) {
      if (node) {
        const list = this.byKind.get(node.type) ?? [];
        list.push(node);
        this.byKind.set(node.type, list);
      }
    }
  }

  /** The nodes of these kinds, in document order. */
  of(...kinds: IndexedKind[]): Node[] {
    if (kinds.length === 1) {
      return this.byKind.get(kinds[0]) ?? [];
    }
    return kinds.flatMap((kind) => this.byKind.get(kind) ?? []).sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
  }
}
