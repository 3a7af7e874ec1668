import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { runs } from '../property/invariants';
import { findingsOf, fixAll } from './shellHelpers';

const ISOLATION_TYPES = ['Full', 'Selective', 'UnManagedDevice'];

/** The same letters, each in upper or lower case as drawn. */
const recased = (word: string) => fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }).map((upper) => [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

/** A comment value with characters each quoting must escape. */
const comment = fc.string({ unit: fc.constantFrom(...'ab $`\\"\'!{}'.split('')), maxLength: 12 });

const QUOTINGS = {
  single: (json: string) => `'${json.replace(/'/g, "'\\''")}'`,
  double: (json: string) => `"${json.replace(/[\\"$`]/g, '\\$&')}"`,
};

function script(quote: (json: string) => string, commentKey: string, typeKey: string, type: string, text: string): string {
  const json = `{"${commentKey}": ${JSON.stringify(text)}, "${typeKey}": "${type}"}`;
  return [
    'BASE="https://api.security.microsoft.com/api"',
    `curl -X POST "$BASE/machines/$ID/isolate" -H 'Content-Type: application/json' \\`,
    `  -d ${quote(json)}`,
    '',
  ].join('\n');
}

describe('property: fix-all on randomly cased curl bodies', () => {
  for (const [name, quote] of Object.entries(QUOTINGS)) {
    it(`${name}-quoted: fix-all writes the documented casing, keeps the rest byte for byte, and is then done`, async () => {
      await fc.assert(
        fc.asyncProperty(recased('Comment'), recased('IsolationType'), fc.constantFrom(...ISOLATION_TYPES).chain((type) => recased(type).map((cased) => [type, cased])), comment, async (commentKey, typeKey, [type, cased], text) => {
          const written = script(quote, commentKey, typeKey, cased, text);
          const fixed = fixAll(written, await findingsOf(written));
          assert.equal(fixed, script(quote, 'Comment', 'IsolationType', type, text));
          const again = await findingsOf(fixed);
          assert.deepEqual(again, []);
          assert.equal(fixAll(fixed, again), fixed);
        }),
        runs(60),
      );
    });
  }
});
