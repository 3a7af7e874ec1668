/** Random and mutated documents: real fixtures cut and damaged, token soup, binary garbage. */
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from '../../../src/core/catalog/catalog';
import type { OperationSpec } from '../../../src/core/catalog/types';
import { sampleBody } from '../helpers/sampleBody';

const fixtureRoot = join(__dirname, '../../fixtures');

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every fixture of test/fixtures/**, by path relative to it. */
export const fixtures: ReadonlyMap<string, string> = new Map(
  filesUnder(fixtureRoot).map((path) => [path.slice(fixtureRoot.length + 1), readFileSync(path, 'utf8')]),
);

export const jsonOperations = operations.filter((operation) => operation.bodyKind === 'json');

/** A request line for the operation, its path parameters filled in. */
export function requestLine(operation: OperationSpec): string {
  return `${operation.method} https://api.security.microsoft.com${operation.path.replace(/\{[^}]*\}/g, '1')}`;
}

/** A correct .http request for the operation, body and all. */
export function httpRequest(operation: OperationSpec): string {
  return `${requestLine(operation)}\nContent-Type: application/json\n\n${sampleBody(operation)}\n`;
}

/** Pieces that make text interesting to every reader: braces, quotes, escapes, keys, separators, line breaks. */
const pieces = [
  '{', '}', '[', ']', '"', "'", '\\', '\\"', '\\\\', ':', ',', ' ', '\t', 'x', '0', '-1e5', 'null', 'true',
  '\n', '\r\n', '\r', '\uFEFF', '\uD800', '\uDC00', '\u2028', '\u0000',
  '"error"', '\\"error\\"', "'error'", '"code"', '"message"', '"target"', '"value"', '"BadRequest"', '\\"NotFound\\"',
  '{{v}}', '{{', '}}', '# c\n', '// c\n', '/* c */', '###\n', '```http\n', '```\n', '~~~\n',
  'HTTP/1.1 400 Bad Request\n', 'Retry-After: 5\n', 'Content-Type: application/json\n', '< ./body.json\n', '> {% client.log(1) %}\n',
  'POST https://api.security.microsoft.com/api/machines/1/isolate\n', 'POST /api/indicators\n', 'GET {{host}}/api/alerts\n',
  '"Comment"', '"comment"', '"IsolationType"', '"Full"', '"full"', '"indicatorValue"', '"MachineIds"',
];

export const soup = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(''));

/** Any UTF-16 text, lone surrogates and control characters included. */
export const garbage = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 }).map((units) => String.fromCharCode(...units)),
);

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; piece: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'line-endings'; choices: number[] }
  | { kind: 'bom' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 20 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.oneof(fc.constantFrom(...pieces), garbage) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 60 }) }),
  fc.record({ kind: fc.constant('line-endings' as const), choices: fc.array(fc.nat({ max: 2 }), { minLength: 1, maxLength: 8 }) }),
  fc.constant({ kind: 'bom' as const }),
);

function mutate(text: string, change: Mutation): string {
  const at = 'at' in change ? change.at % (text.length + 1) : 0;
  switch (change.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + change.length);
    case 'insert':
      return text.slice(0, at) + change.piece + text.slice(at);
    case 'duplicate':
      return text.slice(0, at + change.length) + text.slice(at);
    case 'line-endings': {
      // Each line break becomes LF, CRLF or CR, cycling through the choices: mixed endings.
      let index = 0;
      return text.replace(/\r\n|\r|\n/g, () => ['\n', '\r\n', '\r'][change.choices[index++ % change.choices.length]]);
    }
    case 'bom':
      return `\uFEFF${text}`;
  }
}

export function mutated(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(base, fc.array(mutation, { maxLength: 6 })).map(([text, changes]) => changes.reduce(mutate, text));
}

const fixtureText = fc.constantFrom(...fixtures.values());
const catalogRequests = fc
  .array(fc.constantFrom(...jsonOperations), { minLength: 1, maxLength: 3 })
  .map((chosen) => chosen.map((operation, index) => `### ${index}\n${httpRequest(operation)}`).join('\n'));

/** Documents of any kind: damaged fixtures and requests, soup and garbage. */
export const anyText = fc.oneof(
  { arbitrary: mutated(fixtureText), weight: 4 },
  { arbitrary: mutated(catalogRequests), weight: 3 },
  { arbitrary: soup, weight: 2 },
  { arbitrary: garbage, weight: 1 },
);

/** The same, put in ```http fences of a Markdown text, sometimes unclosed. */
export const markdownText = fc
  .tuple(fc.string({ maxLength: 40 }), anyText, fc.boolean(), fc.string({ maxLength: 40 }))
  .map(([before, inside, closed, after]) => `${before}\n\`\`\`http\n${inside}\n${closed ? '```\n' : ''}${after}`);

/** JSON documents: a body named by an `mde:` directive, or bare, damaged either way. */
export const jsonText = fc.oneof(
  mutated(fc.constantFrom(...jsonOperations).map((operation) => `// mde: ${operation.method} ${operation.path}\n${sampleBody(operation)}`)),
  mutated(fc.constantFrom(...jsonOperations).map(sampleBody)),
  anyText,
);
