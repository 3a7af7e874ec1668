import * as assert from 'node:assert/strict';
import { testParsers } from '../helpers/parsers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { errorAt, recognizeErrors } from '../../../src/core/errors/errorRecognizer';
import { parseHttpDocument } from '../../../src/core/http/httpParser';
import { IncrementalHttpAnalysis } from '../../../src/core/requests/incrementalHttp';
import { analyzeDocument, type DocumentKind } from '../../../src/core/requests/requestAnalyzer';
import { DocumentStore } from '../../../src/server/documentStore';
import { fixAllEdits } from '../../../src/core/fixAll';
import { provideCompletion } from '../../../src/server/features/completion';
import { provideHover } from '../../../src/server/features/hover';
import { currentLanguage, t } from '../../../src/shared/language';
import { assertAnalysisInside, assertBlocksInside, assertEditsInside, assertErrorsInside, timed } from './invariants';

const MB = 1024 * 1024;
/** Generous on purpose: the point is "no quadratic blow-up", never a benchmark. */
const MAX_MS_PER_KB = 2;

function assertBounded(label: string, length: number, ms: number): void {
  if (length >= 100 * 1024) {
    const perKb = ms / (length / 1024);
    assert.ok(perKb < MAX_MS_PER_KB, `${label}: ${ms.toFixed(0)} ms for ${(length / MB).toFixed(1)} MB is ${perKb.toFixed(3)} ms per KB`);
  }
}

const isolateLine = 'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n';
const isolateDirective = '// mde: POST /api/machines/{id}/isolate\n';

/** The document of each kind that carries `body` as the isolate request's body. */
function asDocument(kind: Exclude<DocumentKind, 'other' | 'script'>, body: string): string {
  switch (kind) {
    case 'http':
      return isolateLine + body;
    case 'json':
      return isolateDirective + body;
    case 'markdown':
      return `# Notes\n\n\`\`\`http\n${isolateLine}${body}\n\`\`\`\n`;
  }
}

/** Runs every reader over the text: none may throw, hang, or answer a range outside it. */
function survivesEverything(label: string, text: string, kind: Exclude<DocumentKind, 'other' | 'script'>): void {
  const analysis = timed(() => analyzeDocument(text, kind, catalogMatcher));
  assertBounded(`${label}: analyzeDocument(${kind})`, text.length, analysis.ms);
  assertAnalysisInside(text, analysis.result);
  assertEditsInside(fixAllEdits(analysis.result.findings), { start: 0, end: text.length }, 'fix-all');

  const errors = timed(() => recognizeErrors(text));
  assertBounded(`${label}: recognizeErrors`, text.length, errors.ms);
  assertErrorsInside(text, errors.result);
  for (const offset of [0, text.length >> 1, text.length - 1, text.length]) {
    const error = errorAt(text, Math.max(0, offset));
    assertErrorsInside(text, error ? [error] : []);
  }

  if (kind === 'http') {
    assertBlocksInside(text, parseHttpDocument(text));
    const incremental = new IncrementalHttpAnalysis(catalogMatcher);
    const reset = timed(() => incremental.reset(text));
    assertBounded(`${label}: incremental reset`, text.length, reset.ms);
    const middle = text.length >> 1;
    const edited = `${text.slice(0, middle)}"}\n${text.slice(middle)}`;
    const update = timed(() => incremental.update(edited, [{ start: middle, end: middle, newLength: 3 }]));
    assertBounded(`${label}: incremental update`, text.length, update.ms);
    assertAnalysisInside(edited, { findings: incremental.findings(), requests: [], bodies: [] });
  }
}

const kinds = ['http', 'json', 'markdown'] as const;

describe('property: huge and pathological inputs', function () {
  // Some inputs are 10 MB: the per-KB bound is the real limit, this only stops a hang.
  this.timeout(120_000);

  describe('a 10 MB string value', () => {
    const value = 'x'.repeat(10 * MB);
    for (const kind of kinds) {
      it(`is analyzed in bounded time in a ${kind} document, closed or cut short`, () => {
        survivesEverything('closed', asDocument(kind, `{"Comment": "${value}", "IsolationType": "Full"}`), kind);
        survivesEverything('cut', asDocument(kind, `{"Comment": "${value}`), kind);
      });
    }
  });

  describe('a 10 MB error message', () => {
    const message = 'm'.repeat(10 * MB);
    const target = '43f4cb08-8fac-4b65-9db1-745c2ae65f3a';

    it('is recognized with its code, and every range stays inside the text', () => {
      const text = `HTTP/1.1 400 Bad Request\n\n{"error": {"code": "BadRequest", "message": "${message}", "target": "${target}"}}`;
      const { result, ms } = timed(() => recognizeErrors(text));
      assertBounded('recognizeErrors', text.length, ms);
      assertErrorsInside(text, result);
      assert.equal(result[0]?.code?.value, 'BadRequest');
      const codeOffset = text.indexOf('"BadRequest"') + 1;
      const atCode = timed(() => errorAt(text, codeOffset));
      assert.equal(atCode.result?.code?.value, 'BadRequest');
      assertBounded('errorAt', text.length, atCode.ms);
      survivesEverything('message', text, 'http');
    });

    it('is read within its budget when escaped in a log line', () => {
      const text = `2024-05-02 ERROR {"body": "{\\"error\\": {\\"code\\": \\"NotFound\\", \\"message\\": \\"${message}\\"}}"}\n`;
      const { result, ms } = timed(() => recognizeErrors(text));
      assertBounded('recognizeErrors', text.length, ms);
      assertErrorsInside(text, result);
      assert.equal(result[0]?.code?.value, 'NotFound');
      assert.equal(result[0]?.escapeLevel, 1);
    });
  });

  describe('nesting 100,000 levels deep', () => {
    const depth = 100_000;
    const bodies: Record<string, string> = {
      'unclosed arrays': '['.repeat(depth),
      'unclosed objects': '{"a":'.repeat(depth),
      'closed arrays': `${'['.repeat(depth)}${']'.repeat(depth)}`,
      'closed objects': `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      'objects in arrays': `{"MachineIds": ${'[{"a":'.repeat(depth)}`,
    };
    for (const [name, body] of Object.entries(bodies)) {
      for (const kind of kinds) {
        it(`survives ${name} in a ${kind} body, reported as one invalid-json finding`, () => {
          const text = asDocument(kind, body);
          survivesEverything(name, text, kind);
          const findings = analyzeDocument(text, kind, catalogMatcher).findings.filter((finding) => finding.code === 'invalid-json');
          assert.deepEqual(
            findings.map((finding) => finding.args.error),
            ['NestingTooDeep'],
          );
        });
      }

      it(`survives ${name} as the value of an "error" key`, () => {
        const text = `{"error": ${body}`;
        const { result, ms } = timed(() => recognizeErrors(text));
        assertBounded('recognizeErrors', text.length, ms);
        assertErrorsInside(text, result);
        survivesEverything(name, text, 'json');
      });
    }

    it('answers hovers and completions inside such bodies without overflowing the stack', () => {
      const store = new DocumentStore(() => 64 * MB, testParsers);
      const env = { language: currentLanguage(), t };
      for (const [name, body] of Object.entries(bodies)) {
        for (const kind of kinds) {
          const document = TextDocument.create(`untitled:deep-${kind}-${name.replace(/ /g, '-')}`, kind, 1, asDocument(kind, body));
          const length = document.getText().length;
          for (const offset of [isolateLine.length + 2, length >> 1, length - 2]) {
            const position = document.positionAt(offset);
            assert.doesNotThrow(() => provideHover(document, position, store, env), `hover in ${name} (${kind})`);
            assert.doesNotThrow(() => provideCompletion(document, position, store, env), `completion in ${name} (${kind})`);
          }
        }
      }
    });

    it('leaves a deep JSON file that names no operation alone', () => {
      assert.deepEqual(analyzeDocument('['.repeat(depth), 'json', catalogMatcher).findings, []);
    });

    it('still validates a body nested as deep as real ones', () => {
      const text = asDocument('http', `{"Comment": "x", "IsolationType": "Full", "Extra": ${'['.repeat(50)}${']'.repeat(50)}}`);
      assert.deepEqual(
        analyzeDocument(text, 'http', catalogMatcher).findings.map((finding) => finding.code),
        ['unknown-parameter'],
      );
    });
  });

  describe('many "error" keys', () => {
    const cases: Record<string, string> = {
      'unclosed objects, one per line': '{"level": "error", "error": {"details": [1, 2,\n',
      'unclosed objects on one line': '"error":{"a":[',
      'error keys without objects': '{"error": ',
      'Python reprs, cut': "{'error': {'a': [",
      'objects with neither code nor target': '{"error": {"message": "socket hang up"}}\n',
      'escaped error keys with scalar values, outside any string': '\\"error\\": 1, ',
    };
    for (const [name, unit] of Object.entries(cases)) {
      it(`stays linear on 1 MB of ${name}`, () => {
        const text = unit.repeat(Math.ceil(MB / unit.length));
        survivesEverything(name, text, 'http');
        assert.deepEqual(recognizeErrors(text), []);
      });
    }

    it('finds every one of 50,000 complete errors', () => {
      const text = '{"error":{"code":"TooManyRequests","target":"t"}}\n'.repeat(50_000);
      const { result, ms } = timed(() => recognizeErrors(text));
      assertBounded('recognizeErrors', text.length, ms);
      assert.equal(result.length, 50_000);
    });

    it('still finds an error nested inside one that is not', () => {
      const text = '{"error": {"status": 400, "response": {"error": {"code": "BadRequest", "target": "t"}}}}';
      assert.deepEqual(
        recognizeErrors(text).map((error) => error.code?.value),
        ['BadRequest'],
      );
    });
  });

  describe('other pathological documents', () => {
    const byteGarbage = Buffer.from(Array.from({ length: 2 * MB }, (_, i) => (i * 7919 + (i >> 3)) % 256)).toString('latin1');
    const mixedEnds = `${isolateLine}{"comment": "a"}\n###\n`.repeat(10_000).replace(/\n/g, (_, i: number) => ['\r', '\n', '\r\n'][i % 3]);
    const documents: Record<string, string> = {
      'binary garbage': byteGarbage,
      'lone surrogates': '\uD800x\uDC00{"\uDBFF'.repeat(MB / 8),
      'a BOM and mixed CR, LF and CRLF line ends': `\uFEFF${mixedEnds}`,
      'one line of 2 MB of braces and quotes': '{"[\\"'.repeat(MB / 2),
      '20,000 request blocks': `###\n${isolateLine}{"comment": "x", "isolationType": "full"}\n`.repeat(20_000),
    };
    for (const [name, text] of Object.entries(documents)) {
      for (const kind of kinds) {
        it(`survives ${name} as a ${kind} document`, () => {
          survivesEverything(name, kind === 'markdown' ? `\`\`\`http\n${text}\n\`\`\`\n` : text, kind);
        });
      }
    }
  });

  describe('other pathological bodies', () => {
    const bodies: Record<string, string> = {
      '100,000 placeholders on one line': `{"Comment": "${'{{v}}'.repeat(100_000)}", "IsolationType": {{t}}}`,
      '50,000 placeholders in an array': `{"Comment": "x", "IsolationType": "Full", "MachineIds": [${Array(50_000).fill('"{{id}}"').join(', ')}]}`,
      '50,000 keys built from placeholders': `{"Comment": "x",\n${'"k{{v}}": 1,\n'.repeat(50_000)}"IsolationType": "Full"}`,
      '50,000 whole-line comments': `{\n${'# note\n// note\n'.repeat(25_000)}"Comment": "x", "IsolationType": "Full"}`,
      '80,000 duplicate keys': `{"Comment": "x", "IsolationType": "Full", ${Array(80_000).fill('"comment": "y"').join(', ')}}`,
      '80,000 unknown keys': `{"Comment": "x", ${Array.from({ length: 80_000 }, (_, i) => `"key${i}": ${i}`).join(', ')}}`,
      '50,000 raw line breaks in a string': `{"Comment": "${'a\n'.repeat(50_000)}", "IsolationType": "Full"}`,
    };
    for (const [name, body] of Object.entries(bodies)) {
      for (const kind of kinds) {
        it(`survives ${name} in a ${kind} body`, () => {
          survivesEverything(name, asDocument(kind, body), kind);
        });
      }
    }
  });
});
