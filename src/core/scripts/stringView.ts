/**
 * The JSON view of JSON text written inside a script's string literal. Each language cuts its
 * literal into pieces (plain characters, escape sequences, interpolations); the view holds the
 * decoded text, and fixes are written back escaped the way that literal needs.
 */
import { JsonViewBuilder, type JsonView, type TextEncoder } from '../json/jsonView';
import type { MaskedBody } from '../json/maskedBody';

export type StringPiece =
  /** Characters the literal holds as they are. */
  | { readonly kind: 'text'; readonly hostStart: number; readonly text: string }
  /** One escape sequence (`\"`, `` `n ``, `''`) and the character it stands for. */
  | { readonly kind: 'escape'; readonly hostStart: number; readonly hostEnd: number; readonly char: string }
  /** `$x`, `${x}`, `{x}` in an f-string: only known when the script runs. */
  | { readonly kind: 'interpolation'; readonly hostStart: number; readonly hostEnd: number };

/** Whether the decoded text may be a JSON object: checked before any view is built. */
export function looksLikeJsonObject(pieces: readonly StringPiece[]): boolean {
  for (const piece of pieces) {
    if (piece.kind !== 'text') {
      return false;
    }
    const trimmed = piece.text.trimStart();
    if (trimmed.length > 0) {
      return trimmed.startsWith('{');
    }
  }
  return false;
}

export function stringView(pieces: readonly StringPiece[], encode: TextEncoder): MaskedBody {
  const builder = new JsonViewBuilder(encode);
  const state = { inside: false, escaped: false };
  for (const piece of pieces) {
    switch (piece.kind) {
      case 'text':
        builder.copy(piece.text, piece.hostStart);
        followStrings(piece.text, state);
        break;
      case 'escape':
        builder.decoded(piece.char, piece.hostStart, piece.hostEnd);
        followStrings(piece.char, state);
        break;
      case 'interpolation':
        builder.placeholder(piece.hostStart, piece.hostEnd, state.inside);
        state.escaped = false;
        break;
    }
  }
  return asMasked(builder.build());
}

export function asMasked(view: JsonView): MaskedBody {
  return { text: view.text, base: 0, placeholders: view.placeholders, map: view };
}

/** Tracks JSON string state across pieces, so a placeholder knows whether it stands inside quotes. */
function followStrings(text: string, state: { inside: boolean; escaped: boolean }): void {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (state.escaped) {
      state.escaped = false;
    } else if (state.inside && ch === '\\') {
      state.escaped = true;
    } else if (ch === '"') {
      state.inside = !state.inside;
    }
  }
}
