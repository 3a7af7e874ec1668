/**
 * Bytes to text and back, keeping what the editor keeps: UTF-8 with or without a byte order mark,
 * and UTF-16 (little or big endian) with one, as VS Code detects it. The text handed to the
 * analysis has no byte order mark, as in the editor, so positions are the editor's.
 */

export type Encoding = 'utf8' | 'utf16le' | 'utf16be';

export interface DecodedText {
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
}

export type Decoding = { readonly ok: true; readonly decoded: DecodedText } | { readonly ok: false; readonly reason: 'binary' | 'encoding' };

/** How far to look for a NUL byte, as git does to call a file binary. */
const BINARY_PROBE = 8000;

export function decode(bytes: Uint8Array): Decoding {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return utf8(bytes.subarray(3), true);
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      return { ok: true, decoded: { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf16le', bom: true } };
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      return { ok: true, decoded: { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(swapBytes(bytes.subarray(2))), encoding: 'utf16be', bom: true } };
    }
    return utf8(bytes, false);
  } catch {
    return { ok: false, reason: 'encoding' };
  }
}

function utf8(bytes: Uint8Array, bom: boolean): Decoding {
  if (bytes.subarray(0, BINARY_PROBE).includes(0)) {
    return { ok: false, reason: 'binary' };
  }
  return { ok: true, decoded: { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf8', bom } };
}

export function encode(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  switch (encoding) {
    case 'utf8': {
      const body = new TextEncoder().encode(text);
      return bom ? concat([0xef, 0xbb, 0xbf], body) : body;
    }
    case 'utf16le':
    case 'utf16be': {
      const body = new Uint8Array(text.length * 2);
      for (let index = 0; index < text.length; index++) {
        const unit = text.charCodeAt(index);
        body[2 * index] = unit & 0xff;
        body[2 * index + 1] = unit >> 8;
      }
      return encoding === 'utf16le' ? concat(bom ? [0xff, 0xfe] : [], body) : concat(bom ? [0xfe, 0xff] : [], swapBytes(body));
    }
  }
}

function swapBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.length % 2 !== 0) {
    throw new Error('odd number of bytes in UTF-16 text');
  }
  const swapped = new Uint8Array(bytes.length);
  for (let index = 0; index < bytes.length; index += 2) {
    swapped[index] = bytes[index + 1];
    swapped[index + 1] = bytes[index];
  }
  return swapped;
}

function concat(head: readonly number[], body: Uint8Array): Uint8Array {
  const result = new Uint8Array(head.length + body.length);
  result.set(head, 0);
  result.set(body, head.length);
  return result;
}
