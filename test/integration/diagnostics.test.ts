import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, openFixture, rangeOf, waitForDiagnostics } from './helpers';

const wrongCase = (diagnostics: vscode.Diagnostic[]) => diagnostics.filter((d) => codeValue(d) === 'wrong-case');

function codeValue(diagnostic: vscode.Diagnostic): string | number | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}

function codeTarget(diagnostic: vscode.Diagnostic): string | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.target.toString() : undefined;
}

const RUN_SCAN = [
  'POST https://api.securitycenter.microsoft.com/api/machines/1234/runAntiVirusScan',
  'Content-Type: application/json',
  '',
  '{',
  '  "comment": "Weekly scan",',
  '  "ScanType": "Quick"',
  '}',
].join('\n');

describe('diagnostics', () => {
  before(() => activateExtension());

  it('reports wrongly cased body keys in an .http file with source, range and docs link', async () => {
    const { document } = await openFixture('wrong-casing.http');
    const diagnostics = wrongCase(await waitForDiagnostics(document.uri, (all) => wrongCase(all).length >= 2));
    assert.strictEqual(diagnostics.length, 2, diagnostics.map((d) => d.message).join('\n'));
    const [scan, indicator] = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);

    assert.strictEqual(scan.source, 'mde-api');
    assert.strictEqual(scan.severity, vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(scan.range, rangeOf(document, '"comment"'));
    assert.match(scan.message, /"comment" has the wrong letter case: the documented parameter is "Comment"/);
    assert.match(codeTarget(scan) ?? '', /^https:\/\/learn\.microsoft\.com\/.*run-av-scan/);

    assert.strictEqual(indicator.source, 'mde-api');
    assert.deepStrictEqual(indicator.range, rangeOf(document, '"IndicatorValue"'));
    assert.match(indicator.message, /"IndicatorValue" has the wrong letter case: the documented parameter is "indicatorValue"/);
    assert.match(codeTarget(indicator) ?? '', /^https:\/\/learn\.microsoft\.com\/.*post-ti-indicator/);
  });

  it('serves an untitled http document too', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'http', content: RUN_SCAN });
    const [diagnostic] = wrongCase(await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 1));
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.strictEqual(diagnostic.source, 'mde-api');
    assert.deepStrictEqual(diagnostic.range, rangeOf(document, '"comment"'));
  });

  it('clears the diagnostic once an edit fixes the key', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'http', content: RUN_SCAN });
    await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, rangeOf(document, '"comment"'), '"Comment"');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    const after = await waitForDiagnostics(document.uri, (all) => wrongCase(all).length === 0);
    assert.deepStrictEqual(after.filter((d) => d.source === 'mde-api'), []);
  });
});
