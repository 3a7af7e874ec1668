/** What a run found, file by file, in the shape every formatter reads: positions resolved, messages worded. */
import { createHash } from 'node:crypto';
import type { Finding, FindingCode, Severity, TextEditSpec } from '../core/findings';
import { findingMessage, fixTitle } from '../shared/messages';
import { LineIndex } from './positions';

export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ProblemEdit extends Span {
  readonly newText: string;
}

export interface ProblemFix {
  readonly title: string;
  /** Preferred fixes are the ones --fix and the editor's Fix All apply. */
  readonly preferred: boolean;
  readonly edits: readonly ProblemEdit[];
}

export interface Problem extends Span {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
  readonly docs?: string;
  readonly preempts?: string;
  /** Stable across runs while the flagged text stays the same, wherever it moves in the file. */
  readonly fingerprint: string;
  readonly fixes: readonly ProblemFix[];
}

/** A file that was looked at: analysed, skipped as too large, or one that could not be read, decoded or written. */
export type FileReport =
  | { readonly kind: 'analysed'; readonly display: string; readonly languageId: string; readonly problems: readonly Problem[]; readonly fixesApplied: number }
  | { readonly kind: 'too-large'; readonly display: string; readonly languageId: string; readonly message: string }
  | { readonly kind: 'file-error'; readonly display: string; readonly languageId?: string; readonly message: string };

export function problemsOf(text: string, findings: readonly Finding[]): Problem[] {
  if (findings.length === 0) {
    return [];
  }
  const lines = new LineIndex(text);
  const span = (start: number, end: number): Span => {
    const from = lines.position(start);
    const to = lines.position(end);
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  };
  const occurrences = new Map<string, number>();
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.map((finding) => {
    const flagged = text.slice(finding.start, finding.end).replace(/\s+/g, ' ');
    const key = `${finding.code}\u0000${flagged}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    return {
      ...span(finding.start, finding.end),
      code: finding.code,
      severity: finding.severity,
      message: findingMessage(finding),
      docs: finding.docs,
      preempts: finding.preempts,
      fingerprint: createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32),
      fixes: (finding.fixes ?? []).map((fix) => ({
        title: fixTitle(fix),
        preferred: fix.preferred,
        edits: fix.edits.map((edit: TextEditSpec) => ({ ...span(edit.start, edit.end), newText: edit.newText })),
      })),
    };
  });
}

export interface Totals {
  readonly files: number;
  readonly errors: number;
  /** Warnings, files that could not be read, decoded or written included. */
  readonly warnings: number;
  /** Information and hints. */
  readonly notes: number;
  readonly fixableErrors: number;
  readonly fixableWarnings: number;
  readonly fileErrors: number;
  readonly tooLarge: number;
  readonly fixesApplied: number;
  readonly filesFixed: number;
}

export function totalsOf(reports: readonly FileReport[]): Totals {
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let fileErrors = 0;
  let tooLarge = 0;
  let fixesApplied = 0;
  let filesFixed = 0;
  for (const report of reports) {
    if (report.kind === 'file-error') {
      fileErrors++;
      warnings++;
    } else if (report.kind === 'too-large') {
      tooLarge++;
    } else {
      fixesApplied += report.fixesApplied;
      filesFixed += report.fixesApplied > 0 ? 1 : 0;
      for (const problem of report.problems) {
        const fixable = problem.fixes.some((fix) => fix.preferred);
        if (problem.severity === 'error') {
          errors++;
          fixableErrors += fixable ? 1 : 0;
        } else if (problem.severity === 'warning') {
          warnings++;
          fixableWarnings += fixable ? 1 : 0;
        } else {
          notes++;
        }
      }
    }
  }
  return { files: reports.length, errors, warnings, notes, fixableErrors, fixableWarnings, fileErrors, tooLarge, fixesApplied, filesFixed };
}

/** --quiet: errors only (the exit code is decided on every problem, so hidden warnings still count toward --max-warnings). */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.flatMap((report) => {
    if (report.kind !== 'analysed') {
      return [];
    }
    return [{ ...report, problems: report.problems.filter((problem) => problem.severity === 'error') }];
  });
}
