import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openUntitled, rangeOf, waitForDiagnostics, withSetting, workspaceUri } from './helpers';

const SEVERAL_ERRORS = [
  'POST https://api.securitycenter.microsoft.com/api/machines/1234/runAntiVirusScan',
  'Content-Type: application/json',
  '',
  '{',
  '  "comment": "Weekly scan",',
  '  "scanType": "quick"',
  '}',
  '',
  '###',
  'POST https://api.security.microsoft.com/api/indicators',
  'Content-Type: application/json',
  '',
  '{',
  '  "IndicatorValue": "contoso.com",',
  '  "IndicatorType": "DomainName",',
  '  "action": "Alert",',
  '  "title": "t",',
  '  "description": "d"',
  '}',
  '',
].join('\n');

const ALL_FIXED = SEVERAL_ERRORS.replace('"comment"', '"Comment"')
  .replace('"scanType"', '"ScanType"')
  .replace('"quick"', '"Quick"')
  .replace('"IndicatorValue"', '"indicatorValue"')
  .replace('"IndicatorType"', '"indicatorType"');

const ours = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'mde-api');

describe('code actions', () => {
  before(() => activateExtension());

  it('offers a preferred quick fix that renames only the wrongly cased key', async () => {
    const { document } = await openUntitled('http', SEVERAL_ERRORS);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => ours(all).length >= 5);
    const comment = diagnostics.find((d) => d.range.isEqual(rangeOf(document, '"comment"')));
    assert.ok(comment, 'a diagnostic on "comment"');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, comment.range);
    const rename = actions.find((action) => action.title === 'Rename to "Comment"');
    assert.ok(rename, `actions offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(rename.isPreferred, true);
    assert.strictEqual(rename.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(rename.edit, 'the quick fix carries its edit');

    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.strictEqual(document.getText(), SEVERAL_ERRORS.replace('"comment"', '"Comment"'));
  });

  it('fixes every key on an explicit save when source.fixAll.mdeApi is on', async () => {
    const uri = workspaceUri('fix-all-on-save.tmp.http');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(SEVERAL_ERRORS));
    try {
      await withSetting('editor', 'codeActionsOnSave', { 'source.fixAll.mdeApi': 'explicit' }, async () => {
        const document = await vscode.workspace.openTextDocument(uri);
        const editor = await vscode.window.showTextDocument(document);
        await waitForDiagnostics(uri, (all) => ours(all).length >= 5);
        assert.ok(await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), '# edited\n')));
        assert.ok(await document.save(), 'the document saves');
        const saved = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
        assert.strictEqual(saved, `# edited\n${ALL_FIXED}`);
      }, 'http');
    } finally {
      // Revert, not close: a dirty editor left by a failed assertion would open a modal save prompt.
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('fixes an untitled document with the Fix All command', async () => {
    const { document } = await openUntitled('http', SEVERAL_ERRORS);
    await waitForDiagnostics(document.uri, (all) => ours(all).length >= 5);
    await vscode.commands.executeCommand('mdeApi.fixAllInDocument');
    assert.strictEqual(document.getText(), ALL_FIXED);
  });
});
