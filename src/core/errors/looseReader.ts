/**
 * A forgiving reader for one JSON-like object: double or single quotes (Python reprs), truncation
 * anywhere, and unknown extra fields. It never throws and never reads past its budget.
 */
import type { TextView } from './escapedText';

/** A string value with its span in the view (quotes included). */
export interface LooseString {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

export interface LooseProperty {
  readonly key: LooseString;
  /** Present when the value is a string (or an object with a string `value`, as OData sends). */
  readonly value?: LooseString;
}

export interface LooseObject {
  readonly start: number;
  /** Just past the closing brace, or where reading stopped on truncated input. */
  readonly end: number;
  readonly complete: boolean;
  readonly properties: readonly LooseProperty[];
}

export class LooseReader {
  private pos: number;
  private readonly limit: number;

  constructor(
    private readonly view: TextView,
    start: number,
    budget: number,
  ) {
    this.pos = start;
    this.limit = Math.min(view.text.length, start + budget);
  }

  get position(): number {
    return this.pos;
  }

  skipSpace(): void {
    const text = this.view.text;
    while (this.pos < this.limit && /\s/.test(text[this.pos])) {
      this.pos++;
    }
  }

  peek(): string | undefined {
    return this.pos < this.limit ? this.view.text[this.pos] : undefined;
  }

  expect(ch: string): boolean {
    this.skipSpace();
    if (this.peek() === ch) {
      this.pos++;
      return true;
    }
    return false;
  }

  readString(): LooseString | undefined {
    this.skipSpace();
    const quote = this.peek();
    if (quote !== '"' && quote !== "'") {
      return undefined;
    }
    const text = this.view.text;
    const start = this.pos;
    const parts: string[] = [];
    let i = start + 1;
    while (i < this.limit) {
      const ch = text[i];
      if (ch === quote) {
        this.pos = i + 1;
        return { value: parts.join(''), start, end: i + 1 };
      }
      if (ch === '\n' || ch === '\r') {
        break;
      }
      if (ch === '\\' && i + 1 < this.limit) {
        const next = text[i + 1];
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          parts.push(String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)));
          i += 6;
          continue;
        }
        parts.push(ESCAPES[next] ?? next);
        i += 2;
        continue;
      }
      parts.push(ch);
      i++;
    }
    // Truncated: keep what is there.
    this.pos = i;
    return { value: parts.join(''), start, end: i };
  }

  /** Reads an object whose `{` is at the current position. */
  readObject(depth = 0): LooseObject | undefined {
    this.skipSpace();
    const start = this.pos;
    if (!this.expect('{')) {
      return undefined;
    }
    const properties: LooseProperty[] = [];
    // A cut object ends with its last token, not with the blanks or the next log line read past it.
    let lastEnd = this.pos;
    for (;;) {
      this.skipSpace();
      if (this.expect('}')) {
        return { start, end: this.pos, complete: true, properties };
      }
      if (this.peek() === ',') {
        this.pos++;
        continue;
      }
      const key = this.readString();
      if (!key || !this.expect(':')) {
        return { start, end: lastEnd, complete: false, properties };
      }
      this.skipSpace();
      const value = this.readPropertyValue(depth);
      properties.push({ key, value });
      lastEnd = this.pos;
      if (this.pos >= this.limit) {
        return { start, end: this.pos, complete: false, properties };
      }
    }
  }

  /** Skips a number or a JSON or Python constant (`true`, `None`, …); false, without moving, when something else is there. */
  readScalar(): boolean {
    this.skipSpace();
    SCALAR.lastIndex = this.pos;
    const match = SCALAR.exec(this.view.text);
    if (!match || this.pos + match[0].length > this.limit) {
      return false;
    }
    this.pos += match[0].length;
    return true;
  }

  private readPropertyValue(depth: number): LooseString | undefined {
    const ch = this.peek();
    if (ch === '"' || ch === "'") {
      return this.readString();
    }
    // Deeper objects are skipped flat: `{"a":{"a":…` pasted thousands deep must not overflow the stack.
    if (ch === '{' && depth < MAX_NESTED_OBJECTS) {
      const nested = this.readObject(depth + 1);
      return nested?.properties.find((property) => property.key.value === 'value')?.value;
    }
    this.skipScalarOrArray();
    return undefined;
  }

  private skipScalarOrArray(): void {
    const text = this.view.text;
    let depth = 0;
    while (this.pos < this.limit) {
      const ch = text[this.pos];
      if (ch === '"' || ch === "'") {
        this.readString();
        continue;
      }
      if (ch === '[' || ch === '{') {
        depth++;
      } else if (ch === ']' || ch === '}') {
        if (depth === 0) {
          return;
        }
        depth--;
      } else if (ch === ',' && depth === 0) {
        return;
      }
      this.pos++;
    }
  }
}

const SCALAR = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])|(?:true|false|null|True|False|None)(?![\w.])/y;

/** Error fields sit one level down (OData's `{"value": …}`); a few more levels cost nothing. */
const MAX_NESTED_OBJECTS = 8;

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
