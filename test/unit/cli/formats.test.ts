import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../../package.json';
import { cli, fixture } from './helpers';

const isolate = 'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n';
const files = {
  'sub/bad.http': `${isolate}{"comment": "x", "IsolationType": "Full", "foo": 1}\n`,
  'get.http': 'GET https://api.security.microsoft.com/api/machines\nContent-Type: application/json\n\n{"a": 1}\n',
  'clean.http': `${isolate}{"Comment": "x", "IsolationType": "Full"}\n`,
  'notes.txt': '{"comment": "not analysed"}\n',
};

const ESC = '\u001b[';

describe('mde-api-lint: formats and exit codes', function () {
  this.timeout(60_000);
  let dir: string;
  let remove: () => void;
  before(() => ({ dir, remove } = fixture(files)));
  after(() => remove());

  it('prints the stylish format by default, grouped by file, without colours when piped, and exits 1 on errors', () => {
    const result = cli([], dir);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    assert.equal(
      result.stdout,
      [
        '',
        'get.http',
        '  1:1  warning  A GET request does not carry a body: the API ignores or rejects it.  body-on-get',
        '',
        'sub/bad.http',
        '  4:2   error    "comment" has the wrong letter case: the documented parameter is "Comment". Body parameters are case-sensitive, so the API would answer MissingRequiredParameter.  wrong-case',
        '  4:43  warning  "foo" is not a parameter of Isolate machine. Documented parameters: Comment, IsolationType.                                                                        unknown-parameter',
        '',
        '✖ 3 problems (1 error, 2 warnings)',
        '  1 error and 0 warnings can be fixed with the --fix option.',
        '',
        '',
      ].join('\n'),
    );
  });

  it('colours the stylish format with FORCE_COLOR, not with NO_COLOR, and never in a file', () => {
    assert.ok(cli([], dir, { FORCE_COLOR: '1' }).stdout.includes(`${ESC}31merror`));
    assert.ok(!cli([], dir, { NO_COLOR: '1' }).stdout.includes(ESC));
    assert.ok(!cli([], dir, { FORCE_COLOR: '0' }).stdout.includes(ESC));
    const output = join(dir, 'out/report.txt');
    const result = cli(['--output', output], dir, { FORCE_COLOR: '1' });
    assert.equal(result.stdout, '');
    assert.ok(readFileSync(output, 'utf8').includes('wrong-case'));
    assert.ok(!readFileSync(output, 'utf8').includes(ESC));
  });

  it('prints nothing and exits 0 when every file is clean', () => {
    assert.deepEqual(cli(['clean.http', 'notes.txt'], dir), { code: 0, stdout: '', stderr: '' });
  });

  it('speaks French with --locale fr or a French LANG', () => {
    for (const result of [cli(['--locale', 'fr', 'sub'], dir), cli(['sub'], dir, { LANG: 'fr_FR.UTF-8' })]) {
      assert.match(result.stdout, /« comment » n’a pas la bonne casse/);
      assert.match(result.stdout, /4:2 {3}erreur {8}/);
      assert.match(result.stdout, /✖ 2 problèmes \(1 erreur, 1 avertissement\)/);
    }
    assert.match(cli(['--locale', 'en', 'sub'], dir, { LANG: 'fr_FR.UTF-8' }).stdout, /"comment" has the wrong letter case/);
  });

  it('writes JSON with 1-based positions, messages, fixes and totals', () => {
    const result = cli(['--format', 'json'], dir);
    assert.equal(result.code, 1);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(report.tool, { name: 'mde-api-lint', version });
    assert.deepEqual(
      report.files.map((file: { path: string; status: string; languageId: string }) => [file.path, file.status, file.languageId]),
      [
        ['clean.http', 'checked', 'http'],
        ['get.http', 'checked', 'http'],
        ['sub/bad.http', 'checked', 'http'],
      ],
    );
    const [wrongCase, unknown] = report.files[2].problems;
    assert.deepEqual(
      { line: wrongCase.line, column: wrongCase.column, endLine: wrongCase.endLine, endColumn: wrongCase.endColumn, code: wrongCase.code, severity: wrongCase.severity },
      { line: 4, column: 2, endLine: 4, endColumn: 11, code: 'wrong-case', severity: 'error' },
    );
    assert.equal(wrongCase.docs, 'https://learn.microsoft.com/defender-endpoint/api/isolate-machine');
    assert.deepEqual(wrongCase.fixes, [{ title: 'Rename to "Comment"', preferred: true, edits: [{ line: 4, column: 2, endLine: 4, endColumn: 11, newText: '"Comment"' }] }]);
    assert.equal(unknown.code, 'unknown-parameter');
    assert.deepEqual(report.summary, { files: 3, errors: 1, warnings: 2, notes: 0, fixableErrors: 1, fixableWarnings: 0, failedFiles: 0, skippedFiles: 0, fixesApplied: 0 });
  });

  it('reports errors only with --quiet, but still counts the warnings for --max-warnings', () => {
    const quiet = JSON.parse(cli(['--format', 'json', '--quiet'], dir).stdout);
    assert.deepEqual(
      quiet.files.flatMap((file: { problems: { code: string }[] }) => file.problems.map((problem) => problem.code)),
      ['wrong-case'],
    );
    assert.equal(quiet.summary.errors, 1);
    assert.equal(quiet.summary.warnings, 0);
    assert.deepEqual(cli(['--quiet', 'get.http'], dir), { code: 0, stdout: '', stderr: '' });
    assert.deepEqual(cli(['--quiet', '--max-warnings', '0', 'get.http'], dir), {
      code: 1,
      stdout: '',
      stderr: 'mde-api-lint: Too many warnings (1); --max-warnings allows 0.\n',
    });
  });

  it('exits 1 with more warnings than --max-warnings, and 0 with as many', () => {
    const over = cli(['--max-warnings', '0', 'get.http'], dir);
    assert.equal(over.code, 1);
    assert.equal(over.stderr, 'mde-api-lint: Too many warnings (1); --max-warnings allows 0.\n');
    assert.equal(cli(['--max-warnings', '1', 'get.http'], dir).code, 0);
    assert.equal(cli(['--max-warnings', '-1', 'get.http'], dir).code, 0);
    assert.equal(cli(['get.http'], dir).code, 0);
  });

  it('exits 2 with a clear message on a usage error', () => {
    const cases: [string[], string][] = [
      [['--nope'], 'Unknown option: --nope.'],
      [['--format', 'xml'], 'Unknown format "xml": use stylish, json or sarif.'],
      [['--format'], 'The option --format needs a value.'],
      [['--max-warnings', 'many'], '--max-warnings takes a whole number of 0 or more (or -1 for no limit), not "many".'],
      [['--max-file-size', '0'], '--max-file-size takes a number of megabytes greater than 0, not "0".'],
      [['--locale', 'de'], 'Unknown locale "de": use en or fr.'],
      [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run cannot be used together.'],
      [['--fix-dry-run', '--format', 'json'], '--fix-dry-run prints a diff, so it takes no --format.'],
      [['missing.http'], 'No file or folder matches "missing.http".'],
      [['**/*.rest'], 'No file or folder matches "**/*.rest".'],
    ];
    for (const [args, message] of cases) {
      const result = cli(args, dir);
      assert.deepEqual(result, { code: 2, stdout: '', stderr: `mde-api-lint: ${message}\n${args[0] === 'missing.http' || args[0] === '**/*.rest' ? '' : 'Run mde-api-lint --help to see the options.\n'}` }, args.join(' '));
    }
    assert.match(cli(['--nope', '--locale=fr'], dir).stderr, /Option inconnue : --nope\.\nLancez mde-api-lint --help pour voir les options\./);
  });

  it('exits 2 when the report cannot be written', () => {
    const result = cli(['--output', 'clean.http/report.txt', 'clean.http'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^mde-api-lint: Cannot write the report to clean\.http\/report\.txt \((ENOTDIR|EEXIST)\)\.\n$/);
    assert.ok(!existsSync(join(dir, 'clean.http/report.txt')));
  });

  it('answers --help and --version with exit code 0', () => {
    const help = cli(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: mde-api-lint \[options\] \[paths or globs…\]/);
    for (const option of ['--format', '--output', '--fix', '--fix-dry-run', '--max-warnings', '--quiet', '--max-file-size', '--locale', '--help', '--version']) {
      assert.ok(help.stdout.includes(option), option);
    }
    assert.match(cli(['--help', '--locale', 'fr'], dir).stdout, /^Utilisation : mde-api-lint/);
    assert.deepEqual(cli(['--version'], dir), { code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
