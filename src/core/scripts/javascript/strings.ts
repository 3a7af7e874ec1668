/** JavaScript and TypeScript string and template literals: their pieces, decoded values and how fixes are written back. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEncoder, TokenWriter } from '../../json/jsonView';
import type { StringPiece } from '../stringView';

/** How a key or string value is written: a bare identifier key, or a literal in one of the three quotes. */
export type Quoting = 'bare' | 'single' | 'double' | 'template';

export type Quote = "'" | '"';

const QUOTE_OF: Readonly<Record<string, Quoting>> = { "'": 'single', '"': 'double', '`': 'template' };

export function isStringLiteral(node: Node): boolean {
  return node.type === 'string' || node.type === 'template_string';
}

export function quotingOf(node: Node): Quoting | undefined {
  return isStringLiteral(node) ? QUOTE_OF[node.text[0]] : undefined;
}

/** The literal's content cut into text, escapes and `${…}` substitutions, with document offsets. */
export function stringPieces(node: Node, text: string): StringPiece[] | undefined {
  const quoting = quotingOf(node);
  if (!quoting) {
    return undefined;
  }
  const contentStart = node.startIndex + 1;
  // A literal still being typed has no closing quote yet: its content runs to the node's end.
  const last = node.lastChild;
  const closed = !!last && !last.isNamed && !last.isMissing && last.type === text[node.startIndex] && last.startIndex > node.startIndex;
  const contentEnd = Math.max(contentStart, closed ? node.endIndex - 1 : node.endIndex);
  const pieces: StringPiece[] = [];
  let plainStart = contentStart;
  const flush = (until: number) => {
    if (until > plainStart) {
      pieces.push({ kind: 'text', hostStart: plainStart, text: text.slice(plainStart, until) });
    }
  };
  for (const child of node.namedChildren) {
    if (!child || child.startIndex < contentStart || child.endIndex > contentEnd) {
      continue;
    }
    if (child.type === 'escape_sequence') {
      flush(child.startIndex);
      pieces.push({ kind: 'escape', hostStart: child.startIndex, hostEnd: child.endIndex, char: decodeEscape(child.text) });
      plainStart = child.endIndex;
    } else if (child.type === 'template_substitution') {
      flush(child.startIndex);
      pieces.push({ kind: 'interpolation', hostStart: child.startIndex, hostEnd: child.endIndex });
      plainStart = child.endIndex;
    }
  }
  flush(contentEnd);
  return pieces;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  if (/^(?:\r\n|[\r\n\u2028\u2029])$/.test(body)) {
    // A line continuation stands for nothing.
    return '';
  }
  if (Object.hasOwn(SIMPLE_ESCAPES, body)) {
    return SIMPLE_ESCAPES[body];
  }
  const hex = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]{1,6})\})$/.exec(body);
  if (hex) {
    const code = parseInt(hex[1] ?? hex[2] ?? hex[3], 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : body;
  }
  return body;
}

/** The literal's value, or undefined when a `${…}` makes it known only at run time. */
export function stringValue(node: Node, text: string): string | undefined {
  const pieces = stringPieces(node, text);
  if (!pieces || pieces.some((piece) => piece.kind === 'interpolation')) {
    return undefined;
  }
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'escape' ? piece.char : '')).join('');
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** `text` as the content of a literal of this quoting (no quotes around it). */
export function escapeFor(quoting: Exclude<Quoting, 'bare'>, value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  switch (quoting) {
    case 'single':
      return escaped.replace(/'/g, "\\'").replace(/\n/g, '\\n');
    case 'double':
      return escaped.replace(/"/g, '\\"').replace(/\n/g, '\\n');
    case 'template':
      return escaped.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  }
}

export function quoted(quoting: Exclude<Quoting, 'bare'>, value: string): string {
  const mark = quoting === 'single' ? "'" : quoting === 'double' ? '"' : '`';
  return `${mark}${escapeFor(quoting, value)}${mark}`;
}

/**
 * Writes a new key or string value the way the replaced token was written: a bare key stays bare
 * (quoted with `fallback` when the new name is not an identifier), a quoted one keeps its quotes.
 */
export function stringWriter(quoting: Quoting, fallback: Quote): TokenWriter {
  return (value) => {
    if (typeof value !== 'string') {
      return undefined;
    }
    if (quoting === 'bare') {
      return isIdentifierName(value) ? value : quoted(fallback === "'" ? 'single' : 'double', value);
    }
    return quoted(quoting, value);
  };
}

/** How JSON text is written back inside a literal of this quoting. */
export function stringEncoder(quoting: Exclude<Quoting, 'bare'>): TextEncoder {
  return (json) => escapeFor(quoting, json);
}
