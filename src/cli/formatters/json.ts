/** `--format json`: every checked file with its problems, positions 1-based (columns in UTF-16 code units), and the totals. */
import type { FileReport, Totals } from '../report';

export interface JsonReportTool {
  readonly name: string;
  readonly version: string;
}

export function formatJson(reports: readonly FileReport[], totals: Totals, tool: JsonReportTool): string {
  const files = reports.map((report) => {
    switch (report.kind) {
      case 'analysed':
        return { path: report.display, languageId: report.languageId, status: 'checked', fixesApplied: report.fixesApplied, problems: report.problems };
      case 'too-large':
        return { path: report.display, languageId: report.languageId, status: 'skipped', message: report.message, problems: [] };
      case 'file-error':
        return { path: report.display, languageId: report.languageId, status: 'failed', message: report.message, problems: [] };
    }
  });
  const summary = {
    files: totals.files,
    errors: totals.errors,
    warnings: totals.warnings,
    notes: totals.notes,
    fixableErrors: totals.fixableErrors,
    fixableWarnings: totals.fixableWarnings,
    failedFiles: totals.fileErrors,
    skippedFiles: totals.tooLarge,
    fixesApplied: totals.fixesApplied,
  };
  return `${JSON.stringify({ tool, files, summary }, null, 2)}\n`;
}
