/** Line iteration over a whole document that keeps exact offsets, whatever the line endings. */

export interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  /** Offset just past the line break (equals `end` on the last line). */
  readonly next: number;
  readonly text: string;
}

/** Splits on CRLF, LF and lone CR alike, as editors do. A trailing line break yields no empty last line. */
export function* iterateLines(text: string, from = 0, to = text.length): Generator<Line> {
  let start = from;
  while (start < to) {
    let end = start;
    while (end < to) {
      const ch = text.charCodeAt(end);
      if (ch === 10 || ch === 13) {
        break;
      }
      end++;
    }
    let next = end;
    if (next < to) {
      next += text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10 ? 2 : 1;
    }
    yield { start, end, next, text: text.slice(start, end) };
    if (next === end) {
      return;
    }
    start = next;
  }
}

/** Offset of the start of the line that holds `offset`. */
export function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0) {
    const ch = text.charCodeAt(i - 1);
    if (ch === 10 || ch === 13) {
      break;
    }
    i--;
  }
  return i;
}
