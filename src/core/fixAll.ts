/** Fix all: the one choice of edits shared by the editor (`source.fixAll.mdeApi`) and the command line. */
import type { Finding, TextEditSpec } from './findings';

/** Every preferred fix, skipping any that would overlap an earlier one, so the edit set is valid. */
export function fixAllEdits(findings: readonly Finding[]): TextEditSpec[] {
  const edits = findings
    .flatMap((finding) => finding.fixes?.filter((fix) => fix.preferred).slice(0, 1) ?? [])
    .flatMap((fix) => fix.edits)
    .sort((a, b) => a.start - b.start);
  const kept: TextEditSpec[] = [];
  for (const edit of edits) {
    const previous = kept[kept.length - 1];
    if (!previous || previous.end <= edit.start) {
      kept.push(edit);
    }
  }
  return kept;
}

/** Applies edits that do not overlap (as fixAllEdits returns them), as an editor applies a workspace edit. */
export function applyEdits(text: string, edits: readonly TextEditSpec[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let position = 0;
  for (const edit of sorted) {
    parts.push(text.slice(position, edit.start), edit.newText);
    position = edit.end;
  }
  parts.push(text.slice(position));
  return parts.join('');
}
