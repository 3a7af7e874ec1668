import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { errorAt, recognizeErrors, type ErrorField, type RecognizedError } from '../../../src/core/errors/errorRecognizer';
import { headOf, redactUrl } from '../../../src/core/errors/responseHead';
import { formatSupportDetails, supportFactsOf } from '../../../src/core/errors/supportDetails';
import type { Translate } from '../../../src/core/hover/environment';

const fixturesDir = path.join(__dirname, '../../fixtures/responses');
const seedPagePath = path.join(__dirname, '../../../../shared/seeds/000_e5f24bcc600cacc6.txt');

function fixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir, name), 'utf8');
}

const t: Translate = (m, a) => m.replace(/\{(\w+)\}/g, (_, k: string) => String(a?.[k]));

/** Anything that would let a credential out of the editor. */
const CREDENTIAL = /Authorization|Bearer|eyJ/;

interface ExpectedHead {
  readonly status: number;
  readonly reason?: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly requestLine?: string;
}

interface ExpectedError {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
  /** The message value exactly as the document spells it, when that is not quote + message + quote. */
  readonly messageToken?: string;
  /** The same for the target (a line cut inside it). */
  readonly targetToken?: string;
  /** Default 0. */
  readonly escapeLevel?: number;
  /** Default `"`; Python reprs use `'`. */
  readonly quote?: string;
  /** Default true. */
  readonly complete?: boolean;
  /** Where the object's range starts: its outer `{` (default), the `"error"` key itself, or the `'code'` key of a fragment. */
  readonly startsAt?: 'brace' | 'key' | 'code';
  readonly head?: ExpectedHead;
}

interface Case {
  readonly file: string;
  readonly errors: readonly ExpectedError[];
}

const cases: readonly Case[] = [
  {
    file: 'seed-resource-not-found.json',
    errors: [{ code: 'ResourceNotFound', message: 'Machine 123123123 was not found', target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a' }],
  },
  {
    file: 'seed-invalid-request-body.json',
    errors: [{ code: 'InvalidRequestBody', message: 'Request body is incorrect', target: '1fa66c0f-18bd-4133-b378-36d76f3a2ba0' }],
  },
  {
    file: 'minified.json',
    errors: [{ code: 'InvalidHashValue', message: 'Hash value 4f2a9c is invalid', target: '8d3c1e52-7b4a-4c19-a6f0-2e9b5d71c3a8' }],
  },
  {
    file: 'extra-fields-and-odata-message.json',
    errors: [
      {
        code: 'ODataError',
        message: "Invalid OData URI query: Could not find a property named 'healthstatus' on type 'Machine'.",
        messageToken: '"Invalid OData URI query: Could not find a property named \\u0027healthstatus\\u0027 on type \\u0027Machine\\u0027."',
        target: 'b7a2f4c9-3d1e-4f6a-9c8b-2e5d7a1f0c34',
        startsAt: 'key',
      },
    ],
  },
  {
    file: 'several-errors.log',
    errors: [
      {
        code: 'Forbidden',
        message: 'The application does not have any of the required application permissions (Machine.Isolate) to access the resource.',
        target: '2e5c4f3a-91b7-4d0e-8c62-5a1f9e7b3d40',
      },
      { code: 'TooManyRequests', message: 'Rate limit is exceeded. Try again in 30 seconds.', target: 'c41d7e90-2f6a-4b35-8e1c-9d0b7a5f3e12' },
      { code: 'InternalServerError', target: '7f8e6d5c-4b3a-4921-8f0e-1d2c3b4a5968' },
    ],
  },
  {
    file: 'rest-client-response.http',
    errors: [
      {
        code: 'TooManyRequests',
        message: 'Rate limit is exceeded. Try again in 30 seconds.',
        target: 'd0e4a1b7-6c2f-4f98-a3d5-8b1e7c9f2a60',
        head: {
          status: 429,
          reason: 'Too Many Requests',
          headers: [
            ['Retry-After', '30'],
            ['Date', 'Thu, 02 May 2024 10:15:23 GMT'],
            ['request-id', '5f0a9c2e-3b71-4d8a-b6e4-0c9d2f1a7e53'],
            ['x-ms-request-id', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'],
          ],
        },
      },
    ],
  },
  {
    file: 'http-file-with-response.http',
    errors: [
      {
        code: 'Forbidden',
        message: 'The application does not have any of the required application permissions (Machine.Isolate) to access the resource.',
        target: '6a1d2c3b-4e5f-4a7b-9c8d-0e1f2a3b4c5d',
        head: {
          status: 403,
          reason: 'Forbidden',
          headers: [
            ['Date', 'Thu, 02 May 2024 10:16:41 GMT'],
            ['request-id', '3c6e8a1f-0d2b-4c97-85e3-f4a1b9d0c728'],
            ['x-ms-request-id', '3c6e8a1f-0d2b-4c97-85e3-f4a1b9d0c728'],
          ],
          requestLine: 'POST https://api.securitycenter.microsoft.com/api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
        },
      },
    ],
  },
  {
    file: 'powershell-invoke-restmethod.txt',
    errors: [{ code: 'ResourceNotFound', message: 'Machine 123123123 was not found', target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a' }],
  },
  {
    file: 'python-traceback.txt',
    errors: [
      {
        code: 'ODataError',
        message: "Invalid OData URI query: Could not find a property named 'healthstatus' on type 'Machine'.",
        messageToken: `"Invalid OData URI query: Could not find a property named 'healthstatus' on type 'Machine'."`,
        target: 'e3b9c7a1-5d2f-4e60-b8a4-1c7f0d9e2b53',
        quote: "'",
        head: {
          status: 400,
          reason: 'Bad Request',
          headers: [],
          requestLine: 'https://api.security.microsoft.com/api/machines?$filter=healthstatus+eq+%27Inactive%27&$top=100',
        },
      },
    ],
  },
  {
    file: 'python-repr-cut-short.log',
    errors: [
      {
        code: 'ResourceNotFound',
        message: "Machine 12 wasn't found",
        messageToken: `"Machine 12 wasn't found"`,
        target: 'a1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        quote: "'",
        complete: false,
      },
      {
        code: 'InvalidRequestBody',
        message: 'Request body is incorr',
        messageToken: '"Request body is incorr',
        quote: "'",
        complete: false,
      },
    ],
  },
  {
    file: 'python-error-fragment.log',
    errors: [
      {
        code: 'ResourceNotFound',
        message: "Machine 1e5bc9d7 wasn't found",
        messageToken: `"Machine 1e5bc9d7 wasn't found"`,
        target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a',
        quote: "'",
        complete: false,
        startsAt: 'code',
      },
      { code: 'TooManyRequests', message: 'Rate limit is exceeded. Try again in 30 seconds.', target: 'c41d7e90-2f6a-4b35-8e1c-9d0b7a5f3e12', quote: "'" },
      {
        code: 'InternalServerError',
        message: 'An error has occurred',
        target: '7f8e6d5c-4b3a-49',
        targetToken: "'7f8e6d5c-4b3a-49",
        quote: "'",
        complete: false,
        startsAt: 'code',
      },
    ],
  },
  {
    file: 'python-code-not-errors.py',
    errors: [],
  },
  {
    file: 'markdown-fence.md',
    errors: [{ code: 'InvalidRequestBody', message: 'Request body is incorrect', target: 'a4f1c8e2-7b3d-4e9a-b5c6-0d1e2f3a4b5c' }],
  },
  {
    file: 'escaped-in-string.json',
    errors: [
      {
        code: 'ResourceNotFound',
        message: 'Machine "123123123" was not found',
        messageToken: '\\"Machine \\\\\\"123123123\\\\\\" was not found\\"',
        target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a',
        escapeLevel: 1,
      },
    ],
  },
  {
    file: 'double-escaped.log',
    errors: [{ code: 'InvalidIpAddress', message: 'IP address 10.0.0.300 is invalid', target: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e', escapeLevel: 2 }],
  },
  {
    file: 'escaped-pretty-printed.log',
    errors: [
      {
        code: 'MissingRequiredParameter',
        message: 'Parameter Comment is missing',
        target: '9e8d7c6b-5a4f-4e3d-a2c1-b0f9e8d7c6b5',
        escapeLevel: 1,
        // The escaped `{\n  ` before the key is not blank in the document.
        startsAt: 'key',
      },
    ],
  },
  {
    file: 'truncated.json',
    errors: [
      {
        code: 'ResourceNotFound',
        message: 'Machine 1e5bc9d7e413ddd7902c2932e4187',
        messageToken: '"Machine 1e5bc9d7e413ddd7902c2932e4187',
        complete: false,
      },
    ],
  },
  {
    file: 'malformed-unbalanced.json',
    errors: [{ code: 'InvalidInput', message: 'Invalid input IsolationType', target: 'f0e1d2c3-b4a5-4968-8776-655443322110', complete: false }],
  },
  {
    file: 'unknown-code.json',
    errors: [{ code: 'InvalidMachineId', message: "Machine id 'not-a-machine' is invalid", target: '2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819' }],
  },
  {
    file: 'crlf-line-endings.http',
    errors: [
      {
        code: 'ResourceNotFound',
        message: 'Machine 123123123 was not found',
        target: '43f4cb08-8fac-4b65-9db1-745c2ae65f3a',
        head: {
          status: 404,
          reason: 'Not Found',
          headers: [
            ['Date', 'Thu, 02 May 2024 10:17:05 GMT'],
            ['x-ms-request-id', '71c2d3e4-f5a6-4b78-9c0d-1e2f3a4b5c6d'],
          ],
          requestLine: 'GET https://api.securitycenter.microsoft.com/api/machines/123123123',
        },
      },
    ],
  },
  {
    file: 'bom.json',
    errors: [
      { code: 'Unauthorized', message: 'Unauthorized (invalid or expired authorization header)', target: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
    ],
  },
];

/** A string token as it appears at `level` of escaping: `"x"`, `\"x\"`, `\\\"x\\\"`, … */
function token(value: string, level: number, quote: string): string {
  const q = '\\'.repeat(2 ** level - 1) + quote;
  return q + value + q;
}

function assertField(
  text: string,
  error: RecognizedError,
  name: string,
  field: ErrorField | undefined,
  value: string | undefined,
  valueToken: string | undefined,
  keyToken: string,
): void {
  if (value === undefined) {
    assert.equal(field, undefined, `${name} should be absent`);
    return;
  }
  assert.ok(field, `${name} should be recognized`);
  assert.equal(field.value, value, `${name} value`);
  assert.equal(text.slice(field.start, field.end), valueToken, `${name} value span`);
  assert.equal(text.slice(field.keyStart, field.keyEnd), keyToken, `${name} key span`);
  assert.ok(error.start <= field.keyStart && field.keyEnd <= field.start && field.end <= error.end, `${name} lies within its object`);
}

/** The same object, as far as ranges and values go. */
function same(a: RecognizedError | undefined, b: RecognizedError | undefined): boolean {
  return a?.start === b?.start && a?.end === b?.end && a?.code?.start === b?.code?.start;
}

describe('errorRecognizer', () => {
  describe('the fixture corpus', () => {
    it('holds every fixture of the table, and nothing untested', () => {
      assert.deepEqual(
        fs.readdirSync(fixturesDir).sort(),
        cases.map((c) => c.file).sort(),
      );
    });

    it('keeps the two examples of the docs page verbatim', function () {
      if (!fs.existsSync(seedPagePath)) {
        this.skip();
      }
      const page = fs.readFileSync(seedPagePath, 'utf8');
      for (const name of ['seed-resource-not-found.json', 'seed-invalid-request-body.json']) {
        assert.ok(page.includes(fixture(name).trimEnd()), name);
      }
    });

    it('keeps the bytes the file names promise', () => {
      const crlf = fixture('crlf-line-endings.http');
      assert.ok(crlf.includes('\r\n'));
      assert.ok(!/[^\r]\n/.test(crlf), 'every line ends with CRLF');
      assert.equal(fixture('bom.json').charCodeAt(0), 0xfeff);
      assert.ok(!fixture('truncated.json').trimEnd().endsWith('}'));
      for (const name of ['http-file-with-response.http', 'crlf-line-endings.http']) {
        assert.match(fixture(name), /^Authorization: Bearer eyJ/m, `${name} carries a token to keep out`);
      }
    });
  });

  for (const { file, errors: expected } of cases) {
    describe(file, () => {
      const text = fixture(file);
      const errors = recognizeErrors(text);

      it('finds every error object, in order', () => {
        assert.deepEqual(
          errors.map((error) => [error.code?.value, error.target?.value]),
          expected.map((error) => [error.code, error.target]),
        );
        for (let i = 1; i < errors.length; i++) {
          assert.ok(errors[i - 1].end <= errors[i].start, 'objects do not overlap');
        }
      });

      it('reports values and the exact spans of their tokens', () => {
        expected.forEach((want, i) => {
          const error = errors[i];
          const level = want.escapeLevel ?? 0;
          const quote = want.quote ?? '"';
          const key = (name: string) => token(name, level, quote);
          assert.equal(error.escapeLevel, level, 'escape level');
          assert.equal(error.complete, want.complete ?? true, 'complete');
          assert.ok(0 <= error.start && error.start < error.end && error.end <= text.length, 'range within the document');
          const startsAt = want.startsAt ?? 'brace';
          if (startsAt === 'brace') {
            assert.equal(text[error.start], '{', 'starts at the outer brace');
          } else {
            const name = startsAt === 'key' ? 'error' : 'code';
            assert.ok(text.startsWith(key(name), error.start), `starts at the "${name}" key`);
          }
          if (error.complete) {
            assert.equal(text[error.end - 1], '}', 'ends after a closing brace');
          } else {
            // Not at the blanks or the next log line that the reader looked at to find the object cut.
            const lastToken = Math.max(...[error.code, error.message, error.target].map((field) => field?.end ?? 0));
            assert.equal(error.end, lastToken, 'a cut object ends with its last field');
          }
          assertField(text, error, 'code', error.code, want.code, want.code === undefined ? undefined : token(want.code, level, quote), key('code'));
          assertField(
            text,
            error,
            'target',
            error.target,
            want.target,
            want.targetToken ?? (want.target === undefined ? undefined : token(want.target, level, quote)),
            key('target'),
          );
          assertField(
            text,
            error,
            'message',
            error.message,
            want.message,
            want.messageToken ?? (want.message === undefined ? undefined : token(want.message, level, quote)),
            key('message'),
          );
        });
      });

      it('attaches the status line, headers and request line only when they are there', () => {
        expected.forEach((want, i) => {
          const head = errors[i].head;
          if (!want.head) {
            assert.equal(head, undefined);
            return;
          }
          assert.ok(head, 'head');
          assert.equal(head.status, want.head.status);
          assert.equal(head.reason, want.head.reason);
          assert.deepEqual(
            head.headers.map((header) => [header.name, header.value]),
            want.head.headers,
          );
          assert.equal(head.requestLine, want.head.requestLine);
        });
      });

      it('never lets a credential into the result or the support details', () => {
        assert.doesNotMatch(JSON.stringify(errors), CREDENTIAL);
        for (const error of errors) {
          assert.doesNotMatch(formatSupportDetails(supportFactsOf(error), t), CREDENTIAL);
        }
      });

      it('errorAt answers the object at every offset inside it, and nothing outside', () => {
        for (let offset = 0; offset <= text.length; offset++) {
          const want = errors.find((error) => error.start <= offset && offset <= error.end);
          const got = errorAt(text, offset);
          assert.ok(same(got, want), `offset ${offset}: got ${got?.start}..${got?.end}, want ${want?.start}..${want?.end}`);
        }
      });

      it('recovers what is there from every truncation, without throwing', () => {
        for (let length = 0; length <= text.length; length++) {
          const prefix = text.slice(0, length);
          for (const error of recognizeErrors(prefix)) {
            assert.ok(0 <= error.start && error.start < error.end && error.end <= length, `cut at ${length}: range within the text`);
            const whole = errors.find((candidate) => candidate.start === error.start);
            assert.ok(whole, `cut at ${length}: the object is one of the whole text's`);
            if (length >= whole.end) {
              assert.deepEqual(error, whole, `cut at ${length}: the whole object is read the same`);
            } else {
              // A cut between a backslash and what it escapes leaves that backslash in the value.
              const code = error.code?.value.replace(/\\+$/, '') ?? '';
              assert.ok(whole.code?.value.startsWith(code), `cut at ${length}: code is a prefix`);
            }
          }
        }
      });
    });
  }

  describe('several errors in one document', () => {
    it('skips "error" keys that are not API errors', () => {
      const text = fixture('several-errors.log');
      assert.ok(text.includes('"error":null') && text.includes('"error": {"message": "socket hang up"'));
      assert.equal(recognizeErrors(text).length, 3);
    });

    it('attaches each status line to its own response only', () => {
      const text = [
        'GET https://api.securitycenter.microsoft.com/api/machines/1 HTTP/1.1',
        '',
        'HTTP/1.1 404 Not Found',
        'request-id: first',
        '',
        '{"error":{"code":"ResourceNotFound","message":"Machine 1 was not found","target":"t1"}}',
        'and later, without a status line:',
        '{"error":{"code":"InternalServerError","target":"t2"}}',
      ].join('\n');
      const [first, second] = recognizeErrors(text);
      assert.equal(first.head?.status, 404);
      assert.equal(headOf(first.head, 'REQUEST-ID'), 'first');
      assert.equal(second.head, undefined);
      assert.equal(errorAt(text, second.code!.start)?.head, undefined);
    });
  });

  describe('Python fragments, without the \'error\' key', () => {
    const spans = (text: string) => recognizeErrors(text).map((error) => [text.slice(error.start, error.end), error.code?.value, error.complete]);

    it('reads the run of properties from its \'code\' key to the end of the line, or of the dict', () => {
      const run = `'code': 'ResourceNotFound', 'message': "Machine 12 wasn't found", 'target': 't1'`;
      assert.deepEqual(spans(`refused for 'machine-1': ${run}\nnext line 'x'`), [[run, 'ResourceNotFound', false]]);
      assert.deepEqual(spans(`error={${run}} and more`), [[`{${run}}`, 'ResourceNotFound', true]]);
      assert.deepEqual(spans(`{'status': 404, ${run}, 'details': [1]}`), [[run, 'ResourceNotFound', false]]);
      assert.deepEqual(spans(`{'status': 404, ${run}}`), [[run, 'ResourceNotFound', false]]);
    });

    it('takes an undocumented code only when it is shaped like one', () => {
      assert.deepEqual(spans("'code': 'MachineIsolated', 'message': 'm'"), [["'code': 'MachineIsolated', 'message': 'm'", 'MachineIsolated', false]]);
      assert.deepEqual(spans("'code': 'ODataError', 'message': 'm'").length, 1);
      for (const code of ['utf-8', 'x', 'Error', 'HTTP', 'resourceNotFound', 'Resource Not Found']) {
        assert.deepEqual(spans(`'code': '${code}', 'message': 'm'`), [], code);
      }
    });

    it('leaves Python code that handles errors alone', () => {
      for (const line of [
        "row = {'code': code, 'message': msg}",
        "d['code'] = 'x'",
        "{'code': 'utf-8'}",
        "if r['code'] == 'ResourceNotFound':",
        "{'code': 'ResourceNotFound'}",
        "{'code': 'ResourceNotFound', 'message': msg}",
        "{'code': 'ResourceNotFound', 'message': 'm', 'target': r.get('target')}",
        "{'code': r['code'], 'message': 'not found'}",
        "{'code': 'ResourceNotFound', 'details': [], 'message': 'm'}",
        "'code':\n'ResourceNotFound', 'message': 'm'",
        '"code": "ResourceNotFound", "message": "m"',
      ]) {
        assert.deepEqual(spans(line), [], line);
      }
    });

    it('gives the hover offsets of an error found by its key', () => {
      const text = fixture('python-error-fragment.log');
      const [first] = recognizeErrors(text);
      for (const offset of [first.start, first.code!.start, first.message!.end, first.end]) {
        assert.equal(errorAt(text, offset)?.code?.value, 'ResourceNotFound', `offset ${offset}`);
      }
      assert.equal(errorAt(text, first.start - 1), undefined);
      assert.equal(errorAt(text, first.end + 1), undefined);
    });

    describe('lines built from literal and non-literal properties', () => {
      const code = "'code': 'ResourceNotFound'";
      const literals = [code, "'code': 'utf-8'", `'message': "Machine 12 wasn't found"`, "'message': 'm'", "'target': 't1'", "'status': 404", "'details': None"];
      const names = ["'code': code", "'message': msg", "'target': r.get('target')"];
      const line = fc.record({
        prefix: fc.constantFrom('', 'ERROR failed: ', "for 'm1': ", 'x = ', "d['code'] = "),
        properties: fc.array(fc.constantFrom(...literals, ...names), { minLength: 1, maxLength: 5 }),
        brace: fc.boolean(),
      });
      const lines = fc.array(line, { minLength: 1, maxLength: 4 });
      const render = (l: { prefix: string; properties: string[]; brace: boolean }) => `${l.prefix}${l.brace ? '{' : ''}${l.properties.join(', ')}${l.brace ? '}' : ''}`;

      /**
       * What the rule says a line holds: each 'code' key with a plausible code starts a run, up to a
       * name (which spoils it) or the end; a run counts when it holds a message.
       */
      function expected(l: { prefix: string; properties: string[]; brace: boolean }): string[] {
        const found: string[] = [];
        let i = 0;
        while (i < l.properties.length) {
          if (l.properties[i] !== code) {
            i++;
            continue;
          }
          let j = i;
          while (j < l.properties.length && !names.includes(l.properties[j])) {
            j++;
          }
          const run = l.properties.slice(i, j);
          if (j === l.properties.length && run.some((property) => property.startsWith("'message'"))) {
            const whole = l.brace && i === 0;
            found.push(`${whole ? '{' : ''}${run.join(', ')}${whole ? '}' : ''}`);
          }
          i = j + 1;
        }
        return found;
      }

      it('finds exactly the runs the rule describes', () => {
        fc.assert(
          fc.property(lines, (generated) => {
            const text = generated.map(render).join('\n');
            assert.deepEqual(
              recognizeErrors(text).map((error) => text.slice(error.start, error.end)),
              generated.flatMap(expected),
            );
          }),
          { numRuns: 300 },
        );
      });

      it('errorAt agrees with recognizeErrors at every offset', () => {
        fc.assert(
          fc.property(lines, (generated) => {
            const text = generated.map(render).join('\n');
            const errors = recognizeErrors(text);
            for (let offset = 0; offset <= text.length; offset++) {
              assert.ok(same(errorAt(text, offset), errors.find((error) => error.start <= offset && offset <= error.end)), `offset ${offset}`);
            }
          }),
          { numRuns: 100 },
        );
      });
    });
  });

  describe('errorAt', () => {
    it('finds the object from its outer brace, its key and its last brace', () => {
      const text = fixture('seed-resource-not-found.json');
      const [error] = recognizeErrors(text);
      for (const offset of [error.start, error.start + 1, text.indexOf('"error"'), error.code!.start, error.end - 1, error.end]) {
        assert.equal(errorAt(text, offset)?.start, error.start, `offset ${offset}`);
      }
      assert.equal(errorAt(text, error.end + 1), undefined);
    });

    it('finds nothing before the object', () => {
      const text = fixture('python-traceback.txt');
      assert.equal(errorAt(text, 0), undefined);
      assert.equal(errorAt(text, text.indexOf('400 Client Error')), undefined);
    });
  });

  describe('large input', () => {
    const line = '2024-05-02T10:15:22.104Z INFO {"level":"info","error":null,"msg":"GET /api/machines 200 (132 ms)"}\n';
    const response = [
      'HTTP/1.1 500 Internal Server Error',
      'Date: Thu, 02 May 2024 11:00:00 GMT',
      'x-ms-request-id: 0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      '',
      '{"error":{"code":"InternalServerError","message":"An error has occurred","target":"ffeeddcc-bbaa-4998-8877-665544332211"}}',
    ].join('\n');
    const text = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length)) + response;

    it('finds the one error at the end of a 5 MB log, with its head', () => {
      const errors = recognizeErrors(text);
      assert.equal(errors.length, 1);
      assert.equal(errors[0].code?.value, 'InternalServerError');
      assert.equal(text.slice(errors[0].target!.start, errors[0].target!.end), '"ffeeddcc-bbaa-4998-8877-665544332211"');
      assert.equal(errors[0].head?.status, 500);
      assert.equal(headOf(errors[0].head, 'x-ms-request-id'), '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0');
    });

    it('answers errorAt near the end quickly, and nothing far from it', () => {
      const started = Date.now();
      const error = errorAt(text, text.length - 2);
      assert.equal(error?.code?.value, 'InternalServerError');
      assert.equal(errorAt(text, text.indexOf('"InternalServerError"') + 3)?.end, text.length);
      assert.ok(Date.now() - started < 1000, 'errorAt looks only near the offset');
      assert.equal(errorAt(text, 1000), undefined);
      assert.equal(errorAt(text, text.length - response.length - 10), undefined);
    });

    it('stays linear with many escaped "error" keys in one long string', () => {
      const record = '{\\"id\\":\\"7b1f\\",\\"status\\":\\"Succeeded\\",\\"error\\":null,\\"comment\\":\\"Isolate machine after alert 1234\\"}';
      const failure = '{\\"error\\":{\\"code\\":\\"NotFound\\",\\"target\\":\\"c0ffee00-0000-4000-8000-000000000000\\"}}';
      const body = [...Array(2000).fill(record), ...Array(2000).fill(failure)].join(',');
      const log = `{"level":"info","body":"[${body}]"}\n`;
      const started = Date.now();
      const errors = recognizeErrors(log);
      assert.equal(errors.length, 2000);
      assert.ok(errors.every((error) => error.escapeLevel === 1 && log.slice(error.code!.start, error.code!.end) === '\\"NotFound\\"'));
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
    });

    it('reads a Python line of many properties once, not once per \'code\' key', () => {
      const line = "'code': 'ResourceNotFound', ".repeat(20_000) + "'message': 'm'";
      const started = Date.now();
      const errors = recognizeErrors(line);
      assert.deepEqual(errors.map((error) => [error.start, error.end]), [[0, line.length]]);
      assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
    });

    it('reads an escaped object longer than the first try in full', () => {
      const message = 'x'.repeat(20_000);
      const text = `"{\\"error\\":{\\"code\\":\\"BadRequest\\",\\"message\\":\\"${message}\\",\\"target\\":\\"abc\\"}}"`;
      const [error] = recognizeErrors(text);
      assert.equal(error.complete, true);
      assert.equal(error.message?.value, message);
      assert.equal(text.slice(error.target!.start, error.target!.end), '\\"abc\\"');
      assert.equal(error.end, text.length - 1, 'ends after the outer brace');
    });
  });

  describe('arbitrary text', () => {
    const pieces = [
      ...['{', '}', '[', ']', '"', "'", '\\', ':', ',', ' ', '\n', '\r\n', 'x', '\\u00', '"error"', '\\"error\\"', "'error'", '"code"', '"target"', '"message"', '"X"'],
      // Python fragments: whole properties, so that runs of them come up often enough to matter.
      ...["'code': 'ResourceNotFound'", "'code': ", "'message': \"m", "'message': 'm'", "'target': 't'", ', ', 'None', 'msg'],
      ...['HTTP/1.1 429 Too Many Requests\n', 'Retry-After: 5\n', 'GET /a?token=s\n'],
    ];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join(''));

    it('never throws, and returns ordered ranges within the text', () => {
      fc.assert(
        fc.property(texts, (text) => {
          const errors = recognizeErrors(text);
          let previousEnd = 0;
          for (const error of errors) {
            assert.ok(previousEnd <= error.start && error.start < error.end && error.end <= text.length);
            for (const field of [error.code, error.message, error.target]) {
              if (field) {
                assert.ok(error.start <= field.keyStart && field.keyEnd <= field.start && field.start < field.end && field.end <= error.end);
              }
            }
            previousEnd = error.end;
          }
          assert.doesNotMatch(JSON.stringify(errors), /token=s/);
        }),
        { numRuns: 300 },
      );
    });

    it('errorAt agrees with recognizeErrors', () => {
      fc.assert(
        fc.property(texts, fc.nat(), (text, n) => {
          const offset = n % (text.length + 1);
          const want = recognizeErrors(text).find((error) => error.start <= offset && offset <= error.end);
          assert.ok(same(errorAt(text, offset), want));
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('redactUrl', () => {
    it('masks credential-like query values and keeps the rest', () => {
      assert.equal(
        redactUrl('https://api.security.microsoft.com/api/machines?$top=10&access_token=eyJabc.def&$filter=x'),
        'https://api.security.microsoft.com/api/machines?$top=10&access_token=***&$filter=x',
      );
      assert.equal(
        redactUrl('https://x.blob.core.windows.net/export/part-0.json.gz?sv=2020-08-04&se=2024-05-02T12%3A00%3A00Z&sr=b&sp=r&sig=AbC%2Bd%3D'),
        'https://x.blob.core.windows.net/export/part-0.json.gz?sv=2020-08-04&se=2024-05-02T12%3A00%3A00Z&sr=b&sp=r&sig=***',
      );
      assert.equal(redactUrl('https://h/p?Token=a&client_secret=b&code=c&api-key=d'), 'https://h/p?Token=***&client_secret=***&code=***&api-key=***');
      assert.equal(redactUrl('https://h/api/machines/123?$select=id'), 'https://h/api/machines/123?$select=id');
    });

    it('masks credentials in the user info and in a fragment', () => {
      assert.equal(redactUrl('https://svc:p4ss@h/api/x?$top=1'), 'https://***@h/api/x?$top=1');
      assert.equal(redactUrl('https://h/cb#access_token=eyJabc&token_type=Bearer&state=1'), 'https://h/cb#access_token=***&token_type=***&state=1');
    });

    it('masks the request line and the Python url of a recognized error', () => {
      const http = [
        'GET https://api.securitycenter.microsoft.com/api/machines?$top=1&token=eyJhbGciOi HTTP/1.1',
        'Authorization: Bearer eyJhbGciOi',
        '',
        'HTTP/1.1 401 Unauthorized',
        '',
        '{"error":{"code":"Unauthorized","message":"Unauthorized","target":"t"}}',
      ].join('\n');
      const [fromHttp] = recognizeErrors(http);
      assert.equal(fromHttp.head?.requestLine, 'GET https://api.securitycenter.microsoft.com/api/machines?$top=1&token=***');
      assert.doesNotMatch(JSON.stringify(fromHttp), CREDENTIAL);

      const python =
        "requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://api.security.microsoft.com/api/files/abc?sig=s3cr3t&x=1\n{'error': {'code': 'Forbidden', 'target': 't'}}";
      const [fromPython] = recognizeErrors(python);
      assert.equal(fromPython.head?.requestLine, 'https://api.security.microsoft.com/api/files/abc?sig=***&x=1');
      assert.doesNotMatch(JSON.stringify(fromPython), /s3cr3t/);
    });
  });

  describe('headOf', () => {
    it('looks a kept header up case-insensitively', () => {
      const [error] = recognizeErrors(fixture('rest-client-response.http'));
      assert.equal(headOf(error.head, 'retry-after'), '30');
      assert.equal(headOf(error.head, 'Content-Type'), undefined, 'only identifying headers are kept');
      assert.equal(headOf(undefined, 'Date'), undefined);
    });
  });

  describe('formatSupportDetails', () => {
    it('holds code, status, message, target, dates, request ids and request line, and no credential', () => {
      const text = fixture('http-file-with-response.http');
      const details = formatSupportDetails(supportFactsOf(recognizeErrors(text)[0]), t);
      for (const expected of [
        'Microsoft Defender for Endpoint API error',
        'Error code: Forbidden',
        'HTTP status: 403 Forbidden',
        'Message: The application does not have any of the required application permissions (Machine.Isolate) to access the resource.',
        'Correlation ID (target): 6a1d2c3b-4e5f-4a7b-9c8d-0e1f2a3b4c5d',
        'Date: Thu, 02 May 2024 10:16:41 GMT',
        'request-id: 3c6e8a1f-0d2b-4c97-85e3-f4a1b9d0c728',
        'x-ms-request-id: 3c6e8a1f-0d2b-4c97-85e3-f4a1b9d0c728',
        'Request: POST https://api.securitycenter.microsoft.com/api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate',
      ]) {
        assert.ok(details.split('\n').includes(expected), `missing line: ${expected}\n${details}`);
      }
      assert.doesNotMatch(details, CREDENTIAL);
    });

    it('includes Retry-After and the Python url', () => {
      assert.ok(formatSupportDetails(supportFactsOf(recognizeErrors(fixture('rest-client-response.http'))[0]), t).split('\n').includes('Retry-After: 30'));
      const python = formatSupportDetails(supportFactsOf(recognizeErrors(fixture('python-traceback.txt'))[0]), t);
      assert.match(python, /^HTTP status: 400 Bad Request$/m);
      assert.match(python, /^Request: https:\/\/api\.security\.microsoft\.com\/api\/machines\?\$filter=/m);
    });

    it('leaves out headers that do not identify the request, Authorization above all', () => {
      const details = formatSupportDetails(
        {
          code: 'Unauthorized',
          headers: [
            { name: 'Authorization', value: 'Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9' },
            { name: 'Date', value: 'Thu, 02 May 2024 10:17:05 GMT' },
          ],
        },
        t,
      );
      assert.doesNotMatch(details, CREDENTIAL);
      assert.match(details, /^Date: Thu, 02 May 2024 10:17:05 GMT$/m);
    });

    it('omits what is unknown, keeps one fact per line, and translates its labels', () => {
      const details = formatSupportDetails({ target: 'abc', message: 'line one\r\nline two', headers: [] }, (m) => `«${m}»`);
      assert.deepEqual(details.split('\n'), ['«Microsoft Defender for Endpoint API error»', '«Message»: line one line two', '«Correlation ID (target)»: abc']);
    });
  });
});
