import * as assert from 'node:assert/strict';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { languageIdOfPath } from '../../../src/core/languages';
import { cli, editorFixAll, fixture, git } from './helpers';

const root = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const BOM = '\uFEFF';
const crlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const isolate = 'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n';

/** Documents with fixes of every kind, with LF and CRLF line ends, with and without a byte order mark. */
const texts: Record<string, string> = {
  'wrong-casing.http': read('test/fixtures/requests/wrong-casing.http'),
  'rest-client-dialect.http': read('test/fixtures/requests/rest-client-dialect.http'),
  'machine-actions.http': read('examples/machine-actions.http'),
  'indicators-and-alerts.http': read('examples/indicators-and-alerts.http'),
  'notes.md': `${read('examples/notes.md')}\n\`\`\`http\n${isolate}{"comment": "x", "IsolationType": "full"}\n\`\`\`\n`,
  'crlf.http': crlf(`${isolate}{"comment": "two\nlines", "isolationType": "full"}\n\n###\n${isolate}{"Comment": "x", "IsolationType": "Selective", "comment": "again"}\n`),
  'bom-crlf.json': `${BOM}${crlf('// mde: POST /api/machines/{id}/isolate\n{\n  "comment": "x",\n  "IsolationType": "full"\n}\n')}`,
  'bom.rest': `${BOM}${isolate}{"comment": "x", "IsolationType": "Full"}`,
  'clean.http': `${isolate}{"Comment": "x", "IsolationType": "Full"}\n`,
};

/** What the editor makes of each file: its text without a byte order mark, through the server's Fix All, the mark put back. */
async function editorResults(): Promise<Record<string, string>> {
  const names = Object.keys(texts);
  const fixed = await editorFixAll(names.map((name) => ({ languageId: languageIdOfPath(name)!, text: texts[name].replace(/^\uFEFF/, '') })));
  return Object.fromEntries(names.map((name, index) => [name, (texts[name].startsWith(BOM) ? BOM : '') + fixed[index]]));
}

describe('mde-api-lint --fix and --fix-dry-run', function () {
  this.timeout(120_000);
  let expected: Record<string, string>;

  before(async () => {
    expected = await editorResults();
    // The fixtures do need fixing, in every file but the clean ones.
    for (const name of Object.keys(texts)) {
      assert.equal(expected[name] === texts[name], name === 'clean.http' || name === 'rest-client-dialect.http', name);
    }
  });

  it('writes exactly what the editor’s Fix All makes, keeps line ends, byte order marks and permissions, and a second run changes nothing', () => {
    const { dir, remove } = fixture(texts);
    try {
      chmodSync(join(dir, 'crlf.http'), 0o640);
      const before = statSync(join(dir, 'clean.http'));
      const result = cli(['--fix'], dir);
      for (const name of Object.keys(texts)) {
        assert.equal(readFileSync(join(dir, name), 'utf8'), expected[name], name);
      }
      assert.ok(readFileSync(join(dir, 'crlf.http'), 'utf8').includes('\r\n') && !/[^\r]\n/.test(readFileSync(join(dir, 'crlf.http'), 'utf8')));
      assert.equal(statSync(join(dir, 'crlf.http')).mode & 0o777, 0o640);
      assert.equal(statSync(join(dir, 'clean.http')).mtimeMs, before.mtimeMs, 'a file without fixes is not written');
      assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.tmp')), [], 'no temporary file is left');
      assert.match(result.stdout, /\nApplied \d+ fixes in 7 files\.\n\n$/);

      const snapshot = Object.fromEntries(Object.keys(texts).map((name) => [name, { text: readFileSync(join(dir, name), 'utf8'), mtime: statSync(join(dir, name)).mtimeMs }]));
      const again = cli(['--fix', '--format', 'json'], dir);
      assert.equal(JSON.parse(again.stdout).summary.fixesApplied, 0);
      for (const name of Object.keys(texts)) {
        assert.deepEqual({ text: readFileSync(join(dir, name), 'utf8'), mtime: statSync(join(dir, name)).mtimeMs }, snapshot[name], name);
      }
      assert.equal(again.code, result.code);
    } finally {
      remove();
    }
  });

  it('reports what remains after the fixes, and exits on it', () => {
    const { dir, remove } = fixture({ 'a.http': `${isolate}{"comment": "x", "IsolationType": "Full"}\n`, 'b.http': `${isolate}{"comment": "x", "IsolationType": 5}\n` });
    try {
      const fixed = cli(['--fix', 'a.http'], dir);
      assert.deepEqual(fixed, { code: 0, stdout: '\nApplied 1 fix in 1 file.\n\n', stderr: '' });
      const remaining = JSON.parse(cli(['--fix', '--format', 'json', 'b.http'], dir).stdout);
      assert.deepEqual(
        remaining.files[0].problems.map((problem: { code: string }) => problem.code),
        ['wrong-type'],
      );
      assert.equal(remaining.files[0].fixesApplied, 1);
    } finally {
      remove();
    }
  });

  it('fixes the target of a link and keeps the link', () => {
    const { dir, remove } = fixture({ 'real/target.http': texts['crlf.http'] });
    try {
      mkdirSync(join(dir, 'links'));
      symlinkSync(join(dir, 'real/target.http'), join(dir, 'links/link.http'));
      cli(['--fix', 'links'], dir);
      assert.ok(lstatSync(join(dir, 'links/link.http')).isSymbolicLink());
      assert.equal(readFileSync(join(dir, 'real/target.http'), 'utf8'), expected['crlf.http']);
    } finally {
      remove();
    }
  });

  it('fixes UTF-16 files and writes them back in UTF-16 with their byte order mark', () => {
    const text = texts['bom.rest'].slice(1);
    const { dir, remove } = fixture({
      'le.http': new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]),
      'be.http': new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]),
    });
    try {
      cli(['--fix'], dir);
      const fixed = expected['bom.rest'].slice(1);
      assert.deepEqual(readFileSync(join(dir, 'le.http')), Buffer.from([0xff, 0xfe, ...Buffer.from(fixed, 'utf16le')]));
      assert.deepEqual(readFileSync(join(dir, 'be.http')), Buffer.from([0xfe, 0xff, ...Buffer.from(fixed, 'utf16le').swap16()]));
    } finally {
      remove();
    }
  });

  it('prints the fixes as a unified diff with --fix-dry-run, changes no file, and the diff applies with git apply', () => {
    const { dir, remove } = fixture(texts);
    try {
      const result = cli(['--fix-dry-run'], dir);
      assert.equal(result.stderr, '');
      for (const name of Object.keys(texts)) {
        assert.equal(readFileSync(join(dir, name), 'utf8'), texts[name], `${name} is unchanged`);
      }
      assert.match(result.stdout, /^--- a\/bom-crlf\.json\n\+\+\+ b\/bom-crlf\.json\n@@ /);
      assert.ok(!result.stdout.includes('clean.http'));
      // Exit code: what would remain after the fixes.
      const other = fixture(texts);
      try {
        assert.equal(result.code, cli(['--fix'], other.dir).code);
      } finally {
        other.remove();
      }
      const patch = join(dir, 'fixes.patch');
      cli(['--fix-dry-run', '--output', patch], dir);
      const applied = git(['apply', patch], dir);
      assert.equal(applied.code, 0, applied.output);
      for (const name of Object.keys(texts)) {
        assert.equal(readFileSync(join(dir, name), 'utf8'), expected[name], name);
      }
    } finally {
      remove();
    }
  });
});
