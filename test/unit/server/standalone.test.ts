import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { bundles, ensureBundles } from '../security/bundles';

interface PublishedDiagnostics {
  readonly uri: string;
  readonly diagnostics: { readonly code: string; readonly message: string }[];
}

/** `node dist/server.js --stdio` as another editor would use it, in the display language it announces. */
async function withServer<T>(
  locale: string,
  run: (client: MessageConnection, diagnostics: Promise<PublishedDiagnostics>) => Promise<T>,
  extraArgs: string[] = [],
): Promise<T> {
  ensureBundles();
  const server: ChildProcess = spawn(process.execPath, [bundles.server, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const client = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  const diagnostics = new Promise<PublishedDiagnostics>((resolve) => {
    client.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      if (params.diagnostics.length > 0) {
        resolve(params);
      }
    });
  });
  client.listen();
  try {
    await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale });
    await client.sendNotification('initialized', {});
    return await run(client, diagnostics);
  } finally {
    await client.sendRequest('shutdown').catch(() => undefined);
    await client.sendNotification('exit').catch(() => undefined);
    client.dispose();
    // Exit follows every message before it, so whatever the server wrote after initialize is on disk.
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    server.kill();
  }
}

const body = ['POST https://api.security.microsoft.com/api/machines/1/offboard', 'Content-Type: application/json', '', '{"comment": "x"}'].join('\n');
const errorResponse = '{"error": {"code": "Forbidden", "message": "m", "target": "t"}}';

describe('the standalone server (node dist/server.js --stdio)', function () {
  this.timeout(60_000);

  for (const [locale, wrongCase, forbidden] of [
    ['en', /"comment" has the wrong letter case/, /403 Forbidden \(client error\)/],
    ['fr-FR', /« comment » n’a pas la bonne casse/, /403 Interdit \(erreur du client\)/],
  ] as const) {
    it(`speaks the language of the initialize request's locale (${locale}) in diagnostics and hovers`, async () => {
      await withServer(locale, async (client, diagnostics) => {
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:a.http', languageId: 'http', version: 1, text: body } });
        const published = await diagnostics;
        assert.equal(published.diagnostics[0].code, 'wrong-case');
        assert.match(published.diagnostics[0].message, wrongCase);
        await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:b.json', languageId: 'json', version: 1, text: errorResponse } });
        const hover = await client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
          textDocument: { uri: 'untitled:b.json' },
          position: { line: 0, character: errorResponse.indexOf('Forbidden') + 2 },
        });
        assert.match(hover?.contents.value ?? '', forbidden);
      });
    });
  }

  it('publishes diagnostics again when a setting changes them, and only then', async () => {
    const published = await withServer('en', async (client, diagnostics) => {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:a.http', languageId: 'http', version: 1, text: body } });
      await diagnostics;
      const later: string[] = [];
      const french = new Promise<void>((resolve) => {
        client.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
          later.push(params.diagnostics.map((diagnostic) => diagnostic.message).join());
          if (later.length > 0 && params.diagnostics.some((diagnostic) => /casse/.test(diagnostic.message))) {
            resolve();
          }
        });
      });
      // The same settings as at start-up, as VS Code sends them right after it; then a language.
      await client.sendNotification('workspace/didChangeConfiguration', { settings: { mdeApi: { docsLanguage: 'auto' } } });
      await client.sendRequest('mde/serverInfo');
      await new Promise((resolve) => setTimeout(resolve, 100));
      await client.sendNotification('workspace/didChangeConfiguration', { settings: { mdeApi: { docsLanguage: 'fr' } } });
      await french;
      return later;
    });
    assert.equal(published.length, 1, `published after the configuration changes: ${JSON.stringify(published)}`);
  });

  it('loads through the V8 code cache it wrote on the previous start with --code-cache-dir, and serves the same', async () => {
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'mde-server-cache-')), 'code-cache');
    try {
      const serve = () =>
        withServer(
          'en',
          async (client, diagnostics) => {
            await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:a.http', languageId: 'http', version: 1, text: body } });
            const published = await diagnostics;
            const info = await client.sendRequest<{ compiledFrom: string }>('mde/serverInfo');
            return { compiledFrom: info.compiledFrom, codes: published.diagnostics.map((diagnostic) => diagnostic.code) };
          },
          ['--code-cache-dir', cacheDir],
        );
      assert.deepEqual(await serve(), { compiledFrom: 'source', codes: ['wrong-case'] });
      assert.deepEqual(
        readdirSync(cacheDir).map((name) => name.replace(/[0-9a-f]{16}/, 'HASH')),
        ['serverMain-HASH.v8cache'],
      );
      assert.deepEqual(await serve(), { compiledFrom: 'cache', codes: ['wrong-case'] });
    } finally {
      rmSync(join(cacheDir, '..'), { recursive: true, force: true });
    }
  });

  it('loads the PowerShell grammar from beside its bundle and checks a script the first time one is opened', async () => {
    const script = '# mde: POST /api/machines/{id}/isolate\n$body = @{ comment = "x"; IsolationType = "Full" }\n';
    await withServer('en', async (client, diagnostics) => {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:a.ps1', languageId: 'powershell', version: 1, text: script } });
      const published = await diagnostics;
      assert.deepEqual(
        published.diagnostics.map((diagnostic) => diagnostic.code),
        ['wrong-case'],
      );
      const hover = await client.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
        textDocument: { uri: 'untitled:a.ps1' },
        position: { line: 1, character: script.split('\n')[1].indexOf('IsolationType') + 2 },
      });
      assert.match(hover?.contents.value ?? '', /IsolationType/);
    });
  });

  it('writes no cache and says it compiled from source without --code-cache-dir', async () => {
    const info = await withServer('en', (client) => client.sendRequest<{ compiledFrom: string }>('mde/serverInfo'));
    assert.equal(info.compiledFrom, 'source');
  });
});
