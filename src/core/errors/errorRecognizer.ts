/**
 * Finds Defender API error objects, `{"error": {"code", "message", "target"}}`, in any text:
 * JSON, .http responses, logs, Markdown, PowerShell and Python output (whole, cut short, or only
 * the inside of the error's dict), and JSON escaped inside strings. Ranges are document offsets of
 * the exact characters, whatever the escaping.
 */
import { identityView, unescapeOnce, type TextView } from './escapedText';
import { LooseReader, type LooseString } from './looseReader';
import { recognizeFragments } from './pythonFragment';
import { findResponseHead, type ResponseHead } from './responseHead';

/** A string field of an error object, with the document span of its value (quotes included). */
export interface ErrorField {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  /** The span of the field's key. */
  readonly keyStart: number;
  readonly keyEnd: number;
}

export interface RecognizedError {
  /**
   * From the enclosing `{` (or the `"error"` key) to the end of the error object. A Python
   * fragment without the `'error'` key starts at its `'code'` key, or at the `{` just before it.
   */
  readonly start: number;
  readonly end: number;
  readonly code?: ErrorField;
  readonly message?: ErrorField;
  readonly target?: ErrorField;
  /** How many times the JSON was escaped inside strings (0 for plain JSON). */
  readonly escapeLevel: number;
  /** False when the object was cut short; what was there is still reported. */
  readonly complete: boolean;
  /** The status line and headers of the response that carried it, when they are in the text. */
  readonly head?: ResponseHead;
}

export interface RecognizeOptions {
  /** Only look for objects whose `"error"` key starts in this range (for hovers on huge logs). */
  readonly from?: number;
  readonly to?: number;
}

const CANDIDATE = /(\\*)(["'])error\1\2\s*:/g;
/** An error object is small; these bound the work per candidate whatever was pasted. */
const OBJECT_BUDGET = 1 << 20;
/**
 * Escaped text is undone up front, as far as its enclosing string goes: a short first try keeps
 * many escaped keys in one long string linear, and only an object it cut is read again in full.
 */
const ESCAPED_FIRST_TRY = 2 * 1024;
const MAX_ESCAPE_LEVEL = 4;
/**
 * A candidate that is not an error may still be read to its budget (an unclosed `"error": {"a": [`),
 * and every candidate inside it re-reads the same text: past this many such reads still open
 * around a candidate, it is skipped, which keeps lines of truncated objects linear.
 */
const MAX_OPEN_FAILED_READS = 4;

export function recognizeErrors(text: string, options: RecognizeOptions = {}): RecognizedError[] {
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(text.length, options.to ?? text.length);
  const found: RecognizedError[] = [];
  const pattern = new RegExp(CANDIDATE.source, 'g');
  pattern.lastIndex = from;
  let match: RegExpExecArray | null;
  let previousEnd = 0;
  let openFailedReads: number[] = [];
  while ((match = pattern.exec(text)) && match.index < to) {
    const at = match.index;
    if (at < previousEnd) {
      continue;
    }
    openFailedReads = openFailedReads.filter((end) => end > at);
    if (openFailedReads.length >= MAX_OPEN_FAILED_READS) {
      continue;
    }
    // Only `"error": {` can start an error object: other values are skipped before any unescaping.
    if (!opensObject(text, pattern.lastIndex)) {
      continue;
    }
    const level = escapeLevelOf(match[1].length);
    const reach = { end: at };
    const read = level === undefined ? undefined : readError(text, at, level, reach);
    // A brace the previous object already took (it was cut short there) is not this one's: it starts at its key.
    const error = read && read.start < previousEnd ? { ...read, start: at } : read;
    if (error) {
      const head = findResponseHead(text, error.start, previousEnd);
      found.push(head ? { ...error, head } : error);
      previousEnd = error.end;
      pattern.lastIndex = Math.max(pattern.lastIndex, error.end);
    } else if (reach.end > at) {
      openFailedReads.push(reach.end);
    }
  }
  const fragments = recognizeFragments(text, from, to, found);
  return fragments.length === 0 ? found : withFragments(text, found, fragments);
}

/** Both lists in document order; a fragment's head is looked for only after the error before it. */
function withFragments(text: string, found: readonly RecognizedError[], fragments: readonly Omit<RecognizedError, 'head'>[]): RecognizedError[] {
  const isFragment = new Set(fragments);
  const merged = [...found, ...fragments].sort((a, b) => a.start - b.start);
  return merged.map((error, index) => {
    if (!isFragment.has(error)) {
      return error;
    }
    const head = findResponseHead(text, error.start, index > 0 ? merged[index - 1].end : 0);
    return head ? { ...error, head } : error;
  });
}

/** The error object that contains `offset`, if any; looks only near it, so huge logs stay fast. */
export function errorAt(text: string, offset: number, window = 64 * 1024): RecognizedError | undefined {
  // An object starts at its outer `{`, before the `"error"` key the search is keyed on: on that
  // brace or the blanks after it, the key still lies ahead of the offset.
  const ahead = /^[{\s]*/.exec(text.slice(offset, offset + 1024))![0].length;
  return recognizeErrors(text, { from: Math.max(0, offset - window), to: offset + ahead + 1 }).find(
    (error) => error.start <= offset && offset <= error.end,
  );
}

/** The same error seen from `delta` characters further on: for recognitions reused after an edit. */
export function shiftError(error: RecognizedError, delta: number): RecognizedError {
  if (delta === 0) {
    return error;
  }
  const field = (value: ErrorField | undefined): ErrorField | undefined =>
    value && { value: value.value, start: value.start + delta, end: value.end + delta, keyStart: value.keyStart + delta, keyEnd: value.keyEnd + delta };
  return { ...error, start: error.start + delta, end: error.end + delta, code: field(error.code), message: field(error.message), target: field(error.target) };
}

/** Whether a `{` follows, past blanks and escaped line breaks or tabs (`\n`, `\\n`, …). */
function opensObject(text: string, from: number): boolean {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i++;
    } else if (ch === '\\') {
      let j = i;
      while (text[j] === '\\') {
        j++;
      }
      if (text[j] !== 'n' && text[j] !== 'r' && text[j] !== 't') {
        return false;
      }
      i = j + 1;
    } else {
      return ch === '{';
    }
  }
  return false;
}

/** Backslashes before a quote at escape level k: 0, 1, 3, 7, … (2^k − 1). */
function escapeLevelOf(backslashes: number): number | undefined {
  for (let level = 0; level <= MAX_ESCAPE_LEVEL; level++) {
    if (backslashes === 2 ** level - 1) {
      return level;
    }
  }
  return undefined;
}

/** `reach.end` is set to where the read of the object stopped, so a failed read says what it cost. */
function readError(
  text: string,
  keyOffset: number,
  level: number,
  reach: { end: number },
  budget = level > 0 ? ESCAPED_FIRST_TRY : OBJECT_BUDGET,
): Omit<RecognizedError, 'head'> | undefined {
  let view: TextView = identityView(text);
  let start = keyOffset;
  for (let i = 0; i < level; i++) {
    view = unescapeOnce(view, start, budget);
    start = 0;
  }
  const reader = new LooseReader(view, start, OBJECT_BUDGET);
  if (!reader.readString() || !reader.expect(':')) {
    return undefined;
  }
  reader.skipSpace();
  if (reader.peek() !== '{') {
    return undefined;
  }
  const inner = reader.readObject();
  if (!inner) {
    return undefined;
  }
  reader.skipSpace();
  reach.end = view.sourceOffset(reader.position);
  if ((!inner.complete || reader.peek() === undefined) && budget < OBJECT_BUDGET) {
    // The first try may have cut the object, or the brace that closes its outer object.
    return readError(text, keyOffset, level, reach, OBJECT_BUDGET);
  }
  const field = (name: string): ErrorField | undefined => {
    const property = inner.properties.find((candidate) => candidate.key.value === name);
    if (!property?.value) {
      return undefined;
    }
    const key = toDocument(view, property.key);
    const value = toDocument(view, property.value);
    return { value: property.value.value, start: value.start, end: value.end, keyStart: key.start, keyEnd: key.end };
  };
  const code = field('code');
  if (!code && !field('target')) {
    // `"error": {…}` without either is some other payload, not an API error response.
    return undefined;
  }
  const closesOuter = inner.complete && reader.peek() === '}';
  const endInView = closesOuter ? reader.position + 1 : inner.end;
  return {
    start: outerStart(text, keyOffset),
    end: view.sourceOffset(endInView),
    code,
    message: field('message'),
    target: field('target'),
    escapeLevel: level,
    complete: inner.complete,
  };
}

function toDocument(view: TextView, span: LooseString): { start: number; end: number } {
  return { start: view.sourceOffset(span.start), end: view.sourceOffset(span.end) };
}

/** The `{` that opens the object holding the `"error"` key, when only blanks stand between. */
function outerStart(text: string, keyOffset: number): number {
  let i = keyOffset - 1;
  while (i >= 0 && /\s/.test(text[i])) {
    i--;
  }
  return i >= 0 && text[i] === '{' ? i : keyOffset;
}
