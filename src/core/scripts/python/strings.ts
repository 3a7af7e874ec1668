/**
 * Python string literals: their kind (prefix, quote, triple), their content cut into text, escapes
 * and interpolations, and how a new value or JSON text is written back into the same kind of
 * literal. A literal that cannot hold the new text (a raw string and a quote, a byte string and a
 * non-ASCII letter) gets no fix rather than a wrong one.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TextEncoder, TokenWriter } from '../../json/jsonView';
import type { StringPiece } from '../stringView';

export interface StringKind {
  /** The prefix as written (`rb`, `F`, `u`, or nothing), kept when the literal is rewritten. */
  readonly prefix: string;
  readonly quote: "'" | '"';
  readonly triple: boolean;
  readonly raw: boolean;
  readonly bytes: boolean;
  /** An f-string: `{…}` interpolates and `{{`/`}}` stand for braces. */
  readonly formatted: boolean;
}

/**
 * A plain literal used as a template: `'…' % args` reads `%s` and `%%`, `'…'.format(…)` reads `{}`
 * and `{{`. Its JSON must keep those meanings when a fix rewrites it.
 */
export type Template = 'percent' | 'format';

export function stringKind(node: Node): StringKind | undefined {
  if (node.type !== 'string') {
    return undefined;
  }
  const start = node.child(0);
  const match = start?.type === 'string_start' ? /^([A-Za-z]*)('''|"""|'|")$/.exec(start.text) : null;
  if (!match) {
    return undefined;
  }
  const prefix = match[1];
  const lower = prefix.toLowerCase();
  return {
    prefix,
    quote: match[2][0] as "'" | '"',
    triple: match[2].length === 3,
    raw: lower.includes('r'),
    bytes: lower.includes('b'),
    formatted: lower.includes('f'),
  };
}

/** Where the characters between the quotes start and end; an unclosed literal ends where its node does. */
function contentRange(node: Node): { start: number; end: number } | undefined {
  const first = node.child(0);
  const last = node.child(node.childCount - 1);
  if (first?.type !== 'string_start') {
    return undefined;
  }
  const closed = last && last.type === 'string_end' && !last.isMissing && last.startIndex > first.startIndex;
  return { start: first.endIndex, end: closed ? last.startIndex : node.endIndex };
}

/** The literal's content cut into plain text, escapes and interpolations, with document offsets. */
export function stringPieces(node: Node, text: string, template?: Template): StringPiece[] | undefined {
  const kind = stringKind(node);
  const range = contentRange(node);
  if (!kind || !range) {
    return undefined;
  }
  // Escapes and interpolations as the grammar marks them, in order; plain text lies between.
  const marks: Node[] = [];
  for (const child of node.children) {
    if (!child) {
      continue;
    }
    if (child.type === 'interpolation') {
      marks.push(child);
    } else if (child.type === 'string_content') {
      for (const inner of child.children) {
        if (inner && (inner.type === 'escape_sequence' || inner.type === 'escape_interpolation')) {
          marks.push(inner);
        }
      }
    }
  }
  const pieces: StringPiece[] = [];
  let plainStart = range.start;
  const flush = (until: number) => {
    if (until > plainStart) {
      pushPlain(pieces, text.slice(plainStart, until), plainStart, template);
    }
  };
  for (const mark of marks) {
    if (mark.startIndex < plainStart || mark.endIndex > range.end) {
      continue;
    }
    flush(mark.startIndex);
    const written = text.slice(mark.startIndex, mark.endIndex);
    if (mark.type === 'interpolation') {
      pieces.push({ kind: 'interpolation', hostStart: mark.startIndex, hostEnd: mark.endIndex });
    } else if (mark.type === 'escape_interpolation') {
      pieces.push({ kind: 'escape', hostStart: mark.startIndex, hostEnd: mark.endIndex, char: written[0] });
    } else if (kind.raw) {
      // A raw literal keeps its backslashes: the grammar should not mark any, but text is text.
      pushPlain(pieces, written, mark.startIndex, template);
    } else {
      const char = decodeEscape(written, kind.bytes);
      pieces.push(
        char === undefined
          ? { kind: 'interpolation', hostStart: mark.startIndex, hostEnd: mark.endIndex }
          : { kind: 'escape', hostStart: mark.startIndex, hostEnd: mark.endIndex, char },
      );
    }
    plainStart = mark.endIndex;
  }
  flush(range.end);
  return pieces;
}

/** Plain characters, with a template's own markers (`%s`, `{}`) cut out as interpolations. */
function pushPlain(pieces: StringPiece[], plain: string, hostStart: number, template: Template | undefined): void {
  if (!template) {
    pieces.push({ kind: 'text', hostStart, text: plain });
    return;
  }
  const marker = template === 'percent' ? /%%|%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]/g : /\{\{|\}\}|\{[^{}]*\}/g;
  let copied = 0;
  for (const match of plain.matchAll(marker)) {
    if (match.index > copied) {
      pieces.push({ kind: 'text', hostStart: hostStart + copied, text: plain.slice(copied, match.index) });
    }
    const start = hostStart + match.index;
    const end = start + match[0].length;
    if (match[0] === '%%' || match[0] === '{{' || match[0] === '}}') {
      pieces.push({ kind: 'escape', hostStart: start, hostEnd: end, char: match[0][0] });
    } else {
      pieces.push({ kind: 'interpolation', hostStart: start, hostEnd: end });
    }
    copied = match.index + match[0].length;
  }
  if (copied < plain.length) {
    pieces.push({ kind: 'text', hostStart: hostStart + copied, text: plain.slice(copied) });
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
  '\r': '',
};

/** The character an escape sequence stands for; undefined when it names one by Unicode name (`\N{…}`). */
function decodeEscape(escape: string, bytes: boolean): string | undefined {
  const body = escape.slice(1);
  if (Object.hasOwn(SIMPLE_ESCAPES, body) || body === '\r\n') {
    return SIMPLE_ESCAPES[body[0]];
  }
  if (/^[0-7]{1,3}$/.test(body)) {
    return String.fromCharCode(parseInt(body, 8));
  }
  if (/^x[0-9a-fA-F]{2}$/.test(body)) {
    return String.fromCharCode(parseInt(body.slice(1), 16));
  }
  if (!bytes && /^(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})$/.test(body)) {
    const code = parseInt(body.slice(1), 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  if (body.startsWith('N{')) {
    return undefined;
  }
  // Python keeps an unknown escape as written, backslash and all.
  return escape;
}

/** The decoded value of a literal (or of adjacent literals), or undefined when any part interpolates. */
export function stringValue(node: Node, text: string): string | undefined {
  if (node.type === 'concatenated_string') {
    let value = '';
    for (const part of node.namedChildren) {
      if (part?.type !== 'string') {
        continue;
      }
      const decoded = stringValue(part, text);
      if (decoded === undefined) {
        return undefined;
      }
      value += decoded;
    }
    return value;
  }
  const pieces = stringPieces(node, text);
  if (!pieces || pieces.some((piece) => piece.kind === 'interpolation')) {
    return undefined;
  }
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'escape' ? piece.char : '')).join('');
}

interface EncodeOptions {
  /** Every quote of the literal's kind is escaped, not only those that would close it. */
  readonly escapeAllQuotes?: boolean;
  readonly template?: Template;
}

/** Characters as they must be written inside the literal's quotes; undefined when the literal cannot hold them. */
function encodeContent(value: string, kind: StringKind, options: EncodeOptions): string | undefined {
  const q = kind.quote;
  if (kind.bytes && /[^\x00-\x7f]/.test(value)) {
    return undefined;
  }
  let result: string;
  if (kind.raw) {
    // A raw literal has no escapes: a quote would end it, a backslash would pair with what follows.
    if (value.includes(q) || value.includes('\\') || (!kind.triple && /[\r\n]/.test(value)) || /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(value)) {
      return undefined;
    }
    result = value;
  } else {
    result = value.replace(/\\/g, '\\\\');
    if (!kind.triple || options.escapeAllQuotes) {
      result = result.split(q).join(`\\${q}`);
    } else {
      // In a triple-quoted literal a quote only needs escaping where three would meet.
      result = result.replace(new RegExp(`(?<=${q}${q})${q}`, 'g'), `\\${q}`);
    }
    result = result.replace(/[\x00-\x1f\x7f]/g, (ch) => {
      if (kind.triple && (ch === '\n' || ch === '\t')) {
        return ch;
      }
      return ESCAPE_OF[ch] ?? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`;
    });
  }
  if (kind.formatted || options.template === 'format') {
    result = result.replace(/[{}]/g, '$&$&');
  }
  if (options.template === 'percent') {
    result = result.replace(/%/g, '%%');
  }
  return result;
}

const ESCAPE_OF: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Writes a key or value in the same kind of literal as the one it replaces: `'comment'` becomes
 * `'Comment'`, `b"x"` stays a byte string. A boolean or null becomes Python's `True`/`None`.
 */
export function stringWriter(kind: StringKind): TokenWriter {
  return (value) => {
    if (typeof value === 'boolean') {
      return value ? 'True' : 'False';
    }
    if (value === null) {
      return 'None';
    }
    if (typeof value === 'number') {
      return Number.isFinite(value) ? String(value) : undefined;
    }
    if (typeof value !== 'string') {
      return undefined;
    }
    // A triple-quoted literal cannot end on its own quote (the closing three would take it): escape them all then.
    const content = encodeContent(value, kind, { escapeAllQuotes: kind.triple && value.endsWith(kind.quote) });
    if (content === undefined) {
      return undefined;
    }
    const delimiter = kind.triple ? kind.quote.repeat(3) : kind.quote;
    return `${kind.prefix}${delimiter}${content}${delimiter}`;
  };
}

/**
 * How JSON text is written into a literal that holds JSON: in `"{\"a\": 1}"` a JSON quote is `\"`,
 * in an f-string a brace is doubled. `quotesEscaped`: the author already escapes quotes that would
 * not need it (or the JSON is cut short, so an edit may reach the closing quotes).
 */
export function stringEncoder(kind: StringKind, template: Template | undefined, quotesEscaped: boolean): TextEncoder {
  return (json) => encodeContent(json, kind, { escapeAllQuotes: quotesEscaped, template });
}
