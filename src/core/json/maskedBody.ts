/**
 * Turns an .http body into text jsonc-parser can read, without moving a single offset:
 * `{{variables}}` become same-length JSON and whole-line comments become spaces.
 */
import type { Span } from '../http/httpParser';

export interface MaskedBody {
  /** Same length as the body span; offset i here is offset `base + i` in the document. */
  readonly text: string;
  readonly base: number;
  /** Where `{{…}}` placeholders stood, relative to `base`: values there are unknown until sent. */
  readonly placeholders: readonly Span[];
}

const PLACEHOLDER = /\{\{[^{}\r\n]*\}\}/g;

export function maskBody(documentText: string, body: Span, commentLines: readonly Span[] = []): MaskedBody {
  let text = documentText.slice(body.start, body.end);
  for (const comment of commentLines) {
    text = blank(text, comment.start - body.start, comment.end - body.start);
  }
  const placeholders: Span[] = [];
  if (text.includes('{{')) {
    const chars = text.split('');
    for (const match of text.matchAll(PLACEHOLDER)) {
      const start = match.index;
      const end = start + match[0].length;
      placeholders.push({ start, end });
      const filler = isInsideString(text, start) ? '_'.repeat(end - start) : '0'.padEnd(end - start, ' ');
      chars.splice(start, end - start, ...filler);
    }
    text = chars.join('');
  }
  return { text, base: body.start, placeholders };
}

function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
}

/** Whether `offset` lies inside a JSON string, scanning from the start of its line. */
function isInsideString(text: string, offset: number): boolean {
  // JSON strings cannot span lines, so the state is known from the line start.
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
    i--;
  }
  let inside = false;
  for (; i < offset; i++) {
    const ch = text[i];
    if (inside && ch === '\\') {
      i++;
    } else if (ch === '"') {
      inside = !inside;
    }
  }
  return inside;
}

/** Whether a value's span touches a placeholder, so its real value is unknown. */
export function touchesPlaceholder(masked: MaskedBody, start: number, end: number): boolean {
  return masked.placeholders.some((p) => p.start < end && start < p.end);
}
