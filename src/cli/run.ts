/** A whole run of `mde-api-lint`: options, files, analysis, report, exit code. The process itself is wired in main.ts. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { displayName, repository, version } from '../../package.json';
import { setLanguage, t } from '../shared/language';
import { isAnalyzed } from './analyze';
import { localeOf, parseArgs, type Options } from './args';
import { colorsWanted, styleFor, type ColorTarget } from './colors';
import { discover } from './files';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { commandName, helpText } from './help';
import { describeError, lintFile } from './lint';
import { Progress } from './progress';
import { errorsOnly, totalsOf, type FileReport, type Totals } from './report';

export interface OutputStream extends ColorTarget {
  write(text: string): unknown;
}

export interface RunContext {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
}

export const ExitCode = { clean: 0, problems: 1, failure: 2 } as const;

const repositoryUrl = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

export async function run(context: RunContext): Promise<number> {
  const { stderr } = context;
  const locale = localeOf(context.argv, context.env);
  setLanguage(locale);
  const parsed = parseArgs(context.argv, locale);
  if (!parsed.ok) {
    stderr.write(`${commandName}: ${parsed.message}\n${t('Run {command} --help to see the options.', { command: commandName })}\n`);
    return ExitCode.failure;
  }
  const options = parsed.options;
  if (options.help) {
    context.stdout.write(helpText());
    return ExitCode.clean;
  }
  if (options.version) {
    context.stdout.write(`${version}\n`);
    return ExitCode.clean;
  }
  try {
    return await check(context, options);
  } catch (error) {
    stderr.write(`${commandName}: ${t('internal error: {error}', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`);
    return ExitCode.failure;
  }
}

async function check(context: RunContext, options: Options): Promise<number> {
  const { stderr, cwd } = context;
  const discovery = discover(options.patterns, cwd, isAnalyzed);
  if (discovery.unmatched.length > 0) {
    for (const pattern of discovery.unmatched) {
      stderr.write(`${commandName}: ${t('No file or folder matches "{pattern}".', { pattern })}\n`);
    }
    return ExitCode.failure;
  }
  const reports: FileReport[] = discovery.unreadableFolders.map((folder) => ({
    kind: 'file-error',
    display: folder.display,
    message: t('Cannot read this folder ({error}).', { error: describeError(folder.error) }),
  }));
  const diffs: string[] = [];
  const progress = new Progress(stderr, discovery.files.length);
  const fix = options.fix ? 'write' : options.fixDryRun ? 'diff' : 'none';
  for (const [index, file] of discovery.files.entries()) {
    progress.update(index);
    const result = await lintFile(file, { maxFileSizeMB: options.maxFileSizeMB, fix });
    reports.push(result.report);
    if (result.diff) {
      diffs.push(result.diff);
    }
  }
  progress.finish();

  // The exit code weighs every problem; with --quiet, the report shows and counts the errors only.
  const totals = totalsOf(reports);
  const shown = options.quiet ? errorsOnly(reports) : reports;
  const shownTotals = options.quiet ? totalsOf(shown) : totals;
  const toFile = options.output !== undefined;
  let text: string;
  if (options.fixDryRun) {
    text = diffs.join('');
  } else if (options.format === 'json') {
    text = formatJson(shown, shownTotals, { name: commandName, version });
  } else if (options.format === 'sarif') {
    text = formatSarif(shown, { name: commandName, fullName: `${displayName} (${commandName})`, version, informationUri: repositoryUrl, rulesHelpUri: `${repositoryUrl}#what-it-does` }, cwd);
  } else {
    text = formatStylish(shown, shownTotals, styleFor(!toFile && colorsWanted(context.stdout, context.env)), options.fix);
  }
  if (options.output !== undefined) {
    const path = resolve(cwd, options.output);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
    } catch (error) {
      stderr.write(`${commandName}: ${t('Cannot write the report to {path} ({error}).', { path: options.output, error: describeError(error) })}\n`);
      return ExitCode.failure;
    }
  } else {
    context.stdout.write(text);
  }
  return exitCodeOf(totals, options, stderr);
}

function exitCodeOf(totals: Totals, options: Options, stderr: OutputStream): number {
  if (totals.errors > 0) {
    return ExitCode.problems;
  }
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    stderr.write(`${commandName}: ${t('Too many warnings ({count}); --max-warnings allows {max}.', { count: totals.warnings, max: options.maxWarnings })}\n`);
    return ExitCode.problems;
  }
  return ExitCode.clean;
}
