/**
 * Turns an .http body into text jsonc-parser can read, without moving a single offset:
 * `{{variables}}` become same-length JSON and whole-line comments become spaces.
 */
import type { Span } from '../http/httpParser';
import type { ViewMap } from './jsonView';
import { meetsAny } from '../partitionPoint';

export interface MaskedBody {
  /** Same length as the body span; offset i here is offset `base + i` in the document. */
  readonly text: string;
  readonly base: number;
  /** Where `{{…}}` placeholders stood, relative to `base`: values there are unknown until sent. */
  readonly placeholders: readonly Span[];
  /**
   * Present when the text is a JSON view of another syntax (jsonView.ts): offsets then go through
   * the map instead of adding `base`, which is 0.
   */
  readonly map?: ViewMap;
}

/** The document offset of an offset into the masked text. */
export function hostOffset(masked: MaskedBody, offset: number): number {
  return masked.map ? masked.map.toHost(offset) : masked.base + offset;
}

/** The document offset where a range of the masked text ending at `offset` ends. */
export function hostEndOffset(masked: MaskedBody, offset: number): number {
  return masked.map ? masked.map.toHostEnd(offset) : masked.base + offset;
}

/** The offset into the masked text of a document offset. */
export function viewOffset(masked: MaskedBody, documentOffset: number): number {
  return masked.map ? masked.map.toView(documentOffset) : documentOffset - masked.base;
}

const PLACEHOLDER = /\{\{[^{}\r\n]*\}\}/g;

export function maskBody(documentText: string, body: Span, commentLines: readonly Span[] = []): MaskedBody {
  const comments = commentLines.map((comment) => ({ start: comment.start - body.start, end: comment.end - body.start }));
  let text = blankAll(documentText.slice(body.start, body.end), comments);
  const placeholders: Span[] = [];
  if (text.includes('{{')) {
    const parts: string[] = [];
    const insideString = stringScanner(text);
    let copied = 0;
    // Built in one pass: thousands of placeholders on one line must not cost a scan of the line each.
    for (const match of text.matchAll(PLACEHOLDER)) {
      const start = match.index;
      const end = start + match[0].length;
      placeholders.push({ start, end });
      parts.push(text.slice(copied, start), insideString(start) ? '_'.repeat(end - start) : '0'.padEnd(end - start, ' '));
      copied = end;
    }
    parts.push(text.slice(copied));
    text = parts.join('');
  }
  return { text, base: body.start, placeholders };
}

/** Blanks the spans in one pass; blanking them one by one would copy a long body once per comment line. */
function blankAll(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) {
    return text;
  }
  const parts: string[] = [];
  let copied = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(copied, span.start);
    if (span.end > start) {
      parts.push(text.slice(copied, start), ' '.repeat(span.end - start));
      copied = span.end;
    }
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Whether offsets, asked in increasing order, lie inside a JSON string; one pass over the text in all. */
function stringScanner(text: string): (offset: number) => boolean {
  // JSON strings cannot span lines, so a line break ends whatever string was open.
  let i = 0;
  let inside = false;
  return (offset) => {
    for (; i < offset; i++) {
      const ch = text[i];
      if (ch === '\n' || ch === '\r') {
        inside = false;
      } else if (inside && ch === '\\') {
        if (text[i + 1] !== '\n' && text[i + 1] !== '\r') {
          i++;
        }
      } else if (ch === '"') {
        inside = !inside;
      }
    }
    return inside;
  };
}

/** Whether a value's span touches a placeholder, so its real value is unknown. */
export function touchesPlaceholder(masked: MaskedBody, start: number, end: number): boolean {
  // Placeholders are in order and apart: a binary search keeps an array of thousands of them linear.
  return meetsAny(masked.placeholders, start, end);
}

/** `viewOffset`, with a document offset at the end of a word mapped to that word's end (see `ViewMap.toViewAfter`). */
export function viewOffsetAfter(masked: MaskedBody, documentOffset: number): number {
  return masked.map ? masked.map.toViewAfter(documentOffset) : documentOffset - masked.base;
}
