import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, activateExtension, openFixture, waitUntil } from './helpers';

describe('smoke', () => {
  it('runs inside a real VS Code', () => {
    assert.strictEqual(typeof vscode.version, 'string');
    assert.ok(vscode.workspace.workspaceFolders?.length, 'the fixture workspace is open');
  });

  it('activates the extension when an .http file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    const editor = await openFixture('requests.http');
    assert.strictEqual(editor.document.languageId, 'http');
    // Activation comes from onLanguage:http, not from this test asking for it.
    await waitUntil(() => ext.isActive, 10_000, `${EXTENSION_ID} to activate`);
    await activateExtension();
  });
});
