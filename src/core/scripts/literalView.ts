/**
 * Object and array literals of any script language (hashtables, dicts, object literals), described
 * in one shape and turned into a JSON view: each language says what its nodes are, this module
 * writes the JSON the API would receive and remembers which host token each key and value is.
 */
import type { Span } from '../http/httpParser';
import { JsonViewBuilder, type TokenWriter } from '../json/jsonView';
import type { MaskedBody } from '../json/maskedBody';
import { asMasked } from './stringView';

export type HostValue =
  | { readonly kind: 'object'; readonly open: Span; readonly close: Span; readonly entries: readonly HostEntry[] }
  | { readonly kind: 'array'; readonly open: Span; readonly close: Span; readonly elements: readonly HostValue[] }
  /** A literal the script writes out: a string, number, boolean or null, as its JSON value. */
  | { readonly kind: 'literal'; readonly span: Span; readonly value: string | number | boolean | null; readonly write?: TokenWriter }
  /** A variable, call or interpolation: only known when the script runs. */
  | { readonly kind: 'unknown'; readonly span: Span };

export interface HostEntry {
  /** A key written out literally, or undefined for a computed one (`[k]: v`, `$k = v`). */
  readonly key?: { readonly name: string; readonly span: Span; readonly write?: TokenWriter };
  readonly keySpan: Span;
  readonly value?: HostValue;
}

export function literalView(root: HostValue): MaskedBody {
  const builder = new JsonViewBuilder();
  write(builder, root);
  return asMasked(builder.build());
}

function write(builder: JsonViewBuilder, value: HostValue): void {
  switch (value.kind) {
    case 'object': {
      builder.punct('{', value.open.start, value.open.end);
      // A blank where the opening ends, so a finding on the brace covers it and nothing after.
      builder.punct(' ', value.open.end);
      let previousEnd = value.open.end;
      value.entries.forEach((entry, index) => {
        if (index > 0) {
          // At the end of the value before, not at this key: a value's span ends where the host's
          // does, and a place between entries (a new line being typed) reads as after the comma.
          builder.punct(',', previousEnd);
        }
        if (entry.key) {
          builder.token(JSON.stringify(entry.key.name), entry.key.span.start, entry.key.span.end, entry.key.write);
        } else {
          builder.unknown(true, entry.keySpan.start, entry.keySpan.end);
        }
        builder.punct(':', entry.keySpan.end);
        if (entry.value) {
          write(builder, entry.value);
          endAt(builder, spanOf(entry.value).end, value.entries[index + 1]?.keySpan.start ?? value.close.start);
        } else {
          // A key being typed, value still missing: stands as an unknown value, not a syntax error.
          builder.unknown(false, entry.keySpan.end, entry.keySpan.end);
        }
        previousEnd = entry.value ? spanOf(entry.value).end : entry.keySpan.end;
      });
      builder.punct(' ', previousEnd);
      builder.punct('}', value.close.start, value.close.end);
      return;
    }
    case 'array': {
      builder.punct('[', value.open.start, value.open.end);
      builder.punct(' ', value.open.end);
      const previousEnd = value.open.end;
      value.elements.forEach((element, index) => {
        if (index > 0) {
          builder.punct(',', previousEnd);
        }
        write(builder, element);
        const next = value.elements[index + 1];
        endAt(builder, spanOf(element).end, next ? spanOf(next).start : value.close.start);
      });
      builder.punct(' ', previousEnd);
      builder.punct(']', value.close.start, value.close.end);
      return;
    }
    case 'literal':
      builder.token(JSON.stringify(value.value), value.span.start, value.span.end, value.write);
      return;
    case 'unknown':
      builder.unknown(false, value.span.start, value.span.end);
      return;
  }
}

/**
 * A value's end in the view maps to the host character after it; when the host writes spacing
 * before the next `,` or `}`, a zero-width space keeps a finding on the value from taking it in.
 */
function endAt(builder: JsonViewBuilder, valueEnd: number, nextStart: number): void {
  if (nextStart > valueEnd) {
    builder.punct(' ', valueEnd);
  }
}

export function spanOf(value: HostValue): Span {
  switch (value.kind) {
    case 'object':
    case 'array':
      return { start: value.open.start, end: value.close.end };
    default:
      return value.span;
  }
}
