/**
 * The nodes an extractor reads, found in one walk of the tree. Each walk runs over every node in
 * WebAssembly: on a 1 MB script one walk per kind cost more than parsing, one walk for all kinds
 * costs about as much as a single one of them.
 */
import type { Node } from '@vscode/tree-sitter-wasm';

export class SyntaxIndex<Kind extends string> {
  private readonly byKind = new Map<string, Node[]>();
  /** Every indexed node in document order (tree order: a parent before its children), with its kind. */
  private readonly all: Node[] = [];
  private readonly kinds: string[] = [];
  private errorNodes: Node[] | undefined;

  constructor(
    readonly root: Node,
    indexed: readonly Kind[],
  ) {
    for (const kind of indexed) {
      this.byKind.set(kind, []);
    }
    for (const node of root.descendantsOfType([...indexed])) {
      if (node) {
        const kind = node.type;
        this.byKind.get(kind)?.push(node);
        this.all.push(node);
        this.kinds.push(kind);
      }
    }
  }

  /**
   * The ERROR nodes, where the parser gave up on some text: `ERROR` cannot be walked for with other
   * kinds (the walk then finds nothing), and a tree without errors is not walked at all.
   */
  errors(): Node[] {
    this.errorNodes ??= this.root.hasError ? this.root.descendantsOfType('ERROR').filter((node): node is Node => node !== null) : [];
    return this.errorNodes;
  }

  /** The nodes of these kinds, in document order. */
  of(...kinds: Kind[]): Node[] {
    if (kinds.length === 1) {
      return this.byKind.get(kinds[0]) ?? [];
    }
    const wanted = new Set<string>(kinds);
    return this.all.filter((_, index) => wanted.has(this.kinds[index]));
  }
}
