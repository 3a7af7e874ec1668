/** How JSON text is written back into shell quoting, so that the command receives exactly that text. */
import type { TextEncoder } from '../../json/jsonView';
import type { Quoting, ShellPiece } from './words';

/** Characters a bare word passes on as they are; anything else would need quoting we do not add. */
const SAFE_BARE = /^[\w.,:@%+/=-]*$/;

function encodeIn(quoting: Quoting, json: string, delimiter: string | undefined): string | undefined {
  switch (quoting) {
    case 'single':
      // A quote cannot be escaped inside '…': close, write an escaped quote, reopen.
      return json.replace(/'/g, "'\\''");
    case 'double':
      return json.replace(/[\\"$`]/g, '\\$&');
    case 'ansi-c':
      return json.replace(/[\\']/g, '\\$&');
    case 'heredoc':
      return endsHeredoc(json, delimiter) ? undefined : json.replace(/[\\$`]/g, '\\$&');
    case 'heredoc-literal':
      return endsHeredoc(json, delimiter) ? undefined : json;
    case 'bare':
      return SAFE_BARE.test(json) ? json : undefined;
  }
}

/** A line of the new text that reads as the delimiter would end the heredoc early. */
function endsHeredoc(json: string, delimiter: string | undefined): boolean {
  return delimiter !== undefined && json.split(/\r?\n/).some((line) => line.replace(/^\t+/, '') === delimiter);
}

/**
 * The encoder for a body written in these pieces. A word may mix quotings (`'{"a": "'"$x"'"}'`):
 * text is then written only where every quoting the word uses would write it the same way, since an
 * encoder is not told where its text goes.
 */
export function wordEncoder(pieces: readonly ShellPiece[], delimiter?: string): TextEncoder {
  const quotings = [...new Set(pieces.filter((piece) => piece.kind !== 'interpolation').map((piece) => piece.quoting))];
  return (json) => {
    let written: string | undefined;
    for (const quoting of quotings) {
      const encoded = encodeIn(quoting, json, delimiter);
      if (encoded === undefined || (written !== undefined && encoded !== written)) {
        return undefined;
      }
      written = encoded;
    }
    return written;
  };
}
