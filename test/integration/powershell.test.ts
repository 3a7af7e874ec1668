import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, positionOf, rangeOf, waitForDiagnostics } from './helpers';

const ours = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'mde-api');

describe('PowerShell scripts', () => {
  before(() => activateExtension());

  it('marks a wrongly cased key of a hashtable sent with Invoke-RestMethod, and its quick fix renames it', async () => {
    const { document } = await openFixture('isolate-runbook.ps1');
    assert.strictEqual(document.languageId, 'powershell');
    const [diagnostic] = ours(await waitForDiagnostics(document.uri, (all) => ours(all).length === 1, 20_000));
    assert.deepStrictEqual(diagnostic.range, rangeOf(document, 'comment'));
    assert.match(diagnostic.message, /"comment" has the wrong letter case: the documented parameter is "Comment"/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const rename = actions.find((action) => action.title === 'Rename to "Comment"');
    assert.ok(rename?.edit, `actions offered: ${actions.map((a) => a.title).join(', ')}`);
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.strictEqual(document.getText(), before.replace('comment       =', 'Comment       ='));
    await waitForDiagnostics(document.uri, (all) => ours(all).length === 0);
    // Leave the fixture as it is on disk for the next run.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('explains the operation on the URI of the sending call', async () => {
    const { document } = await openFixture('isolate-runbook.ps1');
    await waitForDiagnostics(document.uri, (all) => ours(all).length === 1, 20_000);
    const { text } = await hoverAt(document.uri, positionOf(document, '/isolate', 2));
    assert.match(text, /Isolate machine/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
