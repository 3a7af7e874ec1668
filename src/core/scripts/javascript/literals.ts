/** JavaScript and TypeScript object literals, arrays and literal values as language-neutral host values (scripts/literalView.ts). */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TokenWriter } from '../../json/jsonView';
import type { HostEntry, HostValue } from '../literalView';
import { namedChildren, unwrap } from './nodes';
import { quotingOf, stringValue, stringWriter, type Quote } from './strings';

/** Deeper than this, a value is left unknown: no body nests so deep, and reading it must not exhaust the stack. */
const MAX_DEPTH = 100;

export class LiteralReader {
  constructor(
    private readonly text: string,
    /** The quote a bare key takes when its new name is not an identifier. */
    private readonly quote: Quote,
  ) {}

  read(node: Node, depth = 0): HostValue {
    const value = unwrap(node);
    const span = { start: value.startIndex, end: value.endIndex };
    if (depth > MAX_DEPTH || value.isMissing) {
      return { kind: 'unknown', span };
    }
    switch (value.type) {
      case 'object':
        return this.object(value, depth);
      case 'array':
        return this.array(value, depth);
      case 'string':
      case 'template_string': {
        const decoded = stringValue(value, this.text);
        const quoting = quotingOf(value);
        return decoded === undefined || !quoting ? { kind: 'unknown', span } : { kind: 'literal', span, value: decoded, write: stringWriter(quoting, this.quote) };
      }
      case 'number':
        return numberLiteral(value.text, span);
      case 'unary_expression': {
        const operator = value.childForFieldName('operator')?.text;
        const argument = value.childForFieldName('argument');
        const operand = argument && unwrap(argument);
        if ((operator === '-' || operator === '+') && operand?.type === 'number') {
          return numberLiteral(operator + operand.text, span);
        }
        return { kind: 'unknown', span };
      }
      case 'true':
        return { kind: 'literal', span, value: true };
      case 'false':
        return { kind: 'literal', span, value: false };
      case 'null':
        return { kind: 'literal', span, value: null };
      default:
        return { kind: 'unknown', span };
    }
  }

  /** The object with entries added later in the same function (`body.Key = …`), closing after the last of them. */
  readBuiltObject(object: Node, steps: readonly HostEntry[]): HostValue {
    const read = this.object(object, 0);
    if (read.kind !== 'object' || steps.length === 0) {
      return read;
    }
    const end = steps[steps.length - 1].value ? spanEnd(steps[steps.length - 1]) : steps[steps.length - 1].keySpan.end;
    // A key assigned again later is sent with its later value.
    const rewritten = new Set(steps.map((step) => step.key?.name));
    const kept = read.entries.filter((entry) => !entry.key || !rewritten.has(entry.key.name));
    return { ...read, entries: [...kept, ...steps], close: { start: end, end } };
  }

  /** A key written as `body.Key` or `body['Key']` in an assignment. */
  keyOf(keyNode: Node): HostEntry['key'] {
    const span = { start: keyNode.startIndex, end: keyNode.endIndex };
    if (keyNode.type === 'property_identifier') {
      // `body.Key` can only be renamed to another identifier.
      const write: TokenWriter = (value) => (typeof value === 'string' && /^[A-Za-z_$][\w$]*$/.test(value) ? value : undefined);
      return { name: keyNode.text, span, write };
    }
    return this.literalKey(keyNode);
  }

  private object(node: Node, depth: number): HostValue {
    const entries: HostEntry[] = [];
    for (const child of namedChildren(node)) {
      const entry = this.entry(child, depth);
      if (entry) {
        entries.push(entry);
      }
    }
    return { kind: 'object', ...delimiters(node, this.text, '}'), entries };
  }

  private entry(child: Node, depth: number): HostEntry | undefined {
    const keySpan = { start: child.startIndex, end: child.endIndex };
    switch (child.type) {
      case 'pair': {
        const keyNode = child.childForFieldName('key');
        const valueNode = child.childForFieldName('value');
        if (!keyNode) {
          return undefined;
        }
        const key = keyNode.type === 'property_identifier' ? { name: keyNode.text, span: { start: keyNode.startIndex, end: keyNode.endIndex }, write: stringWriter('bare', this.quote) } : this.literalKey(keyNode);
        const value = valueNode && !valueNode.isMissing ? this.read(valueNode, depth + 1) : undefined;
        // `['Key']`: the key is the string inside the brackets.
        return { key, keySpan: key?.span ?? { start: keyNode.startIndex, end: keyNode.endIndex }, value };
      }
      case 'shorthand_property_identifier': {
        // `{ comment }` sends the variable's value under its name: a new name keeps the variable as the value.
        const variable = child.text;
        const write: TokenWriter = (value) => {
          const written = stringWriter('bare', this.quote)(value);
          return written === undefined ? undefined : `${written}: ${variable}`;
        };
        return { key: { name: variable, span: keySpan, write }, keySpan, value: { kind: 'unknown', span: { start: child.endIndex, end: child.endIndex } } };
      }
      case 'spread_element':
        // Whatever the spread brings is unknown: its keys as much as its values.
        return { keySpan, value: { kind: 'unknown', span: { start: child.endIndex, end: child.endIndex } } };
      default:
        // Methods, accessors and half-typed text (ERROR) are not sent as JSON values.
        return undefined;
    }
  }

  /** A quoted, numeric or computed key; undefined (unknown) unless its name is written out. */
  private literalKey(keyNode: Node): HostEntry['key'] {
    let node = keyNode;
    if (node.type === 'computed_property_name') {
      const inner = node.firstNamedChild;
      if (!inner) {
        return undefined;
      }
      node = unwrap(inner);
    }
    const span = { start: node.startIndex, end: node.endIndex };
    if (node.type === 'number') {
      const number = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(number) ? { name: String(number), span } : undefined;
    }
    const quoting = quotingOf(node);
    const name = quoting ? stringValue(node, this.text) : undefined;
    return quoting && name !== undefined ? { name, span, write: stringWriter(quoting, this.quote) } : undefined;
  }

  private array(node: Node, depth: number): HostValue {
    const elements = namedChildren(node)
      .filter((child) => child.type !== 'comment')
      .map((child): HostValue => (child.type === 'spread_element' ? { kind: 'unknown', span: { start: child.startIndex, end: child.endIndex } } : this.read(child, depth + 1)));
    return { kind: 'array', ...delimiters(node, this.text, ']'), elements };
  }
}

function numberLiteral(written: string, span: { start: number; end: number }): HostValue {
  // BigInts (`1n`) do not serialize; separators (`1_000`) are only for the eye.
  const number = /n$/.test(written) ? NaN : Number(written.replace(/_/g, ''));
  return Number.isFinite(number) ? { kind: 'literal', span, value: number } : { kind: 'unknown', span };
}

/** `{`/`[` and its closer; an unclosed literal (being typed) closes where its node ends. */
function delimiters(node: Node, text: string, closer: string): { open: { start: number; end: number }; close: { start: number; end: number } } {
  const last = node.lastChild;
  const closed = !!last && last.type === closer && !last.isMissing && text[node.endIndex - 1] === closer;
  return {
    open: { start: node.startIndex, end: node.startIndex + 1 },
    close: closed ? { start: node.endIndex - 1, end: node.endIndex } : { start: node.endIndex, end: node.endIndex },
  };
}

function spanEnd(entry: HostEntry): number {
  const value = entry.value!;
  return value.kind === 'object' || value.kind === 'array' ? value.close.end : value.span.end;
}
