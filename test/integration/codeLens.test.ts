import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture } from './helpers';

const TARGETS = ['11111111-aaaa-4bbb-8ccc-000000000001', '22222222-aaaa-4bbb-8ccc-000000000002'];

describe('code lens', () => {
  before(() => activateExtension());

  it('puts one copy lens above each error response, carrying its target', async () => {
    const { document } = await openFixture('two-errors.log');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    assert.strictEqual(lenses.length, 2, JSON.stringify(lenses.map((lens) => lens.command)));
    assert.deepStrictEqual(
      lenses.map((lens) => lens.command?.command),
      ['mdeApi.copyTargetId', 'mdeApi.copyTargetId'],
    );
    assert.deepStrictEqual(lenses.map((lens) => lens.command?.arguments), TARGETS.map((target) => [{ target }]));
    assert.deepStrictEqual(lenses.map((lens) => lens.range.start.line), [1, 4]);
    assert.match(lenses[0].command?.title ?? '', /ResourceNotFound/);
  });

  it('copies the target when the lens command runs', async () => {
    const { document } = await openFixture('two-errors.log');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const second = lenses[1].command!;
    await vscode.env.clipboard.writeText('before the lens ran');
    await vscode.commands.executeCommand(second.command, ...(second.arguments ?? []));
    assert.strictEqual(await vscode.env.clipboard.readText(), TARGETS[1]);
  });
});
