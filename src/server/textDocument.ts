/**
 * The server's open documents: vscode-languageserver-textdocument's TextDocument, line for line
 * the same behaviour, with its line index held in a typed array and found with indexOf.
 *
 * The library builds its index one character at a time into a growing JavaScript array: 20–25 ms
 * for a 4 MB file on this project's test VM, paid when the first position is asked for, which is
 * when diagnostics are published after an open. Found with indexOf into a Uint32Array, the same
 * index takes about 2 ms (scripts/bench). A property test holds both implementations to the same
 * answers through any edits.
 */
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const LF = 10;
const CR = 13;

export class ServerDocument implements TextDocument {
  /** Offset of the first character of each line; computed on first use, then kept through edits. */
  private lineStarts: Uint32Array | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    private content: string,
  ) {}

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  getText(range?: Range): string {
    if (range) {
      return this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end));
    }
    return this.content;
  }

  positionAt(offset: number): Position {
    offset = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.starts();
    // The last line that starts at or before the offset.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (starts[middle] > offset) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.starts();
    if (position.line >= starts.length) {
      return this.content.length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = starts[position.line];
    if (position.character <= 0) {
      return lineStart;
    }
    const nextLineStart = position.line + 1 < starts.length ? starts[position.line + 1] : this.content.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  getLineRange(line: number): Range {
    const starts = this.starts();
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - starts[last] } };
    }
    if (line < 0) {
      return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    const lineStart = starts[line];
    const nextLineStart = line + 1 < starts.length ? starts[line + 1] : this.content.length;
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(nextLineStart, lineStart) - lineStart } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.starts();
    if (line >= starts.length || line < 0) {
      return '';
    }
    const nextLineStart = line + 1 < starts.length ? starts[line + 1] : this.content.length;
    return this.content.substring(this.beforeLineBreak(nextLineStart, starts[line]), nextLineStart);
  }

  /** Applies the changes in order, as TextDocument.update does. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range !== undefined) {
        this.applyIncremental(change.range, change.text);
      } else {
        this.content = change.text;
        this.lineStarts = undefined;
      }
    }
    this.currentVersion = version;
  }

  private applyIncremental(unordered: Range, text: string): void {
    const range = wellFormed(unordered);
    const startOffset = this.offsetAt(range.start);
    const endOffset = this.offsetAt(range.end);
    const old = this.content;
    this.content = old.substring(0, startOffset) + text + old.substring(endOffset, old.length);
    const starts = this.lineStarts;
    const startLine = Math.max(range.start.line, 0);
    const endLine = Math.max(range.end.line, 0);
    const insertedEnd = startOffset + text.length;
    const content = this.content;
    // A CRLF joined or split at either end of the edit, or a range past the last line: the index is
    // built again when next needed, rather than patched.
    if (
      !starts ||
      endLine >= starts.length ||
      (content.charCodeAt(startOffset - 1) === CR && content.charCodeAt(startOffset) === LF) ||
      (content.charCodeAt(insertedEnd - 1) === CR && content.charCodeAt(insertedEnd) === LF)
    ) {
      this.lineStarts = undefined;
      return;
    }
    const added = computeLineStarts(text, false, startOffset);
    const removed = endLine - startLine;
    let next: Uint32Array;
    if (removed === added.length) {
      next = starts;
      next.set(added, startLine + 1);
    } else {
      next = new Uint32Array(starts.length - removed + added.length);
      next.set(starts.subarray(0, startLine + 1), 0);
      next.set(added, startLine + 1);
      next.set(starts.subarray(endLine + 1), startLine + 1 + added.length);
    }
    const delta = text.length - (endOffset - startOffset);
    if (delta !== 0) {
      for (let i = startLine + 1 + added.length; i < next.length; i++) {
        next[i] += delta;
      }
    }
    this.lineStarts = next;
  }

  private starts(): Uint32Array {
    this.lineStarts ??= computeLineStarts(this.content, true, 0);
    return this.lineStarts;
  }

  /** Moves an offset back over the line break it stands after, never before the line's start. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.content.charCodeAt(offset - 1))) {
      offset--;
    }
    return offset;
  }
}

function isLineBreak(ch: number): boolean {
  return ch === CR || ch === LF;
}

function wellFormed(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : range;
}

/**
 * Where each line of `text` starts (plus `base`), a line breaking after CRLF, LF or a lone CR;
 * the first line's start is included when `atLineStart`. When every CR is part of a CRLF (files
 * from Windows) or there is none, each line starts after an LF, found natively with indexOf;
 * otherwise every character is read.
 */
export function computeLineStarts(text: string, atLineStart: boolean, base: number): Uint32Array {
  const starts = new Growing();
  if (atLineStart) {
    starts.push(base);
  }
  if (!hasLoneCarriageReturn(text)) {
    for (let lineFeed = text.indexOf('\n'); lineFeed >= 0; lineFeed = text.indexOf('\n', lineFeed + 1)) {
      starts.push(base + lineFeed + 1);
    }
    return starts.done();
  }
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === CR || ch === LF) {
      if (ch === CR && i + 1 < length && text.charCodeAt(i + 1) === LF) {
        i++;
      }
      starts.push(base + i + 1);
    }
  }
  return starts.done();
}

function hasLoneCarriageReturn(text: string): boolean {
  for (let cr = text.indexOf('\r'); cr >= 0; cr = text.indexOf('\r', cr + 1)) {
    if (text.charCodeAt(cr + 1) !== LF) {
      return true;
    }
  }
  return false;
}

/** A Uint32Array that doubles as it fills. */
class Growing {
  private items = new Uint32Array(256);
  private length = 0;

  push(value: number): void {
    if (this.length === this.items.length) {
      const larger = new Uint32Array(this.items.length * 2);
      larger.set(this.items);
      this.items = larger;
    }
    this.items[this.length++] = value;
  }

  done(): Uint32Array {
    return this.items.slice(0, this.length);
  }
}
