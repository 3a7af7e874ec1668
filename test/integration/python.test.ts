import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, rangeOf, waitForDiagnostics } from './helpers';

function codeValue(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

const wrongCase = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'mde-api' && codeValue(d) === 'wrong-case');

describe('Python scripts', () => {
  before(() => activateExtension());

  afterEach(async () => {
    // Revert, not close: the quick fix leaves the fixture dirty, and a dirty editor would prompt to save.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('flags a mis-cased dict key in a .py file and renames it in its own quotes with the quick fix', async () => {
    const { document } = await openFixture('isolate-machine.py');
    // VS Code knows .py as Python with no Python extension installed.
    assert.strictEqual(document.languageId, 'python');
    const original = document.getText();

    // The first script of a session loads the Python grammar: give it time.
    const [diagnostic] = wrongCase(await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 1, 30_000));
    assert.deepStrictEqual(diagnostic.range, rangeOf(document, "'comment'"));
    assert.strictEqual(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /"comment" has the wrong letter case: the documented parameter is "Comment"/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range);
    const rename = actions.find((action) => action.title === 'Rename to "Comment"');
    assert.ok(rename?.edit, `actions offered: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(rename.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(rename.edit));
    assert.strictEqual(document.getText(), original.replace("'comment'", "'Comment'"));

    await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 0);
  });
});
