import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { IncrementalHttpAnalysis } from '../../../src/core/requests/incrementalHttp';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { applyDrawnEdit } from '../helpers/text';

const fixtures = ['rest-client-dialect.http', 'wrong-casing.http'].map((name) => readFileSync(join(__dirname, '../../fixtures/requests', name), 'utf8'));
const seed = fixtures.join('\n');
const full = (text: string) => analyzeDocument(text, 'http', catalogMatcher).findings;
/** Every field of a finding, the fixes included: the incremental side shifts them lazily. */
const summary = (findings: ReturnType<typeof full>) =>
  findings.map(
    (f) =>
      `${f.code}/${f.severity}@${f.start}-${f.end}:${JSON.stringify(f.args)}:${f.preempts}:${f.docs}:${JSON.stringify(
        f.fixes?.map((fix) => [fix.kind, fix.preferred, fix.args, fix.edits]),
      )}`,
  );

/** Pieces that make edits interesting: separators, keys, braces, line breaks, placeholders. */
const fragment = fc.constantFrom('', '###\n', '\n', '"comment"', '"Comment"', '{', '}', ',', 'POST https://api.security.microsoft.com/api/indicators\n', 'x', '\r\n', '{{v}}', '# c\n');

describe('incremental .http analysis', () => {
  it('re-analyzes only the edited block of a many-block document', () => {
    const text = Array.from({ length: 50 }, () => fixtures[1]).join('\n');
    const incremental = new IncrementalHttpAnalysis(catalogMatcher);
    incremental.reset(text);
    const offset = text.indexOf('"scantype"', text.length / 2);
    const edited = text.slice(0, offset + 1) + 'S' + text.slice(offset + 2);
    incremental.update(edited, [{ start: offset + 1, end: offset + 2, newLength: 1 }]);
    assert.ok(incremental.lastAnalyzedBlocks <= 3, `analyzed ${incremental.lastAnalyzedBlocks} blocks`);
    assert.deepEqual(summary(incremental.findings()), summary(full(edited)));
  });

  it('always agrees with a full analysis, whatever the edits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.array(fragment, { maxLength: 3 }) }), { minLength: 1, maxLength: 8 }),
        (edits) => {
          let text = seed;
          const incremental = new IncrementalHttpAnalysis(catalogMatcher);
          incremental.reset(text);
          for (const edit of edits) {
            const applied = applyDrawnEdit(text, { ...edit, insert: edit.insert.join('') });
            text = applied.text;
            incremental.update(text, [applied.change]);
            assert.deepEqual(summary(incremental.findings()), summary(full(text)));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
