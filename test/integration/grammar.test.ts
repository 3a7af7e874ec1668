import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openUntitled, pollAsync, positionOf, workspaceUri } from './helpers';

/**
 * VS Code 1.100 has no API for token scopes (test/unit/grammar.test.ts checks those with VS Code's
 * own vscode-textmate). What the API does show is the language VS Code gives each position, which
 * only a TextMate grammar's embedded languages decide: "Toggle Line Comment" uses the comment
 * syntax of that language. `http`'s is `#` (language-configuration.json), JSON's is `//`. So a `//`
 * on a body line and a `#` on a header line mean VS Code tokenizes the http language with our
 * grammar, and that the grammar hands exactly the bodies to JSON.
 */
async function toggleLineComment(editor: vscode.TextEditor, needle: string): Promise<string> {
  const line = positionOf(editor.document, needle).line;
  editor.selection = new vscode.Selection(line, 0, line, 0);
  await vscode.commands.executeCommand('editor.action.commentLine');
  return editor.document.lineAt(line).text;
}

describe('grammar', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    await activateExtension();
    // VS Code loads a language's comment syntax when a document of that language opens, or when its
    // main-thread tokenizer first meets the language embedded; in this headless workbench the second
    // does not happen (measured: no // after 12 s), so a JSON document opens first.
    await vscode.workspace.openTextDocument(workspaceUri('error.json'));
    const fixture = await vscode.workspace.fs.readFile(workspaceUri('highlighting.http'));
    editor = await openUntitled('http', new TextDecoder().decode(fixture));
  });

  after(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('gives the JSON request body the json language: its line comment is //', async () => {
    // The grammar loads asynchronously after the editor opens: until then every position is `http`.
    const commented = await pollAsync(async () => {
      const text = await toggleLineComment(editor, '"IsolationType": "Full"');
      return text.includes('//') ? text : undefined;
    }, 10_000, 'a // comment from the JSON body (is a grammar registered for the http language?)');
    assert.strictEqual(commented, '  // "IsolationType": "Full",');
  });

  it('gives the pasted response body the json language too', async () => {
    assert.strictEqual(await toggleLineComment(editor, '"code": "InvalidRequestBody"'), '    // "code": "InvalidRequestBody",');
  });

  it('leaves headers, request and status lines to http, whose line comment is #', async () => {
    for (const line of ['Authorization: Bearer {{token}}', 'HTTP/1.1 400 Bad Request', 'POST {{host}}/api/indicators']) {
      assert.strictEqual(await toggleLineComment(editor, line), `# ${line}`);
      assert.strictEqual(await toggleLineComment(editor, `# ${line}`), line);
    }
  });
});
