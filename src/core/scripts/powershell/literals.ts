/** PowerShell hashtables, arrays and literals as language-neutral host values (scripts/literalView.ts). */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { HostEntry, HostValue } from '../literalView';
import { castTarget, stringKind, stringValue, stringWriter, unwrap } from './syntax';

const CONSTANTS: Readonly<Record<string, boolean | null>> = { $true: true, $false: false, $null: null };

/** The hashtable a node stands for (`@{…}`, `[ordered]@{…}`, `[pscustomobject]@{…}`), if any. */
export function hashtableOf(node: Node): Node | undefined {
  const value = unwrap(node);
  if (value.type === 'hash_literal_expression') {
    return value;
  }
  const cast = castTarget(value);
  return cast?.value.type === 'hash_literal_expression' ? cast.value : undefined;
}

export function readValue(node: Node, text: string): HostValue {
  const value = unwrap(node);
  const span = { start: value.startIndex, end: value.endIndex };
  const hashtable = hashtableOf(value);
  if (hashtable) {
    return readHashtable(hashtable, text);
  }
  switch (value.type) {
    case 'array_expression':
      return readArray(value, text);
    case 'array_literal_expression':
      // `1, 2, 3`: a comma list is an array.
      return { kind: 'array', open: { start: span.start, end: span.start }, close: { start: span.end, end: span.end }, elements: namedChildren(value).map((child) => readValue(child, text)) };
    case 'string_literal': {
      const decoded = stringValue(value, text);
      const kind = stringKind(value);
      return decoded === undefined || !kind ? { kind: 'unknown', span } : { kind: 'literal', span, value: decoded, write: stringWriter(kind) };
    }
    case 'integer_literal':
    case 'real_literal': {
      const number = Number(value.text.replace(/[dl]$/i, ''));
      return Number.isFinite(number) ? { kind: 'literal', span, value: number } : { kind: 'unknown', span };
    }
    case 'expression_with_unary_operator': {
      // `-1`: the grammar keeps the sign apart from the number.
      const operand = value.namedChild(0);
      if (value.text.startsWith('-') && operand && /^(?:integer|real)_literal$/.test(unwrap(operand).type)) {
        const number = -Number(unwrap(operand).text);
        return Number.isFinite(number) ? { kind: 'literal', span, value: number } : { kind: 'unknown', span };
      }
      return { kind: 'unknown', span };
    }
    case 'variable': {
      const name = value.text.toLowerCase();
      return Object.hasOwn(CONSTANTS, name) ? { kind: 'literal', span, value: CONSTANTS[name] } : { kind: 'unknown', span };
    }
    default:
      return { kind: 'unknown', span };
  }
}

function readHashtable(node: Node, text: string): HostValue {
  const entries: HostEntry[] = [];
  for (const child of namedChildren(node)) {
    if (child.type === 'hash_literal_body') {
      for (const entry of namedChildren(child)) {
        entries.push(...(entry.type === 'ERROR' ? entriesBeingTyped(entry, text) : readEntry(entry, text)));
      }
    } else if (child.type === 'ERROR') {
      entries.push(...entriesBeingTyped(child, text));
    }
  }
  // `@{` opens and `}` closes; an unclosed table (being typed) closes where the node ends.
  const closed = text[node.endIndex - 1] === '}';
  return {
    kind: 'object',
    open: { start: node.startIndex, end: node.startIndex + 2 },
    close: closed ? { start: node.endIndex - 1, end: node.endIndex } : { start: node.endIndex, end: node.endIndex },
    entries,
  };
}

function readEntry(entry: Node, text: string): HostEntry[] {
  if (entry.type !== 'hash_entry') {
    return [];
  }
  const keyNode = entry.namedChildren.find((child) => child?.type === 'key_expression');
  const valueNode = entry.namedChildren.find((child) => child?.type === 'pipeline' || child?.type === 'statement');
  if (!keyNode) {
    return [];
  }
  return [{ key: readKey(keyNode, text), keySpan: { start: keyNode.startIndex, end: keyNode.endIndex }, value: valueNode ? readValue(valueNode, text) : undefined }];
}

/** `@{ Comm` or `Comment =` with no value yet: the grammar leaves the key in an ERROR node. */
function entriesBeingTyped(error: Node, text: string): HostEntry[] {
  const entries: HostEntry[] = [];
  for (const child of namedChildren(error)) {
    if (child.type === 'hash_entry') {
      entries.push(...readEntry(child, text));
    } else if (child.type === 'key_expression') {
      entries.push({ key: readKey(child, text), keySpan: { start: child.startIndex, end: child.endIndex } });
    } else if (child.type === 'pipeline' && entries.length > 0 && !entries[entries.length - 1].value) {
      const last = entries.pop()!;
      entries.push({ ...last, value: readValue(child, text) });
    }
  }
  return entries;
}

/**
 * A table whose `@{` is never closed swallows the rest of the script into one ERROR node: its
 * complete entries are read up to the first thing that is not one (a key still being typed at the
 * very end counts), so nothing after it is taken for a key.
 */
export function unclosedTable(error: Node, text: string): HostValue | undefined {
  const children = error.children.filter((child): child is Node => child !== null);
  const open = children.findIndex((child) => child.type === '@{');
  if (open < 0) {
    return undefined;
  }
  const entries: HostEntry[] = [];
  let end = children[open].endIndex;
  for (let i = open + 1; i < children.length; i++) {
    const child = children[i];
    if (child.type === 'hash_entry') {
      entries.push(...readEntry(child, text));
    } else if (child.type === 'hash_literal_body') {
      namedChildren(child).forEach((entry) => entries.push(...readEntry(entry, text)));
    } else if (child.type === 'key_expression' && i === children.length - 1) {
      entries.push({ key: readKey(child, text), keySpan: { start: child.startIndex, end: child.endIndex } });
    } else if (child.type !== 'comment') {
      break;
    }
    end = child.endIndex;
  }
  const start = children[open].startIndex;
  return { kind: 'object', open: { start, end: start + 2 }, close: { start: end, end }, entries };
}

function readKey(keyNode: Node, text: string): HostEntry['key'] {
  return keyOf(unwrap(keyNode.namedChild(0) ?? keyNode), text);
}

/** A key written as a bare name, a string or a number; undefined for one computed at run time. */
export function keyOf(inner: Node, text: string): HostEntry['key'] {
  const span = { start: inner.startIndex, end: inner.endIndex };
  if (inner.type === 'simple_name') {
    return { name: inner.text, span, write: stringWriter('bare') };
  }
  if (inner.type === 'string_literal') {
    const name = stringValue(inner, text);
    const kind = stringKind(inner);
    return name === undefined || !kind ? undefined : { name, span, write: stringWriter(kind) };
  }
  if (inner.type === 'integer_literal') {
    return { name: inner.text, span };
  }
  return undefined;
}

function readArray(node: Node, text: string): HostValue {
  const statements = node.namedChildren.find((child) => child?.type === 'statement_list');
  const elements: HostValue[] = [];
  for (const statement of statements ? namedChildren(statements) : []) {
    const value = unwrap(statement);
    if (value.type === 'array_literal_expression' && value.namedChildCount > 1) {
      elements.push(...namedChildren(value).map((child) => readValue(child, text)));
    } else if (value.type !== 'empty_statement') {
      elements.push(readValue(value, text));
    }
  }
  const closed = text[node.endIndex - 1] === ')';
  return {
    kind: 'array',
    open: { start: node.startIndex, end: node.startIndex + 2 },
    close: closed ? { start: node.endIndex - 1, end: node.endIndex } : { start: node.endIndex, end: node.endIndex },
    elements,
  };
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}
