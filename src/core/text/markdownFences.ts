/** Finds fenced code blocks in Markdown, with the span of their content. */
import type { Span } from '../http/httpParser';
import { iterateLines } from './lines';

export interface Fence {
  /** The info string's first word, lower-cased (`http`, `json`, …). */
  readonly language: string;
  readonly content: Span;
}

const OPENING = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;

export function findFences(text: string): Fence[] {
  const fences: Fence[] = [];
  let open: { marker: string; language: string; contentStart: number } | undefined;
  for (const line of iterateLines(text)) {
    if (!open) {
      const match = OPENING.exec(line.text);
      if (match) {
        open = { marker: match[1], language: match[2].toLowerCase(), contentStart: line.next };
      }
      continue;
    }
    const trimmed = line.text.trim();
    if (trimmed.startsWith(open.marker[0].repeat(open.marker.length)) && /^[`~]+$/.test(trimmed)) {
      fences.push({ language: open.language, content: { start: open.contentStart, end: line.start } });
      open = undefined;
    }
  }
  if (open) {
    // An unclosed fence runs to the end of the document, as CommonMark says.
    fences.push({ language: open.language, content: { start: open.contentStart, end: text.length } });
  }
  return fences;
}

const HEADING = /^ {0,3}#{1,6}(?:\s|$)/m;

/**
 * The API docs write a request as an `http` fence holding the request line and, right after it, a
 * `json` fence holding the body. The fence after `fences[index]` is taken as its body when it is
 * JSON and no heading stands between them (a heading starts another part: the response example).
 */
export function bodyFenceAfter(text: string, fences: readonly Fence[], index: number): Fence | undefined {
  const next = fences[index + 1];
  if (!next || (next.language !== 'json' && next.language !== 'jsonc')) {
    return undefined;
  }
  const between = text.slice(fences[index].content.end, next.content.start);
  return HEADING.test(between) ? undefined : next;
}
