import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => match[1]);
}

function offenders(folder: string, forbidden: RegExp): string[] {
  return files(join(root, folder)).flatMap((file) =>
    imports(file)
      .filter((specifier) => forbidden.test(specifier))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
}

describe('layer rule', () => {
  it('src/core imports no vscode, no LSP package, and neither server nor client', () => {
    assert.deepEqual(offenders('src/core', /^vscode$|^vscode-language|^vscode-jsonrpc|\/(server|client|shared)\//), []);
  });

  it('src/server imports no vscode and not the client', () => {
    assert.deepEqual(offenders('src/server', /^vscode$|^vscode-languageclient|\/client\//), []);
  });

  it('src/bootstrap imports no LSP package, and the client and server entries only as types', () => {
    assert.deepEqual(offenders('src/bootstrap', /^vscode-language|^vscode-jsonrpc|\/core\//), []);
    for (const file of files(join(root, 'src/bootstrap'))) {
      const valueImports = [...readFileSync(file, 'utf8').matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((match) => match[1]);
      assert.deepEqual(
        valueImports.filter((specifier) => /\/(client|server)\//.test(specifier)),
        [],
        `${relative(root, file)} loads the bundles through the code cache, never by import`,
      );
    }
  });

  it('src/cli imports no vscode, no LSP package, and neither server, client nor bootstrap', () => {
    assert.deepEqual(offenders('src/cli', /^vscode$|^vscode-language|^vscode-jsonrpc|\/(server|client|bootstrap)\//), []);
  });

  it('src/shared imports nothing of either side', () => {
    assert.deepEqual(offenders('src/shared', /^vscode|\/(server|client)\//), []);
  });
});
