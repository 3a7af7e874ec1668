/** The default format, grouped by file like ESLint's "stylish": one aligned line per problem, then a summary. */
import type { Severity } from '../../core/findings';
import { currentLanguage, t } from '../../shared/language';
import type { Style } from '../colors';
import type { FileReport, Totals } from '../report';

interface Row {
  readonly where: string;
  readonly severity: Severity | 'file';
  readonly message: string;
  readonly code: string;
}

export function formatStylish(reports: readonly FileReport[], totals: Totals, style: Style, fixMode: boolean): string {
  const out: string[] = [];
  for (const report of reports) {
    const rows: Row[] =
      report.kind === 'analysed'
        ? report.problems.map((problem) => ({ where: `${problem.line}:${problem.column}`, severity: problem.severity, message: problem.message, code: problem.code }))
        : [{ where: '', severity: report.kind === 'file-error' ? 'warning' : 'file', message: report.message, code: '' }];
    if (rows.length === 0) {
      continue;
    }
    const labels = rows.map((row) => severityLabel(row.severity));
    const whereWidth = Math.max(...rows.map((row) => row.where.length));
    const labelWidth = Math.max(...labels.map((label) => label.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    out.push('', style.underline(report.display));
    rows.forEach((row, index) => {
      const label = colorSeverity(row.severity, labels[index].padEnd(labelWidth), style);
      const code = row.code ? `  ${style.dim(row.code)}` : '';
      const where = whereWidth > 0 ? `${style.dim(row.where.padEnd(whereWidth))}  ` : '';
      out.push(`  ${where}${label}  ${row.code ? row.message.padEnd(messageWidth) : row.message}${code}`.trimEnd());
    });
  }
  const problems = totals.errors + totals.warnings + totals.notes;
  if (problems > 0) {
    const parts = [plural(totals.errors, t('{count} error'), t('{count} errors')), plural(totals.warnings, t('{count} warning'), t('{count} warnings'))];
    if (totals.notes > 0) {
      parts.push(plural(totals.notes, t('{count} note'), t('{count} notes')));
    }
    const summary = `✖ ${t('{problems} ({details})', { problems: plural(problems, t('{count} problem'), t('{count} problems')), details: parts.join(', ') })}`;
    const paint = totals.errors > 0 ? style.red : totals.warnings > 0 ? style.yellow : style.cyan;
    out.push('', paint(style.bold(summary)));
    if (!fixMode && totals.fixableErrors + totals.fixableWarnings > 0) {
      const fixable = t('{errors} and {warnings} can be fixed with the --fix option.', {
        errors: plural(totals.fixableErrors, t('{count} error'), t('{count} errors')),
        warnings: plural(totals.fixableWarnings, t('{count} warning'), t('{count} warnings')),
      });
      out.push(paint(style.bold(`  ${fixable}`)));
    }
  }
  if (totals.fixesApplied > 0) {
    const applied = t('Applied {fixes} in {files}.', {
      fixes: plural(totals.fixesApplied, t('{count} fix'), t('{count} fixes')),
      files: plural(totals.filesFixed, t('{count} file'), t('{count} files')),
    });
    out.push('', style.green(applied));
  }
  return out.length > 0 ? `${out.join('\n')}\n\n` : '';
}

function severityLabel(severity: Row['severity']): string {
  switch (severity) {
    case 'error':
      return t('error');
    case 'warning':
      return t('warning');
    case 'information':
      return t('info');
    case 'hint':
      return t('hint');
    case 'file':
      return t('skipped');
  }
}

function colorSeverity(severity: Row['severity'], label: string, style: Style): string {
  return severity === 'error' ? style.red(label) : severity === 'warning' ? style.yellow(label) : severity === 'file' ? style.dim(label) : style.cyan(label);
}

/** "{count} …" in the singular or plural form the current language uses for `count` (French: 0 and 1 are singular). */
export function plural(count: number, one: string, other: string): string {
  const form = new Intl.PluralRules(currentLanguage()).select(count) === 'one' ? one : other;
  return form.replace('{count}', String(count));
}
