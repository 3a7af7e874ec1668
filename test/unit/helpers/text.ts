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
