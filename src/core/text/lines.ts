/** Line splitting over a whole document that keeps exact offsets, whatever the line endings. */

export interface Line {
  /** Offset of the first character of the line. */
  readonly start: number;
  /** Offset just past the last character, before the line break. */
  readonly end: number;
  /** Offset just past the line break (equals `end` on the last line). */
  readonly next: number;
  /** The first character that is not white space, or '' for a blank line: lets parsers skip regexes. */
  readonly first: string;
  readonly text: string;
}

/** Most lines of a large file are only ever asked for their first character: their text is cut on demand. */
class DocumentLine implements Line {
  private cut: string | undefined;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
    readonly next: number,
    readonly first: string,
  ) {}

  get text(): string {
    this.cut ??= this.source.slice(this.start, this.end);
    return this.cut;
  }
}

/**
 * The line that starts at `start`, breaking on CRLF, LF or a lone CR, never reading past `to`.
 * `lfOnly` promises there is no CR before `to` (see lineEnd).
 */
export function readLine(text: string, start: number, to: number, lfOnly = false): Line {
  const end = lineEnd(text, start, to, lfOnly);
  let first = start;
  while (first < end && isWhiteSpace(text.charCodeAt(first))) {
    first++;
  }
  let next = end;
  if (end < to) {
    next += text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
  }
  return new DocumentLine(text, start, end, next, first < end ? text[first] : '');
}

/**
 * Where the line that starts at `start` ends: at its CR or LF, or at `to`. When the caller knows
 * there is no CR before `to` (most files have none), the LF is found natively with indexOf;
 * otherwise every character is read.
 */
export function lineEnd(text: string, start: number, to: number, lfOnly: boolean): number {
  if (lfOnly) {
    const lineFeed = text.indexOf('\n', start);
    return lineFeed < 0 || lineFeed > to ? to : lineFeed;
  }
  let end = start;
  while (end < to) {
    const ch = text.charCodeAt(end);
    if (ch === 10 || ch === 13) {
      break;
    }
    end++;
  }
  return end;
}

/**
 * The lines of `text` between `from` and `to`, as editors break them; a trailing line break
 * yields no empty last line.
 */
export function iterateLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    const line = readLine(text, start, to);
    lines.push(line);
    if (line.next === line.end) {
      break;
    }
    start = line.next;
  }
  return lines;
}

/** Exactly the characters of the regular expression class `\s`. */
export function isWhiteSpace(ch: number): boolean {
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
