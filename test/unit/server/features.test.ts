import * as assert from 'node:assert/strict';
import { testParsers } from '../helpers/parsers';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../../../src/server/convert';
import { DocumentStore } from '../../../src/server/documentStore';
import { provideCodeActions } from '../../../src/server/features/codeActions';
import { provideCodeLenses } from '../../../src/server/features/codeLens';
import { provideCompletion } from '../../../src/server/features/completion';
import { errorSummaries } from '../../../src/server/features/errorSummaries';
import { provideHover } from '../../../src/server/features/hover';
import { currentLanguage, setLanguage, t } from '../../../src/shared/language';
import { FixAllKind } from '../../../src/shared/protocol';
import { joinLines, withCursor } from '../helpers/text';

const store = () => new DocumentStore(() => 32 * 1024 * 1024, testParsers);
const env = () => ({ language: currentLanguage(), t });
let version = 1;
const doc = (text: string, languageId = 'http') => TextDocument.create(`untitled:test-${version}`, languageId, version++, text);

function hoverText(marked: string, languageId = 'http'): string {
  const { text, offset } = withCursor(marked);
  const document = doc(text, languageId);
  const hover = provideHover(document, document.positionAt(offset), store(), env());
  return hover ? (hover.contents as { value: string }).value : '';
}

function diagnosticsOf(document: TextDocument, documents = store()): Diagnostic[] {
  return documents.findings(document).map((finding) => toDiagnostic(document, finding));
}

function apply(document: TextDocument, action: CodeAction): string {
  const change = action.edit!.documentChanges![0] as { edits: TextEdit[] };
  return TextDocument.applyEdits(document, change.edits);
}

const errorResponse = joinLines(
  'HTTP/1.1 429 Too Many Requests',
  'Retry-After: 30',
  '',
  '{"error": {"code": "TooMany|Requests", "message": "Quota [click](command:evil) <b>x</b>", "target": "43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}',
);

describe('server features', () => {
  afterEach(() => setLanguage('en'));

  describe('hover', () => {
    it('explains a documented code with status, class, guidance and the concrete Retry-After', () => {
      const value = hoverText(errorResponse);
      assert.match(value, /`TooManyRequests`\*\*: 429 Too Many Requests \(client error\)/);
      assert.match(value, /wait 30 seconds before resubmitting/);
      assert.match(value, /command:mdeApi\.copyTargetId\?/);
    });

    it('escapes the pasted message: no link, command or HTML survives', () => {
      const value = hoverText(errorResponse);
      const received = value.split('\n\n').find((section) => section.startsWith('Message received:'))!;
      assert.ok(!received.includes('](command:'), received);
      assert.ok(received.includes('\\[click\\]\\(command\\:evil\\)'), received);
      assert.ok(received.includes('\\<b\\>'), received);
    });

    it('speaks French when the language is French, keeping the code in English', () => {
      setLanguage('fr');
      const value = hoverText(errorResponse);
      assert.match(value, /`TooManyRequests`\*\*: 429 Trop de requêtes \(erreur du client\)/);
      assert.match(value, /attendez 30 secondes/);
    });

    it('says an unknown code is undocumented, with its class and a did-you-mean', () => {
      const value = hoverText(joinLines('HTTP/1.1 400 Bad Request', '', '{"error": {"code": "InvalidRequestB|ody2", "target": "t"}}'));
      assert.match(value, /not among the documented Defender for Endpoint error codes/);
      assert.match(value, /400 Bad Request \(client error\)/);
      assert.match(value, /Did you mean `InvalidRequestBody`\?/);
    });

    it('explains the target as the correlation id', () => {
      const value = hoverText('{"error": {"code": "BadRequest", "target": "43f4cb08-|8fac-4b65-9db1-745c2ae65f3a"}}', 'json');
      assert.match(value, /Correlation ID/);
      assert.match(value, /43f4cb08-8fac-4b65-9db1-745c2ae65f3a/);
    });

    describe('Python error reprs in a log', () => {
      const target = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';
      const fragment = `2024-05-02 10:16:02,337 WARNING isolate refused: 'code': 'ResourceNotFound', 'message': "Machine 12 wasn't found", 'target': '${target}'`;
      const cut = `2024-05-02 10:15:22,118 ERROR api call failed: {'error': {'code': 'InvalidRequestBody', 'message': "Request body is incorr`;

      it('explains the code of a fragment without the error key, over the exact code token', () => {
        const text = joinLines(fragment, 'next line');
        const document = doc(text, 'log');
        const start = text.indexOf("'ResourceNotFound'");
        const hover = provideHover(document, document.positionAt(start + 3), store(), env());
        assert.match((hover?.contents as { value: string }).value, /`ResourceNotFound`\*\*: 404 Not Found/);
        assert.deepEqual(hover?.range, { start: document.positionAt(start), end: document.positionAt(start + "'ResourceNotFound'".length) });
      });

      it('offers the fragment\'s target to copy, from its hover, its lens and the copy command', () => {
        const document = doc(joinLines(cut, fragment), 'log');
        const value = hoverText(joinLines(cut, fragment.replace(`'${target}'`, `'43f4cb08-|${target.slice(9)}'`)), 'log');
        assert.match(value, /Correlation ID/);
        assert.ok(value.includes(encodeURIComponent(JSON.stringify([{ target }]))), value);
        assert.deepEqual(provideCodeLenses(document, store()).map((lens) => lens.command?.arguments), [[{ target }]]);
        const summaries = errorSummaries(document, store());
        assert.deepEqual(summaries.map((summary) => [summary.code, summary.target, summary.range.start.line]), [['InvalidRequestBody', undefined, 0], ['ResourceNotFound', target, 1]]);
      });

      it('explains the code of a dict repr cut before its closing braces', () => {
        const value = hoverText(cut.replace("'InvalidRequestBody'", "'InvalidRequest|Body'"), 'log');
        assert.match(value, /`InvalidRequestBody`\*\*: 400 Bad Request/);
        assert.match(value, /Request body is incorr/);
      });
    });

    it('documents a parameter from the catalog', () => {
      const value = hoverText(joinLines('POST https://api.security.microsoft.com/api/machines/1/isolate', 'Content-Type: application/json', '', '{"Isolation|Type": "Full"}'));
      assert.match(value, /\*\*`IsolationType`\*\* · string · optional/);
      assert.match(value, /`Full`, `Selective`, `UnManagedDevice`/);
    });

    it('explains a documented spelling conflict in the language of the user', () => {
      const request = joinLines('PATCH https://api.security.microsoft.com/api/alerts/1', 'Content-Type: application/json', '', '{"Classi|fication": "TruePositive"}');
      const english = hoverText(request);
      assert.match(english, /The example spelling wins because it is the one shown working against the live API\./);
      assert.doesNotMatch(english, /La graphie de l'exemple l'emporte/);
      setLanguage('fr');
      const french = hoverText(request);
      assert.match(french, /La graphie de l'exemple l'emporte/);
      assert.match(french, /envoie « classification »/);
      assert.doesNotMatch(french, /The example spelling wins/);
    });

    it('documents the operation on its request line, with permissions and rate limits', () => {
      const value = hoverText('POST https://api.security.microsoft.com/api/machines/1/iso|late\n');
      assert.match(value, /Machine\.Isolate/);
      assert.match(value, /100 calls per minute/);
      assert.match(value, /\[Documentation\]\(https:\/\/learn\.microsoft\.com\//);
    });
  });

  describe('diagnostics and quick fixes', () => {
    const body = joinLines(
      'POST https://api.security.microsoft.com/api/machines/1/runAntiVirusScan',
      'Content-Type: application/json',
      '',
      '{',
      '  // {{note}} stays',
      '  "comment": "Weekly {{scan}}",',
      '  "scanType": "quick"',
      '}',
    );

    it('reports wrong-case with a stable code, source and docs link', () => {
      const [first] = diagnosticsOf(doc(body));
      assert.equal(first.code, 'wrong-case');
      assert.equal(first.source, 'mde-api');
      assert.match(first.codeDescription!.href, /^https:\/\/learn\.microsoft\.com\/.*run-av-scan/);
      assert.match(first.message as string, /"comment" has the wrong letter case: the documented parameter is "Comment"/);
    });

    it('offers the preferred rename, touching only the key', () => {
      const document = doc(body);
      const documents = store();
      const diagnostics = diagnosticsOf(document, documents);
      const actions = provideCodeActions(document, { textDocument: { uri: document.uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } }, documents);
      const rename = actions.find((action) => action.kind === CodeActionKind.QuickFix)!;
      assert.equal(rename.title, 'Rename to "Comment"');
      assert.equal(rename.isPreferred, true);
      assert.equal(apply(document, rename), body.replace('"comment"', '"Comment"'));
    });

    it('ignores a stale diagnostic whose range no longer matches', () => {
      const document = doc(body);
      const [diagnostic] = diagnosticsOf(document);
      const stale = { ...diagnostic, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
      const actions = provideCodeActions(document, { textDocument: { uri: document.uri }, range: stale.range, context: { diagnostics: [stale], only: [CodeActionKind.QuickFix] } }, store());
      assert.deepEqual(actions, []);
    });

    it('fixes all in one action, leaves comments and variables alone, and is idempotent', () => {
      const document = doc(body);
      const fixAll = provideCodeActions(document, { textDocument: { uri: document.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FixAllKind] } }, store());
      assert.equal(fixAll.length, 1);
      const fixed = apply(document, fixAll[0]);
      assert.equal(fixed, body.replace('"comment"', '"Comment"').replace('"scanType"', '"ScanType"').replace('"quick"', '"Quick"'));
      const again = doc(fixed);
      assert.deepEqual(diagnosticsOf(again), []);
      assert.deepEqual(provideCodeActions(again, { textDocument: { uri: again.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FixAllKind] } }, store()), []);
    });

    it('words diagnostics in French when the language is French', () => {
      setLanguage('fr');
      const [first] = diagnosticsOf(doc(body));
      assert.match(first.message as string, /« comment » n’a pas la bonne casse : le paramètre documenté est « Comment »/);
    });

    describe('spellings the docs use elsewhere', () => {
      const alert = (json: string) => joinLines('PATCH https://api.security.microsoft.com/api/alerts/1', 'Content-Type: application/json', '', json);
      const batch = (json: string) => joinLines('POST https://api.security.microsoft.com/api/alerts/batchUpdate', 'Content-Type: application/json', '', json);
      const fixAllOf = (document: TextDocument) =>
        provideCodeActions(document, { textDocument: { uri: document.uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: [FixAllKind] } }, store());

      it('shows a spelling of the page itself as information, with a preferred fix that fix-all applies', () => {
        const text = alert('{"Status": "Resolved", "determination": "NotMalicious"}');
        const document = doc(text);
        const documents = store();
        const diagnostics = diagnosticsOf(document, documents);
        assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['documented-variant', DiagnosticSeverity.Information], ['documented-variant', DiagnosticSeverity.Information]]);
        assert.equal(diagnostics[0].message, 'The docs page of Update alert spells this both "Status" and "status"; "status" is the canonical spelling. Hover for details.');
        const [quickFix] = provideCodeActions(document, { textDocument: { uri: document.uri }, range: diagnostics[1].range, context: { diagnostics: [diagnostics[1]] } }, documents);
        assert.equal(quickFix.title, 'Change to "Clean"');
        assert.equal(quickFix.isPreferred, true);
        const [fixAll] = fixAllOf(document);
        assert.equal(apply(document, fixAll), alert('{"status": "Resolved", "determination": "Clean"}'));
        setLanguage('fr');
        assert.equal(
          diagnosticsOf(doc(text))[0].message,
          'La page de documentation de Mettre à jour une alerte écrit ceci à la fois « Status » et « status » ; « status » est l’orthographe de référence. Survolez pour plus de détails.',
        );
      });

      it('shows another page\'s enum label as an error that names the value to use, in English and French', () => {
        const text = batch('{"alertIds": ["a"], "determination": "NotMalicious"}');
        const [diagnostic] = diagnosticsOf(doc(text));
        assert.deepEqual([diagnostic.code, diagnostic.severity], ['invalid-value', DiagnosticSeverity.Error]);
        assert.equal(
          diagnostic.message,
          '"NotMalicious" is not an allowed value of "determination" for Batch update alerts: the docs use it elsewhere, not for this operation. Use "Clean". Hover for details.',
        );
        const document = doc(text);
        assert.equal(apply(document, fixAllOf(document)[0]), batch('{"alertIds": ["a"], "determination": "Clean"}'));
        setLanguage('fr');
        assert.match(diagnosticsOf(doc(text))[0].message as string, /^« NotMalicious » n’est pas une valeur autorisée de « determination » pour Mettre à jour des alertes par lot : .* Utilisez « Clean »\./);
      });
    });
  });

  describe('completion', () => {
    it('proposes parameter names in their documented casing, required first, skipping present ones', () => {
      const { text, offset } = withCursor(joinLines('POST https://api.security.microsoft.com/api/indicators', 'Content-Type: application/json', '', '{', '  "title": "x",', '  |', '}'));
      const document = doc(text);
      const labels = provideCompletion(document, document.positionAt(offset), store(), env()).map((item) => item.label);
      assert.ok(labels.includes('indicatorValue'));
      assert.ok(labels.includes('indicatorType'));
      assert.ok(!labels.includes('title'));
    });

    it('proposes enum values with their exact case', () => {
      const { text, offset } = withCursor(joinLines('POST https://api.security.microsoft.com/api/machines/1/runAntiVirusScan', 'Content-Type: application/json', '', '{"Comment": "x", "ScanType": |}'));
      const document = doc(text);
      const items = provideCompletion(document, document.positionAt(offset), store(), env());
      assert.deepEqual(items.map((item) => item.label), ['Quick', 'Full']);
    });

    it('proposes a whole body skeleton below a request line that has none', () => {
      const { text, offset } = withCursor(joinLines('POST https://api.security.microsoft.com/api/machines/1/isolate', 'Content-Type: application/json', '', '|'));
      const document = doc(text);
      const [item] = provideCompletion(document, document.positionAt(offset), store(), env());
      assert.equal(item.label, 'Isolate machine: request body');
      assert.match(item.insertText!, /"Comment": "\$\{1\}"/);
      assert.match(item.insertText!, /"IsolationType": "\$\{2\|Full,Selective,UnManagedDevice\|\}"/);
    });
  });

  describe('code lens', () => {
    it('puts a copy lens above each error response with a target', () => {
      const text = joinLines('{"error": {"code": "A", "target": "t1"}}', 'noise', '{"error": {"code": "B", "target": "t2"}}');
      const lenses = provideCodeLenses(doc(text, 'log'), store());
      assert.deepEqual(lenses.map((lens) => lens.command?.arguments), [[{ target: 't1' }], [{ target: 't2' }]]);
    });

    it('puts none on a document over the size limit, where hovers still answer', () => {
      const text = '{"error": {"code": "BadRequest", "target": "t1"}}';
      const tiny = new DocumentStore(() => 10, testParsers);
      const document = doc(text, 'log');
      assert.deepEqual(provideCodeLenses(document, tiny), []);
      const hover = provideHover(document, document.positionAt(text.indexOf('BadRequest') + 2), tiny, env());
      assert.match((hover?.contents as { value: string }).value, /400 Bad Request/);
    });
  });
});
