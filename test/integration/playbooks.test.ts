import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openUntitled, positionOf, rangeOf, waitForDiagnostics, withSetting } from './helpers';

const wrongCase = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.filter((d) => d.source === 'mde-api' && (typeof d.code === 'object' ? d.code.value : d.code) === 'wrong-case');

/** A fixture of test/fixtures/playbooks (next to the workspace folder), read through VS Code. */
async function playbookFixture(name: string): Promise<string> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the fixture workspace is open');
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '..', 'playbooks', name));
  return Buffer.from(bytes).toString('utf8');
}

async function renameAt(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<void> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
  const rename = actions.find((action) => action.title === title);
  assert.ok(rename, `actions offered: ${actions.map((action) => action.title).join(', ')}`);
  assert.ok(rename.edit, 'the quick fix carries its edit');
  assert.strictEqual(rename.isPreferred, true);
  assert.ok(await vscode.workspace.applyEdit(rename.edit));
}

describe('playbooks and collections', () => {
  before(() => activateExtension());

  // Untitled documents: the fixtures on disk stay as they are whatever the test does.
  it('an ARM playbook shows the wrong-case diagnostic on a connector action’s body, and the quick fix works', async () => {
    // VS Code's JSON support would fetch the template's $schema, and code action requests wait for
    // every provider: this test machine has no network.
    await withSetting('json', 'schemaDownload.enable', false, async () => {
      const text = await playbookFixture('arm-playbook.json');
      const { document } = await openUntitled('json', text);
      const diagnostics = wrongCase(await waitForDiagnostics(document.uri, (all) => wrongCase(all).length >= 4));
      const comment = diagnostics.find((d) => d.range.isEqual(rangeOf(document, '"comment"')));
      assert.ok(comment, diagnostics.map((d) => d.message).join('\n'));
      assert.match(comment.message, /"comment" has the wrong letter case: the documented parameter is "Comment"/);

      await renameAt(document, comment, 'Rename to "Comment"');
      assert.strictEqual(document.getText(), text.replace('"comment": "Isolated', '"Comment": "Isolated'));
      const hover = await hoverAt(document.uri, positionOf(document, '/isolate"', 2));
      assert.match(hover.text, /Isolate machine/);
    });
  });

  it('a Postman collection shows it inside the escaped raw body, and Fix All writes escaped text', async () => {
    const text = await playbookFixture('postman-collection.json');
    const { document } = await openUntitled('json', text);
    const diagnostics = wrongCase(await waitForDiagnostics(document.uri, (all) => wrongCase(all).length >= 4));
    const comment = diagnostics.find((d) => d.range.isEqual(rangeOf(document, '\\"comment\\"')));
    assert.ok(comment, diagnostics.map((d) => `${document.getText(d.range)}: ${d.message}`).join('\n'));

    await renameAt(document, comment, 'Rename to "Comment"');
    assert.strictEqual(document.getText(), text.replace('\\"comment\\"', '\\"Comment\\"'));
    await waitForDiagnostics(document.uri, (all) => !all.some((d) => document.getText(d.range) === '\\"Comment\\"') && wrongCase(all).length >= 3);
    await vscode.commands.executeCommand('mdeApi.fixAllInDocument');
    assert.strictEqual(document.getText(), await playbookFixture('postman-collection.fixed.json'));
  });
});
