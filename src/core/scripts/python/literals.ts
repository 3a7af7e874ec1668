/** Python dicts, `dict(Key=…)` calls, lists, tuples and literals as language-neutral host values (scripts/literalView.ts). */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TokenWriter } from '../../json/jsonView';
import type { HostEntry, HostValue } from '../literalView';
import { stringKind, stringValue, stringWriter } from './strings';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
  'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
  'while', 'with', 'yield',
]);

/** A keyword argument's name is the key: a new name that is no identifier cannot be written there. */
export const identifierWriter: TokenWriter = (value) =>
  typeof value === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) && !KEYWORDS.has(value) ? value : undefined;

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** The expression a run of parentheses holds. */
export function unwrap(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression') {
    const inner = namedChildren(current);
    if (inner.length !== 1) {
      break;
    }
    current = inner[0];
  }
  return current;
}

/** `dict(…)`: a call that builds a dict from keyword arguments. */
export function isDictCall(node: Node): boolean {
  return node.type === 'call' && node.childForFieldName('function')?.text === 'dict' && node.childForFieldName('arguments')?.type === 'argument_list';
}

/** A dict literal or `dict(…)` call: what a body written as a Python object is. */
export function isDictNode(node: Node): boolean {
  return node.type === 'dictionary' || isDictCall(node);
}

export function readValue(node: Node, text: string): HostValue {
  const value = unwrap(node);
  const span = { start: value.startIndex, end: value.endIndex };
  switch (value.type) {
    case 'dictionary':
      return { kind: 'object', ...delimiters(value, '}'), entries: dictionaryEntries(value, text) };
    case 'call':
      return isDictCall(value) ? readDictCall(value, text) : { kind: 'unknown', span };
    case 'list':
    case 'tuple':
      return { kind: 'array', ...delimiters(value, value.type === 'list' ? ']' : ')'), elements: namedChildren(value).map((child) => readValue(child, text)) };
    case 'string':
    case 'concatenated_string': {
      const decoded = stringValue(value, text);
      const kind = value.type === 'string' ? stringKind(value) : undefined;
      // Adjacent literals hold the value between them: no single token to rewrite.
      return decoded === undefined ? { kind: 'unknown', span } : { kind: 'literal', span, value: decoded, write: kind && stringWriter(kind) };
    }
    case 'integer':
    case 'float': {
      const number = numberOf(value.text);
      return number === undefined ? { kind: 'unknown', span } : { kind: 'literal', span, value: number };
    }
    case 'unary_operator': {
      const operand = value.childForFieldName('argument');
      const sign = value.childForFieldName('operator')?.text;
      const number = operand && (operand.type === 'integer' || operand.type === 'float') ? numberOf(operand.text) : undefined;
      return number === undefined || (sign !== '-' && sign !== '+') ? { kind: 'unknown', span } : { kind: 'literal', span, value: sign === '-' ? -number : number };
    }
    case 'true':
      return { kind: 'literal', span, value: true };
    case 'false':
      return { kind: 'literal', span, value: false };
    case 'none':
      return { kind: 'literal', span, value: null };
    default:
      return { kind: 'unknown', span };
  }
}

function numberOf(written: string): number | undefined {
  const number = Number(written.replace(/_/g, ''));
  return Number.isFinite(number) ? number : undefined;
}

/** The opening and closing tokens; an unclosed one (being typed) closes where the node ends. */
function delimiters(node: Node, closing: string): { open: { start: number; end: number }; close: { start: number; end: number } } {
  const last = node.child(node.childCount - 1);
  const closed = last?.type === closing && !last.isMissing;
  return {
    open: { start: node.startIndex, end: node.startIndex + 1 },
    close: closed ? { start: last.startIndex, end: last.endIndex } : { start: node.endIndex, end: node.endIndex },
  };
}

/** The entries of a dict literal, in order; `**other` stands for keys only known when the script runs. */
export function dictionaryEntries(node: Node, text: string): HostEntry[] {
  const entries: HostEntry[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'pair') {
      const keyNode = child.childForFieldName('key');
      const valueNode = child.childForFieldName('value');
      if (!keyNode) {
        continue;
      }
      entries.push({ key: readKey(keyNode, text), keySpan: { start: keyNode.startIndex, end: keyNode.endIndex }, value: valueNode ? readValue(valueNode, text) : undefined });
    } else if (child.type === 'dictionary_splat') {
      entries.push(unknownEntry(child));
    }
  }
  return entries;
}

/** A string key written out; a name, number or call as key is only known when the script runs. */
export function readKey(keyNode: Node, text: string): HostEntry['key'] {
  const inner = unwrap(keyNode);
  const kind = stringKind(inner);
  const name = kind ? stringValue(inner, text) : undefined;
  return kind && name !== undefined ? { name, span: { start: inner.startIndex, end: inner.endIndex }, write: stringWriter(kind) } : undefined;
}

/** Keys that only the running script knows: `**other`, `dict(pairs)`, `body[name] = …`. */
export function unknownEntry(node: Node): HostEntry {
  const span = { start: node.startIndex, end: node.endIndex };
  return { keySpan: span, value: { kind: 'unknown', span } };
}

/** The entries a call's arguments add to a dict: `dict(Key=…)`, `body.update({…}, Key=…)`. */
export function argumentEntries(argumentList: Node, text: string): HostEntry[] {
  const entries: HostEntry[] = [];
  for (const argument of namedChildren(argumentList)) {
    const inner = unwrap(argument);
    if (argument.type === 'keyword_argument') {
      const name = argument.childForFieldName('name');
      const value = argument.childForFieldName('value');
      if (name) {
        const span = { start: name.startIndex, end: name.endIndex };
        entries.push({ key: { name: name.text, span, write: identifierWriter }, keySpan: span, value: value ? readValue(value, text) : undefined });
      }
    } else if (inner.type === 'dictionary') {
      entries.push(...dictionaryEntries(inner, text));
    } else if (isDictCall(inner)) {
      const nested = inner.childForFieldName('arguments');
      entries.push(...(nested ? argumentEntries(nested, text) : []));
    } else {
      entries.push(unknownEntry(argument));
    }
  }
  return entries;
}

function readDictCall(call: Node, text: string): HostValue {
  const argumentList = call.childForFieldName('arguments')!;
  const { close } = delimiters(argumentList, ')');
  return {
    kind: 'object',
    open: { start: call.startIndex, end: argumentList.startIndex + 1 },
    close,
    entries: argumentEntries(argumentList, text),
  };
}
