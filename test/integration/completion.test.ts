import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

async function completionsAt(content: string, marker = '|'): Promise<vscode.CompletionItem[]> {
  const document = await vscode.workspace.openTextDocument({ language: 'http', content: content.replace(marker, '') });
  const position = document.positionAt(content.indexOf(marker));
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items;
}

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('completion', () => {
  before(() => activateExtension());

  it('offers the documented parameter names inside an indicator body', async () => {
    const items = await completionsAt(
      ['POST https://api.security.microsoft.com/api/indicators', 'Content-Type: application/json', '', '{', '  "title": "x",', '  |', '}'].join('\n'),
    );
    const properties = items.filter((item) => item.kind === vscode.CompletionItemKind.Property).map(labelOf);
    for (const name of ['indicatorValue', 'indicatorType', 'action', 'description']) {
      assert.ok(properties.includes(name), `${name} is offered among: ${properties.join(', ')}`);
    }
    assert.ok(!properties.includes('title'), 'a key already present is not offered again');
  });

  it('offers the allowed values, exactly cased, for ScanType', async () => {
    const items = await completionsAt(
      ['POST https://api.security.microsoft.com/api/machines/1/runAntiVirusScan', 'Content-Type: application/json', '', '{"Comment": "x", "ScanType": |}'].join('\n'),
    );
    // VS Code returns the items in its own order, so only the set is checked here.
    const values = items.filter((item) => item.kind === vscode.CompletionItemKind.EnumMember).map(labelOf);
    assert.deepStrictEqual(values.sort(), ['Full', 'Quick']);
  });

  it('offers the whole body skeleton below a request line that has no body', async () => {
    const items = await completionsAt(['POST https://api.security.microsoft.com/api/machines/1/isolate', 'Content-Type: application/json', '', '|'].join('\n'));
    const skeleton = items.find((item) => labelOf(item) === 'Isolate machine: request body');
    assert.ok(skeleton, `offered: ${items.map(labelOf).join(', ')}`);
    assert.strictEqual(skeleton.kind, vscode.CompletionItemKind.Snippet);
    const insert = skeleton.insertText instanceof vscode.SnippetString ? skeleton.insertText.value : String(skeleton.insertText);
    assert.match(insert, /"Comment": "\$\{1\}"/);
    assert.match(insert, /"IsolationType": "\$\{2\|Full,Selective,UnManagedDevice\|\}"/);
  });
});
