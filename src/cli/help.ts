/** `mde-api-lint --help`. */
import { defaultSettings } from '../core/settings';
import { t } from '../shared/language';

export const commandName = 'mde-api-lint';

export function helpText(): string {
  const options: [string, string][] = [
    ['--format, -f <stylish|json|sarif>', t('Output format (default: stylish).')],
    ['--output, -o <file>', t('Write the report to this file instead of the standard output.')],
    ['--fix', t('Apply the preferred fixes in place, as the editor’s Fix All does.')],
    ['--fix-dry-run', t('Print the fixes as a unified diff and change no file.')],
    ['--max-warnings <n>', t('Fail when there are more than n warnings (-1: no limit, the default).')],
    ['--quiet, -q', t('Report errors only.')],
    ['--max-file-size <MB>', t('Skip files larger than this (default: {size}, as mdeApi.maxFileSizeMB).', { size: defaultSettings.maxFileSizeMB })],
    ['--locale <en|fr>', t('Language of the messages (default: from LC_ALL, LC_MESSAGES or LANG).')],
    ['--help, -h', t('Show this help.')],
    ['--version, -v', t('Show the version.')],
  ];
  const width = Math.max(...options.map(([name]) => name.length));
  return [
    t('Usage: {command} [options] [paths or globs…]', { command: commandName }),
    '',
    t('Checks Defender for Endpoint API request bodies in .http, .rest, JSON and Markdown files, as the editor extension does. Without paths, checks the current folder. Folders are searched honouring .gitignore, without node_modules and .git.'),
    '',
    t('Options:'),
    ...options.map(([name, description]) => `  ${name.padEnd(width)}  ${description}`),
    '',
    t('Exit codes: 0 no problem; 1 errors, or more warnings than --max-warnings; 2 a usage or internal error.'),
    '',
  ].join('\n');
}
