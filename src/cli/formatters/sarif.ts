/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning and Azure DevOps. One rule per diagnostic
 * code; results with 1-based regions in UTF-16 code units (SARIF's default column kind, stated),
 * partial fingerprints, and every quick fix as a SARIF fix. Paths under the working folder are
 * relative to %SRCROOT%, which originalUriBaseIds maps to that folder.
 */
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../core/findings';
import { currentLanguage, t } from '../../shared/language';
import type { FileReport, Span } from '../report';
import { ruleCodes, rules } from '../rules';

export interface SarifTool {
  readonly name: string;
  readonly fullName: string;
  readonly version: string;
  readonly informationUri: string;
  /** Where the diagnostic codes are explained: every rule's helpUri. */
  readonly rulesHelpUri: string;
}

export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'mdeApiLint/v1';

type Level = 'error' | 'warning' | 'note';

const levels: Record<Severity, Level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(reports: readonly FileReport[], tool: SarifTool, cwd: string): string {
  const ruleIndex = new Map(ruleCodes.map((code, index) => [code, index]));
  const results = reports.flatMap((report) => {
    if (report.kind !== 'analysed') {
      return [];
    }
    const artifactLocation = artifactLocationOf(report.display);
    return report.problems.map((problem) => ({
      ruleId: problem.code,
      ruleIndex: ruleIndex.get(problem.code),
      level: levels[problem.severity],
      message: problem.docs ? { text: problem.message, markdown: `${escapeMarkdown(problem.message)} [${escapeMarkdown(t('Documentation'))}](${problem.docs})` } : { text: problem.message },
      locations: [{ physicalLocation: { artifactLocation, region: regionOf(problem) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: problem.fingerprint },
      fixes:
        problem.fixes.length > 0
          ? problem.fixes.map((fix) => ({
              description: { text: fix.title },
              artifactChanges: [
                {
                  artifactLocation,
                  replacements: fix.edits.map((edit) => ({
                    deletedRegion: regionOf(edit),
                    ...(edit.newText ? { insertedContent: { text: edit.newText } } : {}),
                  })),
                },
              ],
              properties: { preferred: fix.preferred },
            }))
          : undefined,
      properties: problem.docs || problem.preempts ? { docs: problem.docs, preempts: problem.preempts } : undefined,
    }));
  });
  const notifications = reports.flatMap((report) =>
    report.kind === 'analysed'
      ? []
      : [
          {
            level: report.kind === 'file-error' ? 'warning' : 'note',
            message: { text: report.message },
            descriptor: { id: report.kind === 'file-error' ? 'file-not-checked' : 'file-too-large' },
            locations: [{ physicalLocation: { artifactLocation: artifactLocationOf(report.display) } }],
          },
        ],
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            fullName: tool.fullName,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: ruleCodes.map((code) => ({
              id: code,
              name: pascalCase(code),
              shortDescription: { text: rules[code].description() },
              fullDescription: { text: rules[code].description() },
              helpUri: tool.rulesHelpUri,
              help: { text: t('{description} Each result links to the documentation of its operation when it has one.', { description: rules[code].description() }) },
              defaultConfiguration: { level: levels[rules[code].severity] },
            })),
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications.length > 0 ? notifications : undefined }],
        language: currentLanguage(),
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function regionOf(span: Span) {
  return { startLine: span.line, startColumn: span.column, endLine: span.endLine, endColumn: span.endColumn };
}

/** A relative path becomes a relative URI against %SRCROOT%; a path outside the working folder, a file URI. */
function artifactLocationOf(display: string): { uri: string; uriBaseId?: string } {
  if (display.startsWith('/') || /^[A-Za-z]:[\\/]/.test(display) || display.startsWith('\\\\')) {
    return { uri: pathToFileURL(display).href };
  }
  return { uri: display.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function pascalCase(code: string): string {
  return code.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~-]/g, '\\$&');
}
