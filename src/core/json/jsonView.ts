/**
 * A JSON view of a body written in another syntax: a PowerShell hashtable, a Python dict, a JSON
 * string inside a script or a Postman collection. The validator reads the view as plain JSON;
 * every view character remembers the host text it stands for, so findings, hovers and fixes land
 * on the host's own tokens.
 */
import type { TextEditSpec } from '../findings';
import type { Span } from '../http/httpParser';

export interface ViewMap {
  /** The host offset a view offset stands for; the view's end maps to the end of its last character. */
  toHost(viewOffset: number): number;
  /** Where a view range ending at `viewEnd` ends in the host: after its last character, not at the next one. */
  toHostEnd(viewEnd: number): number;
  /** The view offset of the first view character the host writes at or after a host offset. */
  toView(hostOffset: number): number;
  /**
   * Like `toView`, but a host offset right after a written character maps right after it, before
   * the characters the host does not write there (a bare key's closing quote): where a cursor at the
   * end of a word being typed is.
   */
  toViewAfter(hostOffset: number): number;
  /** The host edit for a view edit, or undefined when the host cannot express it. */
  hostEdit(edit: TextEditSpec): TextEditSpec | undefined;
}

/**
 * How a host writes one token (a key or a literal value) when a fix replaces it, given the new JSON
 * value: a bare PowerShell key stays bare, `'Key'` stays single-quoted. Undefined: no safe spelling.
 */
export type TokenWriter = (value: unknown) => string | undefined;

/**
 * How a host writes arbitrary JSON text at a place (escaping it into a string literal, say). It is
 * told the host range the text replaces, for hosts whose escaping changes along a literal (a shell
 * word may be partly '…' and partly "…").
 */
export type TextEncoder = (jsonText: string, hostStart: number, hostEnd: number) => string | undefined;

interface Token {
  readonly viewStart: number;
  readonly viewEnd: number;
  readonly hostStart: number;
  readonly hostEnd: number;
  readonly write?: TokenWriter;
}

/** Builds a view piece by piece, in host order. */
export class JsonViewBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  /** For each view character, the host range it stands for. */
  private hostStarts: number[] = [];
  private hostEnds: number[] = [];
  private readonly tokens: Token[] = [];
  private readonly placeholders: Span[] = [];

  constructor(private readonly encode?: TextEncoder) {}

  /** JSON punctuation or whitespace standing for host text (`@{` for `{`, `=` for `:`), or for nothing. */
  punct(json: string, hostStart: number, hostEnd = hostStart): void {
    this.spread(json, hostStart, hostEnd);
  }

  /** A key or literal value, written in the view as `json`, standing for the host token [hostStart, hostEnd). */
  token(json: string, hostStart: number, hostEnd: number, write?: TokenWriter): void {
    const viewStart = this.length;
    this.spread(json, hostStart, hostEnd);
    this.tokens.push({ viewStart, viewEnd: this.length, hostStart, hostEnd, write });
  }

  /** A value (or key, inside quotes) only known at run time: variables, calls, interpolations. */
  unknown(asKey: boolean, hostStart: number, hostEnd: number): void {
    const viewStart = this.length;
    this.spread(asKey ? '"_"' : '0', hostStart, hostEnd);
    this.placeholders.push({ start: asKey ? viewStart + 1 : viewStart, end: asKey ? this.length - 1 : this.length });
  }

  /** Host characters copied one for one (the inside of a JSON string literal). */
  copy(text: string, hostStart: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.hostStarts.push(hostStart + i);
      this.hostEnds.push(hostStart + i + 1);
    }
    this.length += text.length;
  }

  /** One decoded character standing for an escape sequence [hostStart, hostEnd). */
  decoded(char: string, hostStart: number, hostEnd: number): void {
    this.parts.push(char);
    for (let i = 0; i < char.length; i++) {
      this.hostStarts.push(hostStart);
      this.hostEnds.push(hostEnd);
    }
    this.length += char.length;
  }

  /** Host text that is only known when sent (`{{var}}`, `$x`, `{name}`), kept as same-length filler. */
  placeholder(hostStart: number, hostEnd: number, insideString: boolean): void {
    const viewStart = this.length;
    const width = Math.max(1, hostEnd - hostStart);
    const filler = insideString ? '_'.repeat(width) : '0'.padEnd(width, ' ');
    for (let i = 0; i < width; i++) {
      this.parts.push(filler[i]);
      this.hostStarts.push(Math.min(hostStart + i, hostEnd));
      this.hostEnds.push(Math.min(hostStart + i + 1, hostEnd));
    }
    this.length += width;
    this.placeholders.push({ start: viewStart, end: this.length });
  }

  get viewLength(): number {
    return this.length;
  }

  build(): JsonView {
    const starts = Int32Array.from(this.hostStarts);
    const ends = Int32Array.from(this.hostEnds);
    this.hostStarts = [];
    this.hostEnds = [];
    return new JsonView(this.parts.join(''), this.placeholders, starts, ends, this.tokens, this.encode);
  }

  private spread(json: string, hostStart: number, hostEnd: number): void {
    this.parts.push(json);
    const hostLength = hostEnd - hostStart;
    // The view writes JSON quotes where the host writes none (a bare key) or more (`'''x'''`, r'x'):
    // the inside of a token maps one for one, centred, and its first and last characters reach the
    // token's edges, so a range over the whole token is the whole host token.
    const delta = hostLength - json.length;
    const shift = delta >= 0 ? delta >> 1 : -((1 - delta) >> 1);
    const first = this.hostStarts.length;
    for (let i = 0; i < json.length; i++) {
      this.hostStarts.push(hostStart + clamp(i + shift, 0, hostLength));
      this.hostEnds.push(hostStart + clamp(i + shift + 1, 0, hostLength));
    }
    if (json.length > 0) {
      this.hostStarts[first] = hostStart;
      this.hostEnds[first + json.length - 1] = hostEnd;
    }
    this.length += json.length;
  }
}

export class JsonView implements ViewMap {
  constructor(
    readonly text: string,
    readonly placeholders: readonly Span[],
    private readonly hostStarts: Int32Array,
    private readonly hostEnds: Int32Array,
    private readonly tokens: readonly Token[],
    private readonly encode: TextEncoder | undefined,
  ) {}

  toHost(viewOffset: number): number {
    if (this.text.length === 0) {
      return 0;
    }
    if (viewOffset >= this.text.length) {
      return this.hostEnds[this.text.length - 1];
    }
    return this.hostStarts[Math.max(0, viewOffset)];
  }

  toHostEnd(viewEnd: number): number {
    if (viewEnd <= 0 || this.text.length === 0) {
      return this.toHost(0);
    }
    return this.hostEnds[Math.min(viewEnd, this.text.length) - 1];
  }

  toView(hostOffset: number): number {
    const starts = this.hostStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      // Characters the host does not write (a bare key's quotes) sit at their neighbours' offsets: skipped.
      if (this.hostEnds[middle] <= hostOffset && (starts[middle] < hostOffset || starts[middle] === this.hostEnds[middle])) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  toViewAfter(hostOffset: number): number {
    const next = this.toView(hostOffset);
    let index = next - 1;
    while (index >= 0 && this.hostStarts[index] === hostOffset && this.hostEnds[index] === hostOffset) {
      index--;
    }
    return index >= 0 && this.hostEnds[index] === hostOffset ? index + 1 : next;
  }

  hostEdit(edit: TextEditSpec): TextEditSpec | undefined {
    const token = this.tokenAt(edit.start, edit.end);
    if (token?.write) {
      const newText = token.write(parseJsonValue(edit.newText));
      return newText === undefined ? undefined : { start: token.hostStart, end: token.hostEnd, newText };
    }
    if (!this.encode || token) {
      return undefined;
    }
    const start = this.toHost(edit.start);
    const end = edit.end > edit.start ? this.toHostEnd(edit.end) : start;
    const newText = this.encode(edit.newText, start, end);
    return newText === undefined ? undefined : { start, end, newText };
  }

  private tokenAt(start: number, end: number): Token | undefined {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.tokens[middle].viewStart < start) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const token = this.tokens[low];
    return token && token.viewStart === start && token.viewEnd === end ? token : undefined;
  }
}

function clamp(value: number, min: number, max: number): number {
  return value < min ? min : value > max ? max : value;
}

function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
