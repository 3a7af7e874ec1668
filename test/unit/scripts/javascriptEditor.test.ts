import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { javascriptSyntax } from '../../../src/core/scripts/javascript/completionSyntax';
import { DocumentStore } from '../../../src/server/documentStore';
import { provideHover } from '../../../src/server/features/hover';
import { currentLanguage, t } from '../../../src/shared/language';
import { testParsers } from '../helpers/parsers';
import { withCursor } from '../helpers/text';
import { analyze } from './javascriptHelpers';

const HOST = 'https://api.securitycenter.microsoft.com';
let version = 1;

async function hoverAt(marked: string, languageId = 'typescript'): Promise<{ value: string; covers: string } | undefined> {
  const { text, offset } = withCursor(marked);
  const document = TextDocument.create(`untitled:editor-${version}`, languageId, version++, text);
  const store = new DocumentStore(() => 1024 * 1024, testParsers);
  await store.prepare(document);
  const hover = provideHover(document, document.positionAt(offset), store, { language: currentLanguage(), t });
  if (!hover?.range) {
    return undefined;
  }
  return { value: (hover.contents as { value: string }).value, covers: text.slice(document.offsetAt(hover.range.start), document.offsetAt(hover.range.end)) };
}

describe('JavaScript and TypeScript bodies in the editor', () => {
  describe('hover on a key through the view', () => {
    const sending = (body: string) => `const body = ${body};\nawait fetch('${HOST}/api/machines/1/isolate', { method: 'POST', body: JSON.stringify(body) });\n`;

    it('a bare key, from its first to its last character', async () => {
      for (const marked of [sending("{ |comment: 'x', IsolationType: 'Full' }"), sending("{ comm|ent: 'x', IsolationType: 'Full' }"), sending("{ comment|: 'x', IsolationType: 'Full' }")]) {
        const hover = await hoverAt(marked);
        assert.equal(hover?.covers, 'comment', marked);
        assert.match(hover.value, /Free-text reason/);
      }
    });

    it('a quoted key, a value, and a key in a .tsx and a .js file', async () => {
      assert.equal((await hoverAt(sending("{ Comment: 'x', 'Isolation|Type': 'Full' }")))?.covers, "'IsolationType'");
      assert.equal((await hoverAt(sending("{ Comment: 'x', IsolationType: 'Fu|ll' }")))?.covers, "'Full'");
      assert.equal((await hoverAt(sending("{ Com|ment: 'x' }"), 'typescriptreact'))?.covers, 'Comment');
      assert.equal((await hoverAt(sending("{ Com|ment: 'x' }"), 'javascript'))?.covers, 'Comment');
    });

    it('a key added in a later step, and nothing on the code between the steps', async () => {
      const text = `const body: any = { Comment: 'x' };\nconst unrelated = comp|uteSomething();\nbody.Isolation#Type = 'Full';\nawait fetch('${HOST}/api/machines/1/isolate', { method: 'POST', body: JSON.stringify(body) });\n`;
      assert.equal(await hoverAt(text.replace('#', '')), undefined);
      assert.equal((await hoverAt(text.replace('|', '').replace('#', '|')))?.covers, 'IsolationType');
    });

    it('a key in JSON inside a template literal', async () => {
      const text = `await fetch('${HOST}/api/machines/1/isolate', { method: 'POST', body: \`{"Comment": "\${c}", "Isolation|Type": "Full"}\` });\n`;
      assert.equal((await hoverAt(text))?.covers, '"IsolationType"');
    });
  });

  describe('what the body tells the editor', () => {
    it('the URL argument and the method as spans of the call', async () => {
      const text = `await axios.patch(\`${HOST}/api/alerts/\${id}\`, { status: 'Resolved', classification: 'TruePositive' });\n`;
      const [body] = (await analyze(text)).bodies;
      const span = (s?: { start: number; end: number }) => (s ? text.slice(s.start, s.end) : undefined);
      assert.equal(span(body.target?.urlSpan), `\`${HOST}/api/alerts/\${id}\``);
      assert.equal(span(body.target?.methodSpan), 'patch');
      assert.equal(body.operation?.id, 'updateAlert');
    });

    it('the directive as the URL span when a directive names the operation', async () => {
      const text = "// mde: POST /api/machines/{id}/isolate\nconst body = { Comment: 'x', IsolationType: 'Full' };\n";
      const [body] = (await analyze(text)).bodies;
      assert.equal(text.slice(body.target!.urlSpan!.start, body.target!.urlSpan!.end), 'mde: POST /api/machines/{id}/isolate');
    });

    it('object literals complete in JavaScript syntax, JSON strings as JSON', async () => {
      const text = `// mde: POST /api/machines/{id}/isolate\nconst body = { Comment: "x", IsolationType: "Full" };\n// mde: POST /api/machines/{id}/isolate\nconst json = '{"Comment": "x"}';\n`;
      const [object, string] = (await analyze(text)).bodies;
      assert.equal(object.syntax?.property('IsolationType', '"${1:Full}"'), 'IsolationType: "${1:Full}"');
      assert.equal(object.syntax?.string('Full'), '"Full"', 'the file writes double quotes');
      assert.equal(string.syntax, undefined);
    });
  });

  describe('completion syntax', () => {
    it('writes a property bare when its name is an identifier, quoted otherwise, in the given quotes', () => {
      assert.equal(javascriptSyntax("'").property('Comment', "'$1'"), "Comment: '$1'");
      assert.equal(javascriptSyntax("'").property('@odata.type', "'$1'"), "'@odata.type': '$1'");
      assert.equal(javascriptSyntax('"').property('@odata.type', '"$1"'), '"@odata.type": "$1"');
    });

    it("writes strings in the file's quotes, escaping that quote", () => {
      assert.equal(javascriptSyntax("'").string("it's"), "'it\\'s'");
      assert.equal(javascriptSyntax('"').string('say "hi"'), '"say \\"hi\\""');
    });

    it('takes the quotes most strings of the file use', async () => {
      const single = "// mde: POST /api/machines/{id}/isolate\nconst body = { Comment: 'x', IsolationType: \"Full\" };\nconst a = 'a';\n";
      assert.equal((await analyze(single)).bodies[0].syntax?.string('v'), "'v'");
      const double = single.replace("'a'", '"a"').replace("'x'", '"x"');
      assert.equal((await analyze(double)).bodies[0].syntax?.string('v'), '"v"');
    });
  });
});
