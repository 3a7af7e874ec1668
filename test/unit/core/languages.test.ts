import * as assert from 'node:assert/strict';
import { languageIdOfPath } from '../../../src/core/languages';

describe('languageIdOfPath: the language id VS Code gives a file', () => {
  const cases: [string, string | undefined][] = [
    ['requests.http', 'http'],
    ['api/calls.REST', 'http'],
    ['body.json', 'json'],
    ['settings.jsonc', 'jsonc'],
    ['tsconfig.json', 'jsonc'],
    ['tsconfig.build.json', 'jsonc'],
    ['.eslintrc.json', 'jsonc'],
    ['app.js.map', 'json'],
    ['README.md', 'markdown'],
    ['notes.markdown', 'markdown'],
    ['Isolate.ps1', 'powershell'],
    ['module.psm1', 'powershell'],
    ['script.py', 'python'],
    ['a.js', 'javascript'],
    ['a.mjs', 'javascript'],
    ['a.cjs', 'javascript'],
    ['a.ts', 'typescript'],
    ['a.mts', 'typescript'],
    ['a.cts', 'typescript'],
    ['a.d.ts', 'typescript'],
    ['a.jsx', 'javascriptreact'],
    ['a.tsx', 'typescriptreact'],
    ['run.sh', 'shellscript'],
    ['run.bash', 'shellscript'],
    ['.bashrc', 'shellscript'],
    ['PKGBUILD', 'shellscript'],
    ['server.log', 'log'],
    ['server.log.1', 'log'],
    ['output.txt', 'plaintext'],
    ['C:\\work\\Calls.HTTP', 'http'],
    ['dir.http/inner', undefined],
    ['Makefile', undefined],
    ['image.png', undefined],
    ['constructor', undefined],
    ['a.__proto__', undefined],
  ];
  for (const [path, languageId] of cases) {
    it(`${path} → ${languageId ?? 'none'}`, () => assert.equal(languageIdOfPath(path), languageId));
  }
});
