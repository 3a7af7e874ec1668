import * as assert from 'assert';
import type { ExtensionApi } from '../../src/client/extension';
import { extensionApi, hoverAt, openUntitled, positionOf, waitForDiagnostics, withSetting } from './helpers';

const RUNNING = 2; // vscode-languageclient State.Running

const REQUEST_AND_ERROR = [
  'POST https://api.securitycenter.microsoft.com/api/machines/1234/runAntiVirusScan',
  'Content-Type: application/json',
  '',
  '{"comment": "Weekly scan", "ScanType": "Quick"}',
  '',
  '###',
  '# {"error":{"code":"ResourceNotFound","message":"gone","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}',
  '',
].join('\n');

const hasWrongCase = (all: { source?: string; message: string }[]) => all.some((d) => d.source === 'mde-api' && d.message.includes('"comment" has the wrong letter case'));
const noneOfOurs = (all: { source?: string }[]) => !all.some((d) => d.source === 'mde-api');

async function serverPid(api: ExtensionApi): Promise<number> {
  return (await api.client.sendRequest<{ pid: number }>('mde/serverInfo')).pid;
}

/** Resolves once the client reports Running; the client restarts a crashed server by itself. */
function whenRunning(api: ExtensionApi, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`the language client was not running again within ${timeoutMs} ms (state ${api.client.state})`));
    }, timeoutMs);
    const sub = api.client.onDidChangeState((e) => {
      if (e.newState === RUNNING) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
}

describe('resilience', () => {
  it('restarts the language server after it is killed, and keeps serving old and new documents', async function () {
    this.timeout(40_000);
    const api = await extensionApi();
    const { document: opened } = await openUntitled('http', REQUEST_AND_ERROR);
    await waitForDiagnostics(opened.uri, hasWrongCase);
    const before = await serverPid(api);
    assert.ok(Number.isInteger(before) && before > 0, `a server pid (${before})`);

    const running = whenRunning(api);
    process.kill(before);
    await running;
    assert.notStrictEqual(await serverPid(api), before, 'a fresh server process');

    // A hover on the document opened before the crash proves the client handed it to the new server.
    const { text } = await hoverAt(opened.uri, positionOf(opened, 'ResourceNotFound', 2));
    assert.match(text, /404 Not Found/);
    const { document: fresh } = await openUntitled('http', REQUEST_AND_ERROR);
    await waitForDiagnostics(fresh.uri, hasWrongCase);
  });

  it('skips body validation above mdeApi.maxFileSizeMB but still explains errors', async function () {
    this.timeout(40_000);
    // Just over 1 MB (the lowest limit) of log lines after the request.
    const filler = '# filler line of a long pasted log, not a request\n'.repeat(22_000);
    const { document } = await openUntitled('http', `${REQUEST_AND_ERROR}${filler}`);
    assert.ok(document.getText().length > 1024 * 1024);
    await waitForDiagnostics(document.uri, hasWrongCase);

    await withSetting('mdeApi', 'maxFileSizeMB', 1, async () => {
      await waitForDiagnostics(document.uri, noneOfOurs);
      const { text } = await hoverAt(document.uri, positionOf(document, 'ResourceNotFound', 2));
      assert.match(text, /404 Not Found/);
    });
    await waitForDiagnostics(document.uri, hasWrongCase);
  });
});
