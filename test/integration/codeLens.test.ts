import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, extensionApi, hoverAt, openFixture, openUntitled, pollAsync, positionOf, rangeOf } from './helpers';

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

  it('follows edits in an .http file, where each ### block keeps its own responses', async () => {
    await extensionApi();
    const response = (code: string, target: string) =>
      `HTTP/1.1 404 Not Found\nContent-Type: application/json\n\n{"error": {"code": "${code}", "message": "m", "target": "${target}"}}\n`;
    const text = [
      'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n{"Comment": "c", "IsolationType": "Full"}\n\n',
      response('ResourceNotFound', TARGETS[0]),
      '###\nPOST https://api.security.microsoft.com/api/indicators\nContent-Type: application/json\n\n{}\n\n',
      response('InvalidRequestBody', TARGETS[1]),
    ].join('');
    const editor = await openUntitled('http', text);
    const document = editor.document;
    const lensesAt = (lines: number[], targets: string[]) =>
      pollAsync(async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
        const found = JSON.stringify([lenses.map((lens) => lens.range.start.line), lenses.map((lens) => (lens.command?.arguments?.[0] as { target: string }).target)]);
        return found === JSON.stringify([lines, targets]) ? lenses : undefined;
      }, 10_000, `lenses on lines ${lines.join(', ')} carrying ${targets.join(', ')}`);
    const firstLine = positionOf(document, '{"error"').line;
    const secondLine = positionOf(document, '{"error"', 0, 1).line;
    await lensesAt([firstLine, secondLine], TARGETS);

    // Three lines typed into the first block move both lenses; a target edited in the second block changes its lens.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'X-One: 1\nX-Two: 2\nX-Three: 3\n')));
    await lensesAt([firstLine + 3, secondLine + 3], TARGETS);
    const changedTarget = '33333333-aaaa-4bbb-8ccc-000000000003';
    assert.ok(await editor.edit((edit) => edit.replace(rangeOf(document, TARGETS[1]), changedTarget)));
    await lensesAt([firstLine + 3, secondLine + 3], [TARGETS[0], changedTarget]);
    const hover = await hoverAt(document.uri, positionOf(document, 'InvalidRequestBody', 2));
    assert.match(hover.text, /InvalidRequestBody/);
  });
});

