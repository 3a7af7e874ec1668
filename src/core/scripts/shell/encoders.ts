/** How JSON text is written back into shell quoting, so that the command receives exactly that text. */
import type { TextEncoder } from '../../json/jsonView';
import type { Quoting, ShellPiece } from './words';
import { partitionPoint } from '../../partitionPoint';

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
 * The encoder for a body written in these pieces. A word may change quoting along the way
 * (`'{"a": "it'\''s"}'`): text is written in the quoting of the place it goes. A replaced range that
 * starts and ends in the same quoting leaves the shell in that quoting, so the new text, written in
 * it, reads back the same whatever the range crossed.
 */
export function wordEncoder(pieces: readonly ShellPiece[], delimiter?: string): TextEncoder {
  return (json, hostStart, hostEnd) => {
    const first = pieceAt(pieces, hostStart);
    const last = hostEnd > hostStart ? pieceAt(pieces, hostEnd - 1) : first;
    if (!first || !last || first.kind === 'interpolation' || last.kind === 'interpolation' || first.quoting !== last.quoting) {
      return undefined;
    }
    return encodeIn(first.quoting, json, delimiter);
  };
}

/** The piece that writes the character at a host offset. */
function pieceAt(pieces: readonly ShellPiece[], offset: number): ShellPiece | undefined {
  const piece = pieces[partitionPoint(pieces, (candidate) => pieceEnd(candidate) <= offset)];
  return piece && piece.hostStart <= offset ? piece : undefined;
}

function pieceEnd(piece: ShellPiece): number {
  return piece.kind === 'text' ? piece.hostStart + piece.text.length : piece.hostEnd;
}
