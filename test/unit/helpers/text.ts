/** Small helpers for tests that talk about positions in text. */
import type { TextEditSpec } from '../../../src/core/findings';

export const CURSOR = '|';

/** Removes the cursor marker and returns where it stood. */
export function withCursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf(CURSOR);
  if (offset < 0) {
    throw new Error('no cursor marker in test text');
  }
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** Applies non-overlapping edits, last first, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEditSpec[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

/** A random edit as property tests draw it: position and length are folded into the text's bounds. */
export interface DrawnEdit {
  readonly at: number;
  readonly length: number;
  readonly insert: string;
}

/** Applies a drawn edit; returns the new text and the change as LSP would report it. */
export function applyDrawnEdit(text: string, edit: DrawnEdit): { text: string; change: { start: number; end: number; newLength: number } } {
  const start = edit.at % (text.length + 1);
  const end = Math.min(text.length, start + edit.length);
  return { text: text.slice(0, start) + edit.insert + text.slice(end), change: { start, end, newLength: edit.insert.length } };
}
