import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, hoverAt, openFixture, positionOf, rangeOf, waitForDiagnostics } from './helpers';

const wrongCase = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === 'mde-api' && (typeof d.code === 'object' ? d.code.value : d.code) === 'wrong-case');

describe('request bodies in TypeScript', () => {
  before(() => activateExtension());

  it('reports the mis-cased key of an object literal sent by fetch, on the key itself', async () => {
    const { document } = await openFixture('isolate.ts');
    assert.strictEqual(document.languageId, 'typescript');
    const [diagnostic] = wrongCase(await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 1, 30_000));
    assert.deepStrictEqual(diagnostic.range, rangeOf(document, 'comment:').with({ end: rangeOf(document, 'comment:').end.translate(0, -1) }));
    assert.match(diagnostic.message, /"comment" has the wrong letter case: the documented parameter is "Comment"/);
  });

  it('answers the hover on a bare key with the parameter docs', async function () {
    // The hover command waits for every provider, TypeScript's own language server among them, which starts slowly on a busy machine.
    this.timeout(90_000);
    const { document } = await openFixture('isolate.ts');
    await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 1, 30_000);
    const { text } = await hoverAt(document.uri, positionOf(document, 'IsolationType', 3));
    assert.match(text, /\*\*`IsolationType`\*\*/);
    assert.match(text, /Full/);
  });
});
