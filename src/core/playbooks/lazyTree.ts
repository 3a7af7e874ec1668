/**
 * A JSON tree read only where it is looked at. Finding the actions of a 5 MB ARM template needs a
 * few dozen of its hundreds of thousands of values: building every node (jsonc-parser, or the strict
 * reader) took most of a second and all of its garbage. Here one pass over the text pairs every
 * bracket (strings and comments jumped with indexOf), and a container's children are read when
 * asked for, each one a jump to where the next begins.
 *
 * The nodes have jsonc-parser's shape, so code reading them works on either tree. Text that is not
 * well-formed throws `NotPlainJson` (at once, or when the broken part is read); the caller then
 * reads the whole document with jsonc-parser, which recovers from errors.
 */
import type { Node, NodeType } from 'jsonc-parser';
import { partitionPoint } from '../partitionPoint';

export class NotPlainJson extends Error {}

const PRIMITIVE = /-?\d[\d.eE+-]*|true|false|null/y;
const BLANKS = /(?:\s+|\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)*/y;

export function lazyTree(text: string): Node {
  const brackets = pairBrackets(text);
  const start = skipBlanks(text, 0);
  const root = valueAt(text, brackets, start, undefined);
  if (skipBlanks(text, root.offset + root.length) !== text.length) {
    throw new NotPlainJson();
  }
  return root;
}

interface Brackets {
  /** Offsets of `{` and `[`, ascending, and of the bracket closing each. */
  readonly opens: readonly number[];
  readonly closes: readonly number[];
}

function pairBrackets(text: string): Brackets {
  const opens: number[] = [];
  const closes: number[] = [];
  const stack: number[] = [];
  const lineBreaks = new LineBreaks(text);
  // A plain character loop: a regular expression's match objects cost more than the loop itself (scripts/bench).
  const length = text.length;
  for (let at = 0; at < length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22 /* " */) {
      const end = stringEnd(text, at);
      // A JSON string holds no raw line break: one inside means the quotes do not pair as they seem to.
      if (lineBreaks.before(at, end)) {
        throw new NotPlainJson();
      }
      at = end - 1;
    } else if (code === 0x2f /* / */) {
      at = commentEnd(text, at) - 1;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      stack.push(opens.length);
      opens.push(at);
      closes.push(-1);
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      const index = stack.pop();
      if (index === undefined || text.charCodeAt(opens[index]) !== code - 2) {
        throw new NotPlainJson();
      }
      closes[index] = at;
    }
  }
  if (stack.length > 0) {
    throw new NotPlainJson();
  }
  return { opens, closes };
}

/** Whether a line break lies in a range; asked in increasing order, so each search runs once per line. */
class LineBreaks {
  private nextFeed = -1;
  private nextReturn = -1;

  constructor(private readonly text: string) {}

  before(start: number, end: number): boolean {
    if (this.nextFeed !== Infinity && this.nextFeed < start) {
      const found = this.text.indexOf('\n', start);
      this.nextFeed = found < 0 ? Infinity : found;
    }
    if (this.nextReturn !== Infinity && this.nextReturn < start) {
      const found = this.text.indexOf('\r', start);
      this.nextReturn = found < 0 ? Infinity : found;
    }
    return this.nextFeed < end || this.nextReturn < end;
  }
}

/** The offset after the closing quote of the string opening at `at`. */
function stringEnd(text: string, at: number): number {
  let close = text.indexOf('"', at + 1);
  while (close > 0) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) {
      backslashes++;
    }
    if (backslashes % 2 === 0) {
      break;
    }
    close = text.indexOf('"', close + 1);
  }
  if (close < 0) {
    throw new NotPlainJson();
  }
  return close + 1;
}

function commentEnd(text: string, at: number): number {
  if (text[at + 1] === '/') {
    const end = text.slice(at).search(/[\n\r]/);
    return end < 0 ? text.length : at + end;
  }
  if (text[at + 1] === '*') {
    const end = text.indexOf('*/', at + 2);
    if (end >= 0) {
      return end + 2;
    }
  }
  throw new NotPlainJson();
}

function skipBlanks(text: string, at: number): number {
  BLANKS.lastIndex = at;
  BLANKS.exec(text);
  return BLANKS.lastIndex;
}

function closeOf(brackets: Brackets, open: number): number {
  const { opens, closes } = brackets;
  const low = partitionPoint(opens, (offset) => offset < open);
  if (opens[low] !== open) {
    throw new NotPlainJson();
  }
  return closes[low];
}

function valueAt(text: string, brackets: Brackets, at: number, parent: Node | undefined): LazyNode {
  switch (text[at]) {
    case '{':
      return new LazyNode(text, brackets, 'object', at, closeOf(brackets, at) + 1 - at, parent);
    case '[':
      return new LazyNode(text, brackets, 'array', at, closeOf(brackets, at) + 1 - at, parent);
    case '"':
      return new LazyNode(text, brackets, 'string', at, stringEnd(text, at) - at, parent);
    default: {
      PRIMITIVE.lastIndex = at;
      const match = PRIMITIVE.exec(text);
      if (!match) {
        throw new NotPlainJson();
      }
      const type: NodeType = match[0] === 'null' ? 'null' : match[0] === 'true' || match[0] === 'false' ? 'boolean' : 'number';
      return new LazyNode(text, brackets, type, at, match[0].length, parent);
    }
  }
}

class LazyNode implements Node {
  private read?: Node[];
  private decoded?: { value: unknown };
  colonOffset?: number;

  constructor(
    private readonly text: string,
    private readonly brackets: Brackets,
    readonly type: NodeType,
    readonly offset: number,
    readonly length: number,
    readonly parent: Node | undefined,
    private readonly entries?: readonly Node[],
  ) {}

  get value(): unknown {
    if (this.type === 'object' || this.type === 'array' || this.type === 'property') {
      return undefined;
    }
    if (!this.decoded) {
      const raw = this.text.slice(this.offset, this.offset + this.length);
      // Most keys hold no escape: their text is their value.
      const plain = this.type === 'string' && !raw.includes('\\');
      try {
        this.decoded = { value: plain ? raw.slice(1, -1) : JSON.parse(raw) };
      } catch {
        throw new NotPlainJson();
      }
    }
    return this.decoded.value;
  }

  get children(): Node[] | undefined {
    if (this.entries) {
      return [...this.entries];
    }
    if (this.type !== 'object' && this.type !== 'array') {
      return undefined;
    }
    this.read ??= this.type === 'object' ? this.properties() : this.elements();
    return this.read;
  }

  private properties(): Node[] {
    const result: Node[] = [];
    const end = this.offset + this.length - 1;
    let at = skipBlanks(this.text, this.offset + 1);
    while (at < end) {
      if (this.text[at] !== '"') {
        throw new NotPlainJson();
      }
      const key = valueAt(this.text, this.brackets, at, undefined);
      const colon = skipBlanks(this.text, key.offset + key.length);
      if (this.text[colon] !== ':') {
        throw new NotPlainJson();
      }
      const value = valueAt(this.text, this.brackets, skipBlanks(this.text, colon + 1), undefined);
      const property = new LazyNode(this.text, this.brackets, 'property', key.offset, value.offset + value.length - key.offset, this, [key, value]);
      property.colonOffset = colon;
      result.push(property);
      at = this.next(value, end);
    }
    return result;
  }

  private elements(): Node[] {
    const result: Node[] = [];
    const end = this.offset + this.length - 1;
    let at = skipBlanks(this.text, this.offset + 1);
    while (at < end) {
      const element = valueAt(this.text, this.brackets, at, this);
      result.push(element);
      at = this.next(element, end);
    }
    return result;
  }

  /** Where the entry after `node` starts: past a comma, or the container's end. */
  private next(node: Node, end: number): number {
    const after = skipBlanks(this.text, node.offset + node.length);
    if (after === end) {
      return end;
    }
    if (this.text[after] !== ',') {
      throw new NotPlainJson();
    }
    const following = skipBlanks(this.text, after + 1);
    // JSONC allows a trailing comma; the template and workflow hosts do as well.
    return following;
  }
}
