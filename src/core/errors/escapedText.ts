/**
 * A view of document text with string escaping undone, level by level, that still knows where
 * every character came from. It lets one reader handle `{"error":…}`, `"{\"error\":…}"` and
 * doubly escaped forms while ranges point at the right characters of the document.
 */
export interface TextView {
  readonly text: string;
  /** Document offset of each character; one more entry for the offset just past the end. */
  sourceOffset(index: number): number;
}

export function identityView(text: string, base = 0): TextView {
  return { text, sourceOffset: (index) => base + index };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', "'": "'" };

/**
 * Undoes one level of JSON string escaping, starting at `from` of `view`, up to `limit` characters
 * or the first unescaped double quote (where the enclosing string ends).
 */
export function unescapeOnce(view: TextView, from: number, limit: number): TextView {
  const source = view.text;
  const end = Math.min(source.length, from + limit);
  const chars: string[] = [];
  const offsets: number[] = [];
  let i = from;
  while (i < end) {
    const ch = source[i];
    if (ch === '"') {
      break;
    }
    if (ch !== '\\' || i + 1 >= end) {
      chars.push(ch);
      offsets.push(i);
      i++;
      continue;
    }
    const next = source[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
      chars.push(String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)));
      offsets.push(i);
      i += 6;
      continue;
    }
    chars.push(SIMPLE_ESCAPES[next] ?? next);
    offsets.push(i);
    i += 2;
  }
  offsets.push(i);
  return {
    text: chars.join(''),
    sourceOffset: (index) => view.sourceOffset(offsets[Math.min(index, offsets.length - 1)]),
  };
}
