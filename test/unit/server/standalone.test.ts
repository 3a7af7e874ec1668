import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { bundles, ensureBundles } from '../security/bundles';

interface PublishedDiagnostics {
  readonly uri: string;
  readonly diagnostics: { readonly code: string; readonly message: string }[];
}

/** `node dist/server.js --stdio` as another editor would use it, in the display language it announces. */
async function withServer<T>(locale: string, run: (client: MessageConnection, diagnostics: Promise<PublishedDiagnostics>) => Promise<T>): Promise<T> {
  ensureBundles();
  const server: ChildProcess = spawn(process.execPath, [bundles.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
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
});
