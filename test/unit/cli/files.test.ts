import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixture } from './helpers';

const isolate = 'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n';
const bad = `${isolate}{"comment": "x", "IsolationType": "Full"}\n`;

interface JsonFile {
  readonly path: string;
  readonly status: string;
  readonly languageId?: string;
  readonly message?: string;
  readonly problems: readonly { readonly code: string }[];
}

function checked(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): JsonFile[] {
  const result = cli(['--format', 'json', ...args], cwd, env);
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout).files;
}

const paths = (files: readonly JsonFile[]) => files.map((file) => file.path);

describe('mde-api-lint: which files it checks', function () {
  this.timeout(60_000);

  it('checks .http, .rest, JSON, Markdown and script files, honouring nested .gitignore files, never node_modules or .git', () => {
    const { dir, remove } = fixture({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.git/x.http': bad,
      '.gitignore': 'build/\n*.generated.http\n',
      'a.http': bad,
      'b.rest': bad,
      'c.json': '// mde: POST /api/machines/{id}/isolate\n{"comment": "x", "IsolationType": "Full"}\n',
      'd.md': `# Notes\n\n\`\`\`http\n${bad}\`\`\`\n`,
      'e.txt': bad,
      'f.ps1': bad,
      'g.csv': bad,
      'x.generated.http': bad,
      'build/out.http': bad,
      'node_modules/pkg/x.http': bad,
      'deep/node_modules/y.http': bad,
      'deep/.gitignore': '*.http\n!keep.http\n',
      'deep/drop.http': bad,
      'deep/keep.http': bad,
      'deep/nested/drop.http': bad,
      '.github/requests.http': bad,
    });
    try {
      assert.deepEqual(paths(checked([], dir)), ['.github/requests.http', 'a.http', 'b.rest', 'c.json', 'd.md', 'deep/keep.http', 'f.ps1']);
      // The same from a sub-folder: the root .gitignore still applies, and paths are relative to the working folder.
      assert.deepEqual(paths(checked(['.', '../build'], join(dir, 'deep'))), ['keep.http']);
      // A file named on the command line is checked even when .gitignore lists it.
      assert.deepEqual(paths(checked(['x.generated.http', 'deep/drop.http', 'e.txt'], dir)), ['deep/drop.http', 'x.generated.http']);
    } finally {
      remove();
    }
  });

  it('matches globs from their fixed leading folder, dot folders included, and still honours .gitignore', () => {
    const { dir, remove } = fixture({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'ignored/\n',
      'api/a.http': bad,
      'api/sub/b.http': bad,
      'api/c.json': '{}',
      'other/d.http': bad,
      'ignored/e.http': bad,
      '.hidden/f.http': bad,
    });
    try {
      assert.deepEqual(paths(checked(['api/**/*.http'], dir)), ['api/a.http', 'api/sub/b.http']);
      assert.deepEqual(paths(checked(['**/*.http'], dir)), ['.hidden/f.http', 'api/a.http', 'api/sub/b.http', 'other/d.http']);
      assert.deepEqual(paths(checked(['api/*.{http,json}', 'api/a.http'], dir)), ['api/a.http', 'api/c.json']);
      assert.deepEqual(paths(checked([join(dir, 'other/*.http')], join(dir, 'api'))), [join(dir, 'other/d.http')]);
    } finally {
      remove();
    }
  });

  it('reports a file it cannot read or decode, and goes on with the others', () => {
    const { dir, remove } = fixture({
      'good.http': bad,
      'binary.json': new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x00, 0x01, 0x02, 0x7d]),
      'latin1.http': new Uint8Array([...Buffer.from('### caf'), 0xe9, 0x0a]),
      'utf16.http': new Uint8Array([0xff, 0xfe, ...Buffer.from(bad, 'utf16le')]),
      'utf16be.http': new Uint8Array([0xfe, 0xff, ...Buffer.from(bad, 'utf16le').swap16()]),
    });
    try {
      symlinkSync(join(dir, 'nowhere.http'), join(dir, 'dangling.http'));
      spawnSync('mkfifo', [join(dir, 'pipe.http')]);
      const result = cli(['--format', 'json'], dir);
      assert.equal(result.code, 1);
      const files = JSON.parse(result.stdout).files as JsonFile[];
      assert.deepEqual(
        files.map((file) => [file.path, file.status, file.message ?? file.problems.map((problem) => problem.code).join(',')]),
        [
          ['binary.json', 'failed', 'This file looks binary (it holds NUL bytes): it was not checked.'],
          ['dangling.http', 'failed', 'Cannot read this file (ENOENT).'],
          ['good.http', 'checked', 'wrong-case'],
          ['latin1.http', 'failed', 'This file is neither UTF-8 nor UTF-16 with a byte order mark: it was not checked.'],
          ['utf16.http', 'checked', 'wrong-case'],
          ['utf16be.http', 'checked', 'wrong-case'],
        ],
      );
      // A named FIFO is not read (it would block); a failed file counts as a warning.
      const named = cli(['--format', 'json', 'pipe.http', 'dangling.http'], dir);
      assert.equal(named.code, 0);
      assert.deepEqual(JSON.parse(named.stdout).files.map((file: JsonFile) => file.message), [
        'Cannot read this file (ENOENT).',
        'Cannot read this file: it is not a regular file.',
      ]);
      assert.equal(cli(['--max-warnings', '0', 'dangling.http'], dir).code, 1);
      const stylish = cli(['dangling.http', 'binary.json'], dir);
      assert.equal(
        stylish.stdout,
        '\nbinary.json\n  warning  This file looks binary (it holds NUL bytes): it was not checked.\n\ndangling.http\n  warning  Cannot read this file (ENOENT).\n\n✖ 2 problems (0 errors, 2 warnings)\n\n',
      );
    } finally {
      remove();
    }
  });

  it('skips files over --max-file-size (default: the editor’s mdeApi.maxFileSizeMB, 4 MB) and says so', () => {
    const big = `${bad}\n###\n${'# filler line\n'.repeat(Math.ceil((4 * 1024 * 1024) / 14))}`;
    const { dir, remove } = fixture({ 'big.http': big, 'small.http': bad });
    try {
      const files = checked([], dir);
      assert.deepEqual(
        files.map((file) => [file.path, file.status, file.message]),
        [
          ['big.http', 'skipped', 'This file is larger than 4 MB (--max-file-size): it was not checked.'],
          ['small.http', 'checked', undefined],
        ],
      );
      assert.deepEqual(
        checked(['--max-file-size', '5'], dir).map((file) => file.status),
        ['checked', 'checked'],
      );
      assert.deepEqual(
        checked(['--max-file-size', '0.0001'], dir).map((file) => file.status),
        ['skipped', 'skipped'],
      );
      const stylish = cli(['--max-file-size', '0.0001'], dir);
      assert.equal(stylish.code, 0);
      assert.match(stylish.stdout, /^\nbig\.http\n {2}skipped {2}This file is larger than 0\.0001 MB/);
    } finally {
      remove();
    }
  });

  it('does not follow links to folders, so a link cycle ends', () => {
    const { dir, remove } = fixture({ 'a/x.http': bad });
    try {
      symlinkSync(dir, join(dir, 'a/loop'));
      mkdirSync(join(dir, 'b'));
      writeFileSync(join(dir, 'b/target.http'), bad);
      symlinkSync(join(dir, 'b/target.http'), join(dir, 'a/link.http'));
      assert.deepEqual(paths(checked([], dir)), ['a/link.http', 'a/x.http', 'b/target.http']);
    } finally {
      remove();
    }
  });

  it('shows no progress when its standard error is not a terminal, even over many files', () => {
    const many: Record<string, string> = {};
    for (let index = 0; index < 320; index++) {
      many[`f${index}.http`] = 'GET https://api.security.microsoft.com/api/machines\n';
    }
    const { dir, remove } = fixture(many);
    try {
      assert.deepEqual(cli([], dir), { code: 0, stdout: '', stderr: '' });
    } finally {
      remove();
    }
  });
});
