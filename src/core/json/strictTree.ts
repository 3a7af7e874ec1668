/**
 * A reader for the common case: a body that is plain, well-formed JSON. It builds the same tree
 * jsonc-parser's parseTree builds, in about half the time, because strings, numbers and runs of
 * whitespace are matched by sticky regular expressions (native code) instead of one character at a
 * time through a scanner and a visitor.
 *
 * It gives up (returns undefined) at the first thing that is not plain JSON: a syntax error, a
 * comment, a trailing comma, an unusual whitespace character, an escape it does not know. The caller
 * then asks jsonc-parser, so error recovery and error messages stay exactly jsonc-parser's.
 */
import type { Node, NodeType } from 'jsonc-parser';

/** One shape for every node, so the validator's property reads stay monomorphic. */
class TreeNode implements Node {
  length = 0;
  children: Node[] | undefined = undefined;
  colonOffset: number | undefined = undefined;
  constructor(
    readonly type: NodeType,
    readonly offset: number,
    readonly parent: Node | undefined,
    readonly value: unknown,
  ) {}
}

const STRING_RUN = /[^"\\\u0000-\u001f]*/y;
const UNICODE_ESCAPE = /\\u[0-9a-fA-F]{4}/y;
const SIMPLE_ESCAPE = new Set([...'"\\/bfnrt'].map((character) => character.charCodeAt(0)));
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
/** The only whitespace taken here; any other kind jsonc-parser accepts sends the body to it. */
const WHITESPACE = /[ \t\r\n]*/y;

/** Sentinel thrown to unwind from any depth; never escapes this module. */
const GIVE_UP = Symbol('not plain JSON');

export function parseStrictTree(text: string, maxDepth: number): Node | undefined {
  try {
    const reader = new StrictReader(text, maxDepth);
    const root = reader.value(undefined, 0);
    reader.skipWhitespace();
    return reader.position === text.length ? root : undefined;
  } catch (error) {
    if (error === GIVE_UP) {
      return undefined;
    }
    throw error;
  }
}

class StrictReader {
  position = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  skipWhitespace(): void {
    const code = this.text.charCodeAt(this.position);
    // Most tokens are followed directly by the next one or by one space: spare the regex call.
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
      return;
    }
    WHITESPACE.lastIndex = this.position;
    WHITESPACE.test(this.text);
    this.position = WHITESPACE.lastIndex;
  }

  value(parent: Node | undefined, depth: number): Node {
    this.skipWhitespace();
    const start = this.position;
    switch (this.text.charCodeAt(start)) {
      case 0x7b /* { */:
        return this.object(parent, depth + 1);
      case 0x5b /* [ */:
        return this.array(parent, depth + 1);
      case 0x22 /* " */:
        return this.string(parent);
      case 0x74 /* t */:
        return this.literal(parent, 'true', 'boolean', true);
      case 0x66 /* f */:
        return this.literal(parent, 'false', 'boolean', false);
      case 0x6e /* n */:
        return this.literal(parent, 'null', 'null', null);
      default:
        return this.number(parent);
    }
  }

  private object(parent: Node | undefined, depth: number): Node {
    const node = this.open('object', parent, depth);
    const children = node.children as Node[];
    if (this.text.charCodeAt(this.position) === 0x7d /* } */) {
      return this.close(node);
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x22) {
        throw GIVE_UP;
      }
      const property = new TreeNode('property', this.position, node, undefined);
      const key = this.string(property);
      this.skipWhitespace();
      if (this.text.charCodeAt(this.position) !== 0x3a /* : */) {
        throw GIVE_UP;
      }
      property.colonOffset = this.position;
      this.position++;
      const value = this.value(property, depth);
      property.children = [key, value];
      property.length = this.position - property.offset;
      children.push(property);
      if (this.afterMember(0x7d /* } */)) {
        return this.close(node);
      }
    }
  }

  private array(parent: Node | undefined, depth: number): Node {
    const node = this.open('array', parent, depth);
    const children = node.children as Node[];
    if (this.text.charCodeAt(this.position) === 0x5d /* ] */) {
      return this.close(node);
    }
    for (;;) {
      children.push(this.value(node, depth));
      if (this.afterMember(0x5d /* ] */)) {
        return this.close(node);
      }
    }
  }

  /** Steps over an opening bracket and the space after it. */
  private open(type: 'object' | 'array', parent: Node | undefined, depth: number): TreeNode {
    if (depth > this.maxDepth) {
      throw GIVE_UP;
    }
    const node = new TreeNode(type, this.position, parent, undefined);
    node.children = [];
    this.position++;
    this.skipWhitespace();
    return node;
  }

  /** Steps over the closing bracket the position is at. */
  private close(node: TreeNode): Node {
    this.position++;
    node.length = this.position - node.offset;
    return node;
  }

  /** After a member: true at the closing bracket, false past a comma; anything else is not plain JSON. */
  private afterMember(closing: number): boolean {
    this.skipWhitespace();
    const next = this.text.charCodeAt(this.position);
    if (next === closing) {
      return true;
    }
    if (next !== 0x2c /* , */) {
      throw GIVE_UP;
    }
    this.position++;
    return false;
  }

  private string(parent: Node | undefined): Node {
    const text = this.text;
    const start = this.position;
    let position = start + 1;
    let escaped = false;
    // Runs between escapes are matched natively. One pattern with the escapes as alternatives would
    // recurse in the regex engine once per character and overflow on a long string.
    for (;;) {
      STRING_RUN.lastIndex = position;
      STRING_RUN.test(text);
      position = STRING_RUN.lastIndex;
      const code = text.charCodeAt(position);
      if (code === 0x22 /* " */) {
        break;
      }
      if (code !== 0x5c /* \ */) {
        throw GIVE_UP;
      }
      if (SIMPLE_ESCAPE.has(text.charCodeAt(position + 1))) {
        position += 2;
      } else {
        UNICODE_ESCAPE.lastIndex = position;
        if (!UNICODE_ESCAPE.test(text)) {
          throw GIVE_UP;
        }
        position += 6;
      }
      escaped = true;
    }
    this.position = position + 1;
    // Only JSON's own escapes got here, and JSON.parse decodes them as jsonc-parser does.
    const value = escaped ? (JSON.parse(text.slice(start, this.position)) as string) : text.slice(start + 1, position);
    return this.leaf('string', start, parent, value);
  }

  private number(parent: Node | undefined): Node {
    const start = this.position;
    NUMBER.lastIndex = start;
    if (!NUMBER.test(this.text)) {
      throw GIVE_UP;
    }
    this.position = NUMBER.lastIndex;
    this.expectBoundary();
    return this.leaf('number', start, parent, Number(this.text.slice(start, this.position)));
  }

  private literal(parent: Node | undefined, word: string, type: NodeType, value: boolean | null): Node {
    const start = this.position;
    if (!this.text.startsWith(word, start)) {
      throw GIVE_UP;
    }
    this.position += word.length;
    this.expectBoundary();
    return this.leaf(type, start, parent, value);
  }

  private leaf(type: NodeType, start: number, parent: Node | undefined, value: unknown): Node {
    const node = new TreeNode(type, start, parent, value);
    node.length = this.position - start;
    return node;
  }

  /** `truex` or `12abc` is one bad token to jsonc-parser, not a value and then junk. */
  private expectBoundary(): void {
    if (this.position >= this.text.length) {
      return;
    }
    const code = this.text.charCodeAt(this.position);
    if (code !== 0x2c && code !== 0x7d && code !== 0x5d && code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) {
      throw GIVE_UP;
    }
  }
}
