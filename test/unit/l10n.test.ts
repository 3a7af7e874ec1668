import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizedStrings } from './l10nKeys';

const root = join(__dirname, '../..');
const readJson = (path: string): Record<string, string> => JSON.parse(readFileSync(join(root, path), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('localization', () => {
  const french = readJson('l10n/bundle.l10n.fr.json');
  const strings = localizedStrings(root);

  it('finds the UI strings of client, server and hovers', () => {
    assert.ok(strings.size > 50, `only ${strings.size} strings found: the extraction is broken`);
  });

  it('has a French translation for every UI string, with the same placeholders', () => {
    const missing = [...strings.keys()].filter((key) => !(key in french));
    assert.deepEqual(missing, []);
    for (const key of strings.keys()) {
      assert.deepEqual(placeholders(french[key]), placeholders(key), key);
    }
  });

  it('has no stale French entries', () => {
    assert.deepEqual(Object.keys(french).filter((key) => !strings.has(key)), []);
  });

  it('translates every manifest string, and every %key% of package.json exists', () => {
    const english = readJson('package.nls.json');
    const frenchManifest = readJson('package.nls.fr.json');
    assert.deepEqual(Object.keys(frenchManifest).sort(), Object.keys(english).sort());
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([\w.]+)%"/g)].map((match) => match[1]);
    assert.deepEqual(used.filter((key) => !(key in english)), []);
  });

  it('never translates error codes or parameter names', () => {
    for (const [key, value] of Object.entries(french)) {
      for (const identifier of key.match(/\b(?:InvalidRequestBody|MissingRequiredParameter|MaximumBatchSizeExceeded|indicatorType|mdeApi\.\w+)\b/g) ?? []) {
        assert.ok(value.includes(identifier), `${identifier} must stay as is in: ${value}`);
      }
    }
  });
});
