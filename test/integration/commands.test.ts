import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, openUntitled, positionOf } from './helpers';

const FIRST = '11111111-aaaa-4bbb-8ccc-000000000001';
const SECOND = '22222222-aaaa-4bbb-8ccc-000000000002';
const SENTINEL = 'clipboard left alone by the test';

/**
 * Runs a command that may show a quick pick and accepts the highlighted item until the command
 * settles. There is no API event for "a quick pick is open", so this polls with a deadline.
 */
async function runAcceptingQuickPicks(command: string, timeoutMs = 10_000): Promise<void> {
  let settled = false;
  const run = Promise.resolve(vscode.commands.executeCommand(command)).finally(() => {
    settled = true;
  });
  const deadline = Date.now() + timeoutMs;
  while (!settled) {
    if (Date.now() > deadline) {
      throw new Error(`${command} did not finish within ${timeoutMs} ms`);
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await Promise.race([run, new Promise((r) => setTimeout(r, 50))]);
  }
  await run;
}

/** Opens a fixture with the selection from the `anchor` text to the `active` text (a cursor if they are the same). */
async function openSelecting(relativePath: string, anchor: string, active = anchor): Promise<void> {
  const editor = await openFixture(relativePath);
  editor.selection = new vscode.Selection(positionOf(editor.document, anchor), positionOf(editor.document, active));
}

describe('commands', () => {
  before(() => activateExtension());

  describe('copy correlation ID', () => {
    it('copies the target of the error under the cursor', async () => {
      await openSelecting('two-errors.log', 'TooManyRequests');
      await vscode.env.clipboard.writeText(SENTINEL);
      await vscode.commands.executeCommand('mdeApi.copyTargetId');
      assert.strictEqual(await vscode.env.clipboard.readText(), SECOND);
    });

    it('copies every target of a selection spanning two errors, one per line', async () => {
      await openSelecting('two-errors.log', 'ResourceNotFound', 'TooManyRequests');
      await vscode.env.clipboard.writeText(SENTINEL);
      await vscode.commands.executeCommand('mdeApi.copyTargetId');
      assert.strictEqual(await vscode.env.clipboard.readText(), `${FIRST}\n${SECOND}`);
    });

    it('asks with a quick pick when the cursor is outside several errors, and copies the pick', async () => {
      await openSelecting('two-errors.log', 'retrying');
      await vscode.env.clipboard.writeText(SENTINEL);
      await runAcceptingQuickPicks('mdeApi.copyTargetId');
      assert.strictEqual(await vscode.env.clipboard.readText(), FIRST);
    });

    it('resolves without touching the clipboard when there is no error', async () => {
      await openUntitled('plaintext', 'nothing but an ordinary log line\n');
      await vscode.env.clipboard.writeText(SENTINEL);
      await vscode.commands.executeCommand('mdeApi.copyTargetId');
      assert.strictEqual(await vscode.env.clipboard.readText(), SENTINEL);
    });
  });

  describe('copy support details', () => {
    it('copies the facts support needs and never the credentials', async () => {
      await openSelecting('support.http', '"Forbidden"');
      await vscode.env.clipboard.writeText(SENTINEL);
      await vscode.commands.executeCommand('mdeApi.copySupportDetails');
      const text = await vscode.env.clipboard.readText();
      for (const fact of [
        'Forbidden',
        '403',
        '6a1d2c3b-4e5f-4a7b-9c8d-0e1f2a3b4c5d',
        'Thu, 02 May 2024 10:16:41 GMT',
        '3c6e8a1f-0d2b-4c97-85e3-f4a1b9d0c728',
        'POST https://api.securitycenter.microsoft.com/api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
      ]) {
        assert.ok(text.includes(fact), `"${fact}" is in:\n${text}`);
      }
      for (const secret of ['Bearer', 'Authorization', 'eyJ0eXAi']) {
        assert.ok(!text.includes(secret), `"${secret}" leaked into:\n${text}`);
      }
    });
  });
});
