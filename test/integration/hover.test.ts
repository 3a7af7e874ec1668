import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, pollAsync, positionOf, withSetting } from './helpers';

const THROTTLED = [
  'Invoke-RestMethod : The remote server returned an error: (429) Too Many Requests.',
  '{"error":{"code":"TooManyRequests","message":"Rate limit exceeded","target":"7d3c1f0e-2a4b-4c5d-8e9f-0a1b2c3d4e5f"}}',
].join('\n');

const CRAFTED = '{"error":{"code":"BadRequest","message":"[x](command:workbench.action.quit) <img src=x>","target":"0f0e0d0c-0b0a-4909-8807-060504030201"}}';

async function untitled(language: string, content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language, content });
}

describe('hover', () => {
  before(() => activateExtension());

  it('explains an error code in a pasted JSON response with its status and guidance', async () => {
    const { document } = await openFixture('error.json');
    const { text } = await hoverAt(document.uri, positionOf(document, 'ResourceNotFound', 3));
    assert.match(text, /`ResourceNotFound`\*\*: 404 Not Found \(client error\)/);
    assert.match(text, /\*\*What to do:\*\*/);
  });

  it('explains an error code in the response part of an .http file', async () => {
    const { document } = await openFixture('support.http');
    const { text } = await hoverAt(document.uri, positionOf(document, '"Forbidden"', 2));
    assert.match(text, /`Forbidden`\*\*: 403 Forbidden \(client error\)/);
    assert.match(text, /admin consent/);
  });

  it('explains an error code in a plain-text log', async () => {
    const document = await untitled('plaintext', THROTTLED);
    const { text } = await hoverAt(document.uri, positionOf(document, 'TooManyRequests', 2));
    assert.match(text, /`TooManyRequests`\*\*: 429 Too Many Requests \(client error\)/);
  });

  it('switches to French when mdeApi.docsLanguage is fr, and back when it is restored', async () => {
    const document = await untitled('plaintext', THROTTLED);
    const position = positionOf(document, 'TooManyRequests', 2);
    const french = /erreur du client/;
    await withSetting('mdeApi', 'docsLanguage', 'fr', async () => {
      // The server re-reads settings on its own schedule, and hovers have no change event.
      const text = await pollAsync(async () => {
        const { text: now } = await hoverAt(document.uri, position);
        return french.test(now) ? now : undefined;
      }, 10_000, 'a French hover');
      assert.match(text, /`TooManyRequests`\*\*: 429 Trop de requêtes \(erreur du client\)/);
      assert.match(text, /Que faire/);
    });
    await pollAsync(async () => ((await hoverAt(document.uri, position)).text.includes('(client error)') ? true : undefined), 10_000, 'the English hover again');
  });

  it('explains the target as the correlation ID with a link to copy it', async () => {
    const { document } = await openFixture('error.json');
    const { text } = await hoverAt(document.uri, positionOf(document, '43f4cb08', 4));
    assert.match(text, /Correlation ID/);
    assert.match(text, /43f4cb08-8fac-4b65-9db1-745c2ae65f3a/);
    assert.match(text, /\]\(command:mdeApi\.copyTargetId\?/);
  });

  it('escapes links and HTML from the pasted message and trusts only its own command', async () => {
    const document = await untitled('json', CRAFTED);
    const { text, contents } = await hoverAt(document.uri, positionOf(document, 'BadRequest', 2));
    assert.match(text, /`BadRequest`/);
    assert.ok(!text.includes('](command:workbench'), text);
    assert.ok(!/(^|[^\\])<img/.test(text), text);
    assert.ok(text.includes('\\[x\\]\\(command\\:workbench'), text);
    const markdown = contents.filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    assert.ok(markdown.length > 0, 'the hover is Markdown');
    for (const md of markdown) {
      assert.notStrictEqual(md.isTrusted, true, 'no blanket trust for a hover that shows pasted text');
      assert.notStrictEqual(md.supportHtml, true);
      // Older hosts may not hand isTrusted back through the API; where they do, only the copy command is enabled.
      if (md.isTrusted !== undefined) {
        assert.deepStrictEqual(md.isTrusted, { enabledCommands: ['mdeApi.copyTargetId'] });
      }
    }
  });
});
