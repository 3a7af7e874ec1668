/** The command line's options: parsed, checked, and turned into words when they are wrong. */
import type { Language } from '../core/hover/environment';
import { defaultSettings } from '../core/settings';
import { t } from '../shared/language';

export type Format = 'stylish' | 'json' | 'sarif';
export const formats: readonly Format[] = ['stylish', 'json', 'sarif'];

export interface Options {
  /** Paths and globs; the current folder when none is given. */
  readonly patterns: readonly string[];
  readonly format: Format;
  readonly output?: string;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  /** At most this many warnings pass; undefined: any number. */
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly maxFileSizeMB: number;
  readonly locale: Language;
  readonly help: boolean;
  readonly version: boolean;
}

export type ParsedArgs = { readonly ok: true; readonly options: Options } | { readonly ok: false; readonly message: string };

/** Options that take a value, by every name they answer to. */
const valued: Readonly<Record<string, string>> = {
  '--format': 'format',
  '-f': 'format',
  '--output': 'output',
  '-o': 'output',
  '--max-warnings': 'maxWarnings',
  '--max-file-size': 'maxFileSize',
  '--locale': 'locale',
};

const flags: Readonly<Record<string, string>> = {
  '--fix': 'fix',
  '--fix-dry-run': 'fixDryRun',
  '--quiet': 'quiet',
  '-q': 'quiet',
  '--help': 'help',
  '-h': 'help',
  '--version': 'version',
  '-v': 'version',
};

/**
 * The language of every message, decided before anything else is parsed so that errors about the
 * other options are worded in it: `--locale`, else the environment's LC_ALL, LC_MESSAGES or LANG.
 */
export function localeOf(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Language {
  let given: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      break;
    }
    if (arg === '--locale') {
      given = argv[index + 1];
    } else if (arg.startsWith('--locale=')) {
      given = arg.slice('--locale='.length);
    }
  }
  if (given === 'en' || given === 'fr') {
    return given;
  }
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return fromEnv.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function parseArgs(argv: readonly string[], locale: Language): ParsedArgs {
  const values: Record<string, string> = {};
  const set: Record<string, boolean> = {};
  const patterns: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--') {
      patterns.push(...argv.slice(index + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      patterns.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (Object.hasOwn(valued, name)) {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++index];
      if (value === undefined || value === '') {
        return fail(t('The option {option} needs a value.', { option: name }));
      }
      values[valued[name]] = value;
    } else if (Object.hasOwn(flags, name) && equals < 0) {
      set[flags[name]] = true;
    } else {
      return fail(t('Unknown option: {option}.', { option: arg }));
    }
  }

  const format = values.format ?? 'stylish';
  if (!formats.includes(format as Format)) {
    return fail(t('Unknown format "{format}": use stylish, json or sarif.', { format }));
  }
  let maxWarnings: number | undefined;
  if (values.maxWarnings !== undefined) {
    if (!/^-?\d+$/.test(values.maxWarnings) || Number(values.maxWarnings) < -1) {
      return fail(t('--max-warnings takes a whole number of 0 or more (or -1 for no limit), not "{value}".', { value: values.maxWarnings }));
    }
    maxWarnings = Number(values.maxWarnings) === -1 ? undefined : Number(values.maxWarnings);
  }
  let maxFileSizeMB = defaultSettings.maxFileSizeMB;
  if (values.maxFileSize !== undefined) {
    maxFileSizeMB = Number(values.maxFileSize);
    if (!/^\d*\.?\d+$/.test(values.maxFileSize) || !(maxFileSizeMB > 0)) {
      return fail(t('--max-file-size takes a number of megabytes greater than 0, not "{value}".', { value: values.maxFileSize }));
    }
  }
  if (values.locale !== undefined && values.locale !== 'en' && values.locale !== 'fr') {
    return fail(t('Unknown locale "{locale}": use en or fr.', { locale: values.locale }));
  }
  if (set.fix && set.fixDryRun) {
    return fail(t('--fix and --fix-dry-run cannot be used together.'));
  }
  if (set.fixDryRun && values.format !== undefined) {
    return fail(t('--fix-dry-run prints a diff, so it takes no --format.'));
  }
  return {
    ok: true,
    options: {
      patterns,
      format: format as Format,
      output: values.output,
      fix: set.fix === true,
      fixDryRun: set.fixDryRun === true,
      maxWarnings,
      quiet: set.quiet === true,
      maxFileSizeMB,
      locale,
      help: set.help === true,
      version: set.version === true,
    },
  };
}

function fail(message: string): ParsedArgs {
  return { ok: false, message };
}
