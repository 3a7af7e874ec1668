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
 * `lfOnly` promises there is no CR between `start` and `to` (see lineEnd).
 */
export function readLine(text: string, start: number, to: number, lfOnly = false): Line {
  const end = lineEnd(text, start, to, lfOnly);
  const first = firstNonBlank(text, start, end);
  return new DocumentLine(text, start, end, afterBreak(text, end, to), first < end ? text[first] : '');
}

/**
 * Walks the lines between `from` and `to` as readLine reads them, without making an object per
 * line: `next()` moves to the next line and says whether there was one; `start`, `end` and
 * `first` (the first character that is not white space, or `end` on a blank line) describe it.
 */
export class LineCursor {
  start = 0;
  end = 0;
  first = 0;
  private position: number;

  constructor(
    private readonly text: string,
    from: number,
    private readonly to: number,
    private readonly lfOnly: boolean,
  ) {
    this.position = from;
  }

  next(): boolean {
    if (this.position >= this.to) {
      return false;
    }
    this.start = this.position;
    this.end = lineEnd(this.text, this.start, this.to, this.lfOnly);
    this.first = firstNonBlank(this.text, this.start, this.end);
    this.position = afterBreak(this.text, this.end, this.to);
    return true;
  }
}

/**
 * Where the line that starts at `start` ends: at its CR or LF, or at `to`. When the caller knows
 * there is no CR before `to` (most files have none), the LF is found natively with indexOf;
 * otherwise every character is read.
 */
function lineEnd(text: string, start: number, to: number, lfOnly: boolean): number {
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

function firstNonBlank(text: string, start: number, end: number): number {
  let first = start;
  while (first < end && isWhiteSpace(text.charCodeAt(first))) {
    first++;
  }
  return first;
}

/** Where the next line starts after a line that ends at `end`: past its CRLF, LF or CR, or `to`. */
function afterBreak(text: string, end: number, to: number): number {
  return end >= to ? to : end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
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
