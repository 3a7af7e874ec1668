import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  CancellationTokenSource,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { safeHandler } from '../../../src/server/safeHandler';
import { ErrorsRequest, FixAllRequest } from '../../../src/shared/protocol';
import { bundles, ensureBundles } from '../security/bundles';

/** The only part of a Connection the error boundary touches. */
function fakeConnection(): { connection: Connection; logged: string[] } {
  const logged: string[] = [];
  const connection = { console: { error: (message: string) => logged.push(message) } } as unknown as Connection;
  return { connection, logged };
}

const live = (): CancellationToken => new CancellationTokenSource().token;

describe('server resilience', () => {
  describe('safeHandler', () => {
    it('answers a handler that throws with an internal error, logs it with its stack, and keeps answering', async () => {
      const { connection, logged } = fakeConnection();
      let calls = 0;
      const handler = safeHandler(connection, 'hover', (params: { fail: boolean }) => {
        calls++;
        if (params.fail) {
          throw new TypeError('boom');
        }
        return 'fine';
      });
      const failed = await handler({ fail: true }, live());
      assert.ok(failed instanceof ResponseError);
      assert.equal(failed.code, ErrorCodes.InternalError);
      assert.match(failed.message, /hover failed: boom/);
      assert.equal(logged.length, 1);
      assert.match(logged[0], /^hover failed: boom\nTypeError: boom\n\s+at /);
      assert.equal(await handler({ fail: false }, live()), 'fine');
      assert.equal(calls, 2);
    });

    it('answers a rejected promise and a thrown non-Error the same way', async () => {
      const { connection, logged } = fakeConnection();
      const rejected = await safeHandler(connection, 'completion', async () => Promise.reject(new Error('later')))({}, live());
      const thrown = await safeHandler(connection, 'code lens', () => {
        throw 'a string';
      })({}, live());
      assert.ok(rejected instanceof ResponseError && thrown instanceof ResponseError);
      assert.equal(rejected.message, 'completion failed: later');
      assert.equal(thrown.message, 'code lens failed: a string');
      assert.equal(logged.length, 2);
    });

    it('answers a request cancelled before it runs with RequestCancelled, without running it', async () => {
      const { connection, logged } = fakeConnection();
      const source = new CancellationTokenSource();
      source.cancel();
      let ran = false;
      const answer = await safeHandler(connection, 'hover', () => {
        ran = true;
        return null;
      })({}, source.token);
      assert.ok(answer instanceof ResponseError);
      assert.equal(answer.code, LSPErrorCodes.RequestCancelled);
      assert.equal(ran, false);
      assert.deepEqual(logged, []);
    });
  });

  describe('the real server over stdio', function () {
    this.timeout(60_000);
    let server: ChildProcess;
    let client: MessageConnection;
    const logs: { type: number; message: string }[] = [];
    const uri = 'untitled:resilience.http';
    const text = [
      'POST https://api.security.microsoft.com/api/machines/1/isolate',
      'Content-Type: application/json',
      '',
      '{"comment": "x", "IsolationType": "Full"}',
      '',
      '###',
      'HTTP/1.1 400 Bad Request',
      '',
      '{"error": {"code": "InvalidRequestBody", "message": "Request body is incorrect", "target": "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}',
    ].join('\n');
    const codePosition = { line: 8, character: text.split('\n')[8].indexOf('InvalidRequestBody') + 3 };

    /** The answer, or the error the server answered with; never a hang (mocha's timeout guards that). */
    async function ask(method: string, params: unknown): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
      try {
        return { result: await client.sendRequest(method, params) };
      } catch (error) {
        assert.ok(error instanceof ResponseError, `a JSON-RPC error, not ${String(error)}`);
        return { error };
      }
    }

    async function assertStillServing(): Promise<void> {
      const { result } = await ask('textDocument/hover', { textDocument: { uri }, position: codePosition });
      const value = (result as { contents: { value: string } } | null)?.contents.value ?? '';
      assert.match(value, /`InvalidRequestBody`/, 'a normal hover still works');
      assert.equal(server.exitCode, null, 'the server is still running');
    }

    before(async () => {
      ensureBundles();
      server = spawn(process.execPath, [bundles.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      client = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
      client.onNotification('window/logMessage', (params: { type: number; message: string }) => {
        logs.push(params);
      });
      client.listen();
      await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
      await client.sendNotification('initialized', {});
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'http', version: 1, text } });
    });

    after(async () => {
      if (server.exitCode === null) {
        await client.sendRequest('shutdown').catch(() => undefined);
        await client.sendNotification('exit').catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      client.dispose();
      if (server.exitCode === null) {
        server.kill();
      }
    });

    it('answers a hover with a documented code', async () => {
      await assertStillServing();
    });

    /** What each malformed request must answer: null or an empty list, or an error the client can show. */
    type Expected = 'nothing' | 'error' | 'answer';
    const garbageDiagnostics = [null, 42, { code: {}, range: 'x' }, { garbage: true }];
    const malformed: [string, string, unknown, Expected][] = [
      ['a hover on an unknown document', 'textDocument/hover', { textDocument: { uri: 'file:///nowhere.http' }, position: { line: 0, character: 0 } }, 'nothing'],
      ['a hover far past the end', 'textDocument/hover', { textDocument: { uri }, position: { line: 1_000_000, character: 1_000_000 } }, 'nothing'],
      ['a hover at a negative position (read as the start)', 'textDocument/hover', { textDocument: { uri }, position: { line: -5, character: -1 } }, 'answer'],
      ['a hover with no position', 'textDocument/hover', { textDocument: { uri } }, 'error'],
      ['a hover with params by position', 'textDocument/hover', [uri, 0, 0], 'error'],
      ['a completion with a position of the wrong type', 'textDocument/completion', { textDocument: { uri }, position: 'here' }, 'nothing'],
      ['code actions for garbage diagnostics', 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } }, context: { diagnostics: garbageDiagnostics } }, 'error'],
      ['code actions with no context', 'textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }, 'error'],
      ['code lenses of an unknown document', 'textDocument/codeLens', { textDocument: { uri: 'file:///nowhere.http' } }, 'nothing'],
      ['the errors request with garbage ranges', ErrorsRequest.method, { uri, ranges: [{ start: 'a' }, null] }, 'error'],
      ['the errors request of an unknown document', ErrorsRequest.method, { uri: 'file:///nowhere.http' }, 'nothing'],
      ['fix-all of an unknown document', FixAllRequest.method, { uri: 'file:///nowhere.http' }, 'nothing'],
      ['fix-all with no params', FixAllRequest.method, null, 'error'],
      ['a method the server does not have', 'mde/noSuchMethod', {}, 'error'],
    ];
    for (const [name, method, params, expected] of malformed) {
      it(`answers ${name} with ${expected === 'error' ? 'an error' : expected === 'nothing' ? 'nothing' : 'a result'}, then still serves`, async () => {
        const answer = await ask(method, params);
        if (expected === 'error') {
          assert.ok(answer.error, `an error, not ${JSON.stringify(answer.result)}`);
          assert.ok(
            ([ErrorCodes.InternalError, ErrorCodes.MethodNotFound, ErrorCodes.InvalidParams] as number[]).includes(answer.error.code),
            `error code ${answer.error.code}: ${answer.error.message}`,
          );
        } else {
          assert.equal(answer.error, undefined, `no error: ${answer.error?.message}`);
          if (expected === 'nothing') {
            assert.ok(answer.result === null || (Array.isArray(answer.result) && answer.result.length === 0), `nothing: ${JSON.stringify(answer.result)}`);
          }
        }
        await assertStillServing();
      });
    }

    it('survives broken notifications: an edit with an impossible range, an unknown close, a second open', async () => {
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: -1, character: 0 } }, text: '###\n{' }],
      });
      await client.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere.http', version: 2 }, contentChanges: [{ text: 'x' }] });
      await client.sendNotification('textDocument/didClose', { textDocument: { uri: 'file:///nowhere.http' } });
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'http', version: 3, text } });
      await assertStillServing();
    });

    it('logged the failures it answered, with the feature that failed', () => {
      const errors = logs.filter((log) => log.type === 1).map((log) => log.message);
      assert.ok(errors.some((message) => /^(hover|code actions) failed: /.test(message)), errors.join('\n'));
    });
  });
});
