import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildErrorGrammar } from '../../src/core/generated/errorGrammar';
import { buildSnippetFile } from '../../src/core/generated/snippetFile';
import { operations } from '../../src/core/catalog/catalog';
import { errorCodes } from '../../src/core/errors/errorCodes';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('generated files', () => {
  it('snippets/ matches the catalog (run npm run generate after changing it)', () => {
    assert.equal(read('snippets/http.code-snippets'), buildSnippetFile());
  });

  it('the injection grammar matches the error-code table', () => {
    assert.equal(read('syntaxes/mde-api-errors.injection.tmLanguage.json'), buildErrorGrammar());
  });

  it('has one snippet per operation, each starting with its request line', () => {
    const snippets: Record<string, { body: string[] }> = JSON.parse(read('snippets/http.code-snippets'));
    assert.equal(Object.keys(snippets).length, operations.length);
    for (const operation of operations) {
      const snippet = snippets[`MDE: ${operation.title.en}`];
      assert.ok(snippet, operation.id);
      assert.ok(snippet.body[0].startsWith(`${operation.method} `), operation.id);
    }
  });

  it('the grammar highlights exactly the documented codes', () => {
    const grammar = JSON.parse(read('syntaxes/mde-api-errors.injection.tmLanguage.json'));
    const pattern = new RegExp(grammar.repository['error-code'].match);
    for (const { code } of errorCodes) {
      assert.ok(pattern.test(`"${code}"`), code);
    }
    assert.ok(!pattern.test('"NotACode"'));
  });
});
