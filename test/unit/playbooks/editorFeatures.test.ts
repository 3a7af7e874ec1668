import * as assert from 'node:assert/strict';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../src/server/convert';
import { DocumentStore } from '../../../src/server/documentStore';
import { provideCodeActions } from '../../../src/server/features/codeActions';
import { provideCompletion } from '../../../src/server/features/completion';
import { provideHover } from '../../../src/server/features/hover';
import { currentLanguage, t } from '../../../src/shared/language';
import { testParsers } from '../helpers/parsers';
import { withCursor } from '../helpers/text';
import { collection, standardWorkflow } from './helpers';

const store = () => new DocumentStore(() => 32 * 1024 * 1024, testParsers);
const env = () => ({ language: currentLanguage(), t });
let version = 1;
const doc = (text: string) => TextDocument.create(`untitled:playbook-${version}.json`, 'json', version++, text);

function hoverAt(marked: string): { value: string; covered: string } | undefined {
  const { text, offset } = withCursor(marked);
  const document = doc(text);
  const hover = provideHover(document, document.positionAt(offset), store(), env());
  if (!hover?.range) {
    return undefined;
  }
  return { value: (hover.contents as { value: string }).value, covered: text.slice(document.offsetAt(hover.range.start), document.offsetAt(hover.range.end)) };
}

/** The text a snippet inserts with every placeholder left at its first choice or empty. */
function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([\\$}])/g, '$1');
}

const postmanItem = (raw: string) =>
  collection(`[{"name": "Isolate", "request": {"method": "POST", "body": {"mode": "raw", "raw": ${raw}}, "url": "{{baseUrl}}/api/machines/{{id}}/isolate"}}]`);

describe('editor features in playbooks and collections', () => {
  it('hovers on a connector action’s path and an HTTP action’s URI show the operation', () => {
    const path = "/api/machines/@{triggerBody()?['id']}/isolate";
    const action = `{"A": {"type": "ApiConnection", "inputs": {"host": {"connection": {"referenceName": "wdatp"}}, "method": "post", "path": "${path.replace('/isolate', '/iso|late')}", "body": {"Comment": "x"}}}}`;
    const hover = hoverAt(standardWorkflow(action));
    assert.match(hover?.value ?? '', /Isolate machine/);
    assert.equal(hover?.covered, JSON.stringify(path));
    const uri = standardWorkflow(`{"A": {"type": "Http", "inputs": {"method": "POST", "uri": "https://api.security.microsoft.com/api/machines/1/run|AntiVirusScan", "body": {"Comment": "x"}}}}`);
    assert.match(hoverAt(uri)?.value ?? '', /Run antivirus scan/i);
  });

  it('hovers on a Postman request’s URL show the operation', () => {
    const text = postmanItem('"{\\"Comment\\": \\"x\\"}"').replace('/isolate"', '/iso|late"');
    const hover = hoverAt(text);
    assert.match(hover?.value ?? '', /Isolate machine/);
    assert.equal(hover?.covered, '"{{baseUrl}}/api/machines/{{id}}/isolate"');
  });

  it('hovers on a parameter inside a Postman string cover exactly its escaped key', () => {
    const hover = hoverAt(postmanItem('"{\\"Isolation|Type\\": \\"Full\\"}"'));
    assert.match(hover?.value ?? '', /IsolationType/);
    assert.equal(hover?.covered, '\\"IsolationType\\"');
  });

  it('completes parameter names inside a Postman string with escaped quotes, and the result still parses', () => {
    const { text, offset } = withCursor(postmanItem('"{\\"Comment\\": \\"x\\", |}"'));
    const document = doc(text);
    const items = provideCompletion(document, document.positionAt(offset), store(), env());
    const item = items.find((candidate) => candidate.label === 'IsolationType');
    assert.ok(item, items.map((candidate) => candidate.label).join(', '));
    assert.ok(!items.some((candidate) => candidate.label === 'Comment'), 'a present key is not proposed again');
    const edit = item.textEdit as TextEdit;
    const completed = TextDocument.applyEdits(document, [{ range: edit.range, newText: expandSnippet(edit.newText) }]);
    const raw = (JSON.parse(completed) as { item: { request: { body: { raw: string } } }[] }).item[0].request.body.raw;
    assert.deepEqual(JSON.parse(raw), { Comment: 'x', IsolationType: 'Full' });
  });

  it('completes enum values inside a Postman string, filtered by what is typed', () => {
    const { text, offset } = withCursor(postmanItem('"{\\"Comment\\": \\"x\\", \\"IsolationType\\": \\"Se|\\"}"'));
    const document = doc(text);
    const items = provideCompletion(document, document.positionAt(offset), store(), env());
    const selective = items.find((candidate) => candidate.label === 'Selective')!;
    assert.equal(selective.filterText, '\\"Selective\\"');
    const edit = selective.textEdit as TextEdit;
    assert.equal(text.slice(document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)), '\\"Se\\"');
    assert.equal(expandSnippet(edit.newText), '\\"Selective\\"');
  });

  it('a quick fix in a Postman string writes escaped text', () => {
    const text = postmanItem('"{\\"comment\\": \\"x\\"}"');
    const document = doc(text);
    const documents = store();
    const diagnostics = documents.findings(document).map((finding) => toDiagnostic(document, finding));
    assert.equal(diagnostics.length, 1);
    const [fix] = provideCodeActions(document, { textDocument: { uri: document.uri }, range: diagnostics[0].range, context: { diagnostics } }, documents);
    const change = fix.edit!.documentChanges![0] as { edits: TextEdit[] };
    assert.equal(TextDocument.applyEdits(document, change.edits), text.replace('\\"comment\\"', '\\"Comment\\"'));
  });
});
