// Regenerates the files derived from the catalogs. `--check` fails when a committed file has drifted.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildErrorGrammar } from '../src/core/generated/errorGrammar';
import { buildSnippetFile } from '../src/core/generated/snippetFile';

const root = join(__dirname, '..');
const outputs: Record<string, () => string> = {
  'snippets/http.code-snippets': buildSnippetFile,
  'syntaxes/mde-api-errors.injection.tmLanguage.json': buildErrorGrammar,
};

const check = process.argv.includes('--check');
let drifted = 0;
for (const [relativePath, build] of Object.entries(outputs)) {
  const path = join(root, relativePath);
  const expected = build();
  let actual: string | undefined;
  try {
    actual = readFileSync(path, 'utf8');
  } catch {
    actual = undefined;
  }
  if (actual === expected) {
    continue;
  }
  if (check) {
    console.error(`${relativePath} is out of date: run npm run generate`);
    drifted++;
  } else {
    writeFileSync(path, expected);
    console.log(`wrote ${relativePath}`);
  }
}
process.exitCode = drifted > 0 ? 1 : 0;
