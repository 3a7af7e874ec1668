/**
 * The inside of a Python dict repr of an API error, without the `'error'` key that the main
 * recognizer is keyed on: `'code': 'ResourceNotFound', 'message': "…", 'target': '…'`, as a log
 * prints `response.json()['error']` or cuts a longer line. Without that key only the shape tells
 * such output from Python code that handles errors, so the rule is strict:
 *
 * - the run starts at a `'code'` key in single quotes, as `repr` writes keys (the API sends `code`
 *   first, and a dict keeps that order), whose value is a plausible code (below), and goes on,
 *   property after property, separated by commas, to the end of the dict or of the line (`repr`
 *   never breaks a line);
 * - every value is a literal: a string, a number, `True`, `False` or `None`; `{'code': code, …}`
 *   is code, not output. A nested `{` or `[` ends the run;
 * - the code is a documented API error code, or shaped like one (PascalCase, two capitals at least,
 *   so `'utf-8'`, `'x'` or `'Error'` are not);
 * - a `'message'` string stands in the same run: a code alone is too little to go on.
 *
 * `d['code'] = 'x'` and `r['code'] == 'X'` have no colon after the key and are never candidates.
 */
import { findErrorCode } from './errorCodes';
import { identityView } from './escapedText';
import type { ErrorField, RecognizedError } from './errorRecognizer';
import { LooseReader, type LooseString } from './looseReader';
import { meetsAny } from '../partitionPoint';

export type Fragment = Omit<RecognizedError, 'head'>;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** A `'code'` key with a value that may be a code: most lines of Python output are turned down here, unread. */
const CODE_KEY = /'code'[ \t]*:[ \t]*(['"])([A-Z][A-Za-z0-9]{3,63})\1/g;
const CODE_SHAPE = /^(?=(?:[^A-Z]*[A-Z]){2})(?=[^a-z]*[a-z])[A-Z][A-Za-z0-9]{3,63}$/;

/**
 * Fragments whose `'code'` key starts in [from, to) and that meet none of the `taken` ranges (the
 * objects the main recognizer found, in document order).
 */
export function recognizeFragments(text: string, from: number, to: number, taken: readonly Span[]): Fragment[] {
  const found: Fragment[] = [];
  const codeKey = new RegExp(CODE_KEY.source, 'g');
  codeKey.lastIndex = from;
  let match: RegExpExecArray | null;
  // The next `'message'` key, looked for again only once passed, so that the search stays linear.
  let message = -1;
  while ((match = codeKey.exec(text)) && match.index < to) {
    if (!isPlausibleCode(match[2]) || meetsAny(taken, match.index, match.index + 1)) {
      continue;
    }
    let lineEnd = text.indexOf('\n', match.index);
    lineEnd = lineEnd < 0 ? text.length : lineEnd;
    if (message < match.index) {
      message = text.indexOf("'message'", match.index);
      message = message < 0 ? text.length : message;
    }
    if (message >= lineEnd) {
      continue;
    }
    const run = readRun(text, match.index, lineEnd);
    if (run.fragment && !meetsAny(taken, run.fragment.start, run.fragment.end)) {
      found.push(run.fragment);
    }
    // Keys inside a run are its own: skipping them keeps a line of repeated keys linear.
    codeKey.lastIndex = Math.max(codeKey.lastIndex, run.resume);
  }
  return found;
}

interface Property {
  readonly key: LooseString;
  readonly value?: LooseString;
}

/** Reads the run of properties from the `'code'` key at `keyOffset`; `resume` is where to look for the next one. */
function readRun(text: string, keyOffset: number, lineEnd: number): { fragment?: Fragment; resume: number } {
  const reader = new LooseReader(identityView(text), keyOffset, lineEnd - keyOffset);
  const properties: Property[] = [];
  let end = keyOffset;
  let closed = false;
  for (;;) {
    const key = reader.readString();
    if (!key || !isClosed(text, key) || !reader.expect(':')) {
      break;
    }
    reader.skipSpace();
    const next = reader.peek();
    if (next === '"' || next === "'") {
      const value = reader.readString()!;
      properties.push({ key, value });
      end = value.end;
      if (!isClosed(text, value)) {
        // Cut here: the rest of the line, if any, is not this run's.
        break;
      }
    } else if (next === '{' || next === '[') {
      return { fragment: judge(text, keyOffset, properties, end), resume: reader.position };
    } else if (reader.readScalar()) {
      properties.push({ key });
      end = reader.position;
    } else if (next === undefined) {
      break;
    } else {
      // A name or an expression: this is Python code, not the repr of a response.
      return { resume: reader.position };
    }
    if (!reader.expect(',')) {
      closed = reader.expect('}');
      break;
    }
    reader.skipSpace();
    // Keys are in single quotes, as repr writes them.
    if (reader.peek() !== "'") {
      break;
    }
  }
  return { fragment: judge(text, keyOffset, properties, end, closed ? reader.position : undefined), resume: Math.max(reader.position, end) };
}

/** `end` is where the last value ends; `closedAt`, just past the `}` that follows it, if one does. */
function judge(text: string, keyOffset: number, properties: readonly Property[], end: number, closedAt?: number): Fragment | undefined {
  const field = (name: string): ErrorField | undefined => {
    const property = properties.find((candidate) => candidate.key.value === name);
    return property?.value && { value: property.value.value, start: property.value.start, end: property.value.end, keyStart: property.key.start, keyEnd: property.key.end };
  };
  const code = field('code');
  const message = field('message');
  if (!code || !message || !isClosed(text, code) || !isPlausibleCode(code.value)) {
    return undefined;
  }
  // `{'code': …}` is the repr of the error object itself (`response.json()['error']`): it spans its braces.
  // After other keys, the dict is something else's and the fragment is only the run.
  const brace = openingBrace(text, keyOffset);
  const complete = brace !== undefined && closedAt !== undefined;
  return { start: brace ?? keyOffset, end: complete ? closedAt : end, code, message, target: field('target'), escapeLevel: 0, complete };
}

function isPlausibleCode(code: string): boolean {
  return findErrorCode(code) !== undefined || CODE_SHAPE.test(code);
}

/** Whether a string token ends with the quote that opened it (and is not just that quote). */
function isClosed(text: string, token: Span): boolean {
  return token.end - token.start >= 2 && text[token.end - 1] === text[token.start];
}

/** The `{` just before a run's first key, past blanks, when there is one. */
function openingBrace(text: string, keyOffset: number): number | undefined {
  let i = keyOffset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) {
    i--;
  }
  return i >= 0 && text[i] === '{' ? i : undefined;
}

