/**
 * The nesting of a file's blocks, functions and literals, read once. Tree-sitter finds a node's
 * parent by walking down from the root, which costs as much as the root has children: asking it
 * for ancestors node by node makes a long file quadratic. Offsets tell the same nesting for free.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { JavaScriptIndex } from './javascriptIndex';
import { partitionPoint } from '../../partitionPoint';

/** Nodes whose statements are statements of their own (where a directive comment is looked for). */
export const BLOCKS = new Set(['program', 'statement_block', 'class_body', 'switch_case', 'switch_default']);
/** Function-like nodes: their parameters are names, and a body built in steps belongs to one of them. */
export const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function', 'generator_function_declaration']);
/** Nodes that declare names of their own besides blocks and functions. */
const BINDERS = new Set(['for_statement', 'for_in_statement', 'catch_clause']);
/** Literals inside these are parts of something else: a nested value, a React prop. */
export const HOLDERS = new Set(['object', 'array', 'jsx_expression', 'jsx_attribute', 'jsx_element', 'jsx_self_closing_element', 'jsx_opening_element']);

export const STRUCTURE_TYPES = [...BLOCKS, ...FUNCTIONS, ...BINDERS, ...HOLDERS];

interface Region {
  readonly node: Node;
  readonly start: number;
  readonly end: number;
  /** Index of the innermost region holding this one; -1 for the outermost. */
  readonly parent: number;
}

export class Structure {
  private readonly regions: Region[] = [];
  private readonly starts: number[] = [];

  constructor(nodes: JavaScriptIndex) {
    const open: number[] = [];
    // Tree-sitter lists descendants in document order, each node before the nodes inside it.
    for (const node of nodes.of(...STRUCTURE_TYPES)) {
      const start = node.startIndex;
      const end = node.endIndex;
      while (open.length > 0 && !contains(this.regions[open[open.length - 1]], start, end)) {
        open.pop();
      }
      this.regions.push({ node, start, end, parent: open.length > 0 ? open[open.length - 1] : -1 });
      this.starts.push(start);
      open.push(this.regions.length - 1);
    }
  }

  /** The regions around `node`, innermost first, `node` itself left out. */
  *around(node: Node): Generator<Node> {
    const start = node.startIndex;
    const end = node.endIndex;
    let index = lastAtOrBefore(this.starts, start);
    while (index >= 0 && !contains(this.regions[index], start, end)) {
      index = this.regions[index].parent;
    }
    for (; index >= 0; index = this.regions[index].parent) {
      const region = this.regions[index];
      if (region.node.id !== node.id) {
        yield region.node;
      }
    }
  }

  /** The statement holding `node`, as a child of its block: where a directive comment above it stands. */
  statementOf(node: Node): Node {
    for (const region of this.around(node)) {
      if (BLOCKS.has(region.type)) {
        return region.firstNamedChildForIndex(node.startIndex) ?? node;
      }
    }
    return node;
  }

  enclosingFunction(node: Node): Node | undefined {
    for (const region of this.around(node)) {
      if (FUNCTIONS.has(region.type) || region.type === 'program') {
        return region;
      }
    }
    return undefined;
  }

  /** The class whose `this` a node sees: through arrow functions, not through other functions. */
  classBodyOf(node: Node): Node | undefined {
    for (const region of this.around(node)) {
      if (region.type === 'class_body') {
        return region;
      }
      if (FUNCTIONS.has(region.type) && region.type !== 'arrow_function' && region.type !== 'method_definition') {
        return undefined;
      }
    }
    return undefined;
  }

  /** Nested in another literal or in JSX, within the same statement: part of a bigger value. */
  isNested(node: Node): boolean {
    for (const region of this.around(node)) {
      return HOLDERS.has(region.type);
    }
    return false;
  }
}

function contains(region: Region, start: number, end: number): boolean {
  return region.start <= start && end <= region.end;
}

function lastAtOrBefore(sorted: readonly number[], value: number): number {
  return partitionPoint(sorted, (item) => item <= value) - 1;
}
