/**
 * JSON text held in a JSON string literal (Postman's `body.raw`): the literal cut into plain text,
 * escape sequences and `{{variables}}`, and fixes and completions written back escaped.
 */
import type { HostSyntax } from '../embedded/embeddedBody';
import type { TextEncoder } from '../json/jsonView';
import type { StringPiece } from '../scripts/stringView';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * The pieces of the literal whose quotes stand at [start, end). Undefined when the literal is not
 * well-formed (an unknown escape, a raw line break): the document's own syntax errors are VS Code's.
 */
export function jsonStringPieces(text: string, start: number, end: number): StringPiece[] | undefined {
  const pieces: StringPiece[] = [];
  const contentEnd = end - 1;
  let plainStart = start + 1;
  const flush = (until: number) => {
    if (until > plainStart) {
      pieces.push({ kind: 'text', hostStart: plainStart, text: text.slice(plainStart, until) });
    }
  };
  let i = start + 1;
  while (i < contentEnd) {
    const ch = text[i];
    if (ch === '\\') {
      const escape = escapeAt(text, i, contentEnd);
      if (!escape) {
        return undefined;
      }
      flush(i);
      pieces.push({ kind: 'escape', hostStart: i, hostEnd: escape.end, char: escape.char });
      i = plainStart = escape.end;
    } else if (ch === '{' && text[i + 1] === '{') {
      const close = variableEnd(text, i + 2, contentEnd);
      if (close === undefined) {
        i++;
        continue;
      }
      flush(i);
      pieces.push({ kind: 'interpolation', hostStart: i, hostEnd: close });
      i = plainStart = close;
    } else if (ch === '\n' || ch === '\r') {
      return undefined;
    } else {
      i++;
    }
  }
  flush(contentEnd);
  return pieces;
}

function escapeAt(text: string, at: number, end: number): { end: number; char: string } | undefined {
  const letter = text[at + 1];
  if (at + 1 >= end || letter === undefined) {
    return undefined;
  }
  if (letter === 'u') {
    const hex = text.slice(at + 2, at + 6);
    return at + 6 <= end && /^[0-9a-fA-F]{4}$/.test(hex) ? { end: at + 6, char: String.fromCharCode(parseInt(hex, 16)) } : undefined;
  }
  const char = SIMPLE_ESCAPES[letter];
  return char === undefined ? undefined : { end: at + 2, char };
}

/** The end of `{{name}}` whose name starts at `from`; names hold no braces, quotes, escapes or line breaks. */
function variableEnd(text: string, from: number, end: number): number | undefined {
  for (let i = from; i < end; i++) {
    const ch = text[i];
    if (ch === '}' && text[i + 1] === '}') {
      return i + 2 <= end ? i + 2 : undefined;
    }
    if (ch === '{' || ch === '"' || ch === '\\' || ch === '\n' || ch === '\r') {
      return undefined;
    }
  }
  return undefined;
}

/** Fix text written inside the literal: escaped as JSON escapes it. */
export const jsonStringEncoder: TextEncoder = (jsonText) => JSON.stringify(jsonText).slice(1, -1);

/** Completions inside the literal: quotes are escaped (`\\` is a backslash in snippet syntax). */
export const jsonStringSyntax: HostSyntax = {
  property: (name, valueSnippet) => `\\\\"${name}\\\\": ${valueSnippet}`,
  string: (text) => `\\\\"${text}\\\\"`,
};
