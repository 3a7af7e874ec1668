/** Line splitting over a whole document that keeps exact offsets, whatever the line endings. */

export interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  /** Offset just past the line break (equals `end` on the last line). */
  readonly next: number;
  readonly text: string;
}

/**
 * The lines of `text` between `from` and `to`, breaking on CRLF, LF and lone CR alike, as editors
 * do; a trailing line break yields no empty last line. An array rather than a generator: this runs
 * over every line of multi-megabyte files. (indexOf would scan past `to` for a CR that a file
 * without CRs never has, once per call: quadratic over many small blocks.)
 */
export function iterateLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
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
    if (end < to) {
      next += text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
    }
    lines.push({ start, end, next, text: text.slice(start, end) });
    if (next === end) {
      break;
    }
    start = next;
  }
  return lines;
}

/** The first character that is not white space, or '' for a blank line: lets parsers skip regexes. */
export function firstNonBlank(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (!isWhiteSpace(line.charCodeAt(i))) {
      return line[i];
    }
  }
  return '';
}

/** Exactly the characters of the regular expression class `\s`. */
function isWhiteSpace(ch: number): boolean {
  return (
    ch === 32 ||
    (ch >= 9 && ch <= 13) ||
    ch === 0xa0 ||
    ch === 0x1680 ||
    (ch >= 0x2000 && ch <= 0x200a) ||
    ch === 0x2028 ||
    ch === 0x2029 ||
    ch === 0x202f ||
    ch === 0x205f ||
    ch === 0x3000 ||
    ch === 0xfeff
  );
}
