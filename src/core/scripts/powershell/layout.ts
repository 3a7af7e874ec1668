/**
 * Which statement, block, scope or table a node sits in, found from positions. In
 * web-tree-sitter each `parent` costs a descent from the root, and PowerShell's grammar nests a
 * dozen wrappers around every expression: walking up from many nodes was most of the
 * extractor's time.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { SCOPE_TYPES, type PowerShellIndex } from './powershellIndex';

interface Span {
  readonly start: number;
  readonly end: number;
}

/** Nodes of one kind, innermost-first lookup of the one around a position. */
class Enclosing<T extends Span> {
  private readonly items: T[];

  constructor(items: T[]) {
    this.items = items.sort((a, b) => a.start - b.start || b.end - a.end);
  }

  /** The innermost item holding [start, end), skipping any `excluded` says no to. */
  around(start: number, end: number, excluded?: (item: T) => boolean): T | undefined {
    let found: T | undefined;
    for (const item of this.items) {
      if (item.start > start) {
        break;
      }
      if (end <= item.end && !excluded?.(item)) {
        found = item;
      }
    }
    return found;
  }
}

interface Held extends Span {
  readonly node: Node;
}

const held = (node: Node): Held => ({ start: node.startIndex, end: node.endIndex, node });

export class Layout {
  private statements: Enclosing<Held> | undefined;
  private readonly blocks: Enclosing<Held>;
  private readonly lists: Node[];
  private readonly scopes: Enclosing<Held>;
  private readonly tables: Enclosing<Held>;

  private readonly root: Node;

  constructor(nodes: PowerShellIndex) {
    this.root = nodes.root;
    this.lists = nodes.of('statement_list');
    this.blocks = new Enclosing(this.lists.map(held));
    this.scopes = new Enclosing(nodes.of(...SCOPE_TYPES).map(held));
    const tables = nodes.of('hash_literal_expression').map(held);
    // A table whose `@{` is never closed is an ERROR node: what follows its `@{` is inside it.
    for (const error of nodes.errors()) {
      const open = error.children.find((child) => child?.type === '@{');
      if (open) {
        tables.push({ start: open.startIndex, end: error.endIndex, node: error });
      }
    }
    this.tables = new Enclosing(tables);
  }

  /** The statement (a child of a statement list) a node is part of; the node itself at the top of an unparsed stretch. */
  statementOf(node: Node): Node {
    // Listing every statement reads every statement list's children: only done when asked.
    this.statements ??= new Enclosing(this.lists.flatMap((list) => list.namedChildren.filter((child): child is Node => child !== null)).map(held));
    return this.statements.around(node.startIndex, node.endIndex)?.node ?? node;
  }

  /** The statement list a statement is written in, as an id: two statements in the same one run one after the other. */
  blockOf(node: Node): number {
    return this.blocks.around(node.startIndex, node.endIndex, (block) => block.node.id === node.id)?.node.id ?? this.root.id;
  }

  /** The function, script block or method a node is written in (never the node itself); the script at the top. */
  scopeOf(node: Node): Node {
    return this.scopes.around(node.startIndex, node.endIndex, (scope) => scope.node.id === node.id)?.node ?? this.root;
  }

  /** Whether the node is part of another table, complete or still being typed. */
  insideTable(node: Node): boolean {
    return this.tables.around(node.startIndex, node.endIndex, (table) => table.node.id === node.id || (table.start === node.startIndex && table.end === node.endIndex)) !== undefined;
  }
}
