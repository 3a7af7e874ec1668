import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { errorAt, recognizeErrors } from '../../../src/core/errors/errorRecognizer';
import { parseHttpDocument } from '../../../src/core/http/httpParser';
import { IncrementalHttpAnalysis } from '../../../src/core/requests/incrementalHttp';
import { analyzeDocument, type DocumentKind } from '../../../src/core/requests/requestAnalyzer';
import { findFences } from '../../../src/core/text/markdownFences';
import { fixAllEdits } from '../../../src/core/fixAll';
import { anyText, fixtures, jsonText, markdownText, mutated, soup } from './arbitraries';
import { assertAnalysisInside, assertBlocksInside, assertEditsInside, assertErrorsInside, assertSpan, runs } from './invariants';
import { applyDrawnEdit } from '../helpers/text';

describe('property: random and damaged documents', () => {
  it('draws from every fixture of test/fixtures', () => {
    assert.ok(fixtures.size >= 20, `only ${fixtures.size} fixtures`);
  });

  describe('error recognition', () => {
    it('never throws and keeps every error and field range inside the text, in order', () => {
      fc.assert(
        fc.property(fc.oneof(anyText, markdownText), (text) => {
          assertErrorsInside(text, recognizeErrors(text));
        }),
        runs(400),
      );
    });

    it('errorAt answers an object that holds the offset, with its ranges inside the text', () => {
      fc.assert(
        fc.property(anyText, fc.nat(), (text, n) => {
          const offset = n % (text.length + 1);
          const error = errorAt(text, offset);
          if (error) {
            assertErrorsInside(text, [error]);
            assert.ok(error.start <= offset && offset <= error.end, `object [${error.start}, ${error.end}] does not hold ${offset}`);
          }
        }),
        runs(400),
      );
    });

    it('starts an object after the previous one when that one, cut short, took its brace', () => {
      // Found by the property above: a key cut at `"{` made the first object end past the second's
      // brace. A cut object now ends at its last field, which leaves that brace to the second.
      const text = '{\n  "error": {\n    "code": "InvalidInput"\n    "{\n  "error": {\n    "code": "InvalidInput"\n  }\n}\n';
      const errors = recognizeErrors(text);
      assert.equal(errors.length, 2);
      assertErrorsInside(text, errors);
      assert.equal(errors[0].end, text.indexOf('"InvalidInput"') + '"InvalidInput"'.length);
      assert.equal(errors[1].start, text.lastIndexOf('{', text.indexOf('"error"', errors[0].end)));
    });

    it('keeps ranges inside the text for offsets and windows beyond it', () => {
      fc.assert(
        fc.property(soup, fc.integer({ min: -100, max: 10_000 }), fc.integer({ min: -5, max: 10_000 }), (text, from, to) => {
          assertErrorsInside(text, recognizeErrors(text, { from, to }));
          const error = errorAt(text, Math.min(Math.max(0, from), text.length));
          assertErrorsInside(text, error ? [error] : []);
        }),
        runs(400),
      );
    });
  });

  describe('.http parsing', () => {
    it('tiles the document with blocks and keeps every span inside its block', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          assertBlocksInside(text, parseHttpDocument(text));
        }),
        runs(400),
      );
    });

    it('keeps every span inside the Markdown fence it parses', () => {
      fc.assert(
        fc.property(markdownText, (text) => {
          for (const fence of findFences(text)) {
            assertSpan(fence.content, { start: 0, end: text.length }, 'fence');
            assertBlocksInside(text, parseHttpDocument(text, fence.content), fence.content);
          }
        }),
        runs(400),
      );
    });
  });

  describe('document analysis', () => {
    const kinds: [DocumentKind, fc.Arbitrary<string>][] = [
      ['http', anyText],
      ['json', jsonText],
      ['markdown', markdownText],
    ];
    for (const [kind, texts] of kinds) {
      it(`never throws on ${kind} documents, and keeps findings, fixes and bodies inside the text`, () => {
        fc.assert(
          fc.property(texts, (text) => {
            const analysis = analyzeDocument(text, kind, catalogMatcher);
            assertAnalysisInside(text, analysis);
            assertEditsInside(fixAllEdits(analysis.findings), { start: 0, end: text.length }, 'fix-all');
          }),
          runs(400),
        );
      });
    }
  });

  describe('incremental analysis', () => {
    const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 40 }), insert: fc.oneof(fc.constantFrom('', '###\n', '{', '}', '"', '\r\n', '\r', '{{v}}'), soup) });

    it('keeps findings and located analyses inside the text through any edits', () => {
      fc.assert(
        fc.property(mutated(anyText), fc.array(edit, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 5 }), (initial, edits, probes) => {
          let text = initial;
          const incremental = new IncrementalHttpAnalysis(catalogMatcher);
          incremental.reset(text);
          for (const change of edits) {
            const applied = applyDrawnEdit(text, change);
            text = applied.text;
            incremental.update(text, [applied.change]);
            assertEditsInside(fixAllEdits(incremental.findings()), { start: 0, end: text.length }, 'fix-all');
            for (const finding of incremental.findings()) {
              assertSpan(finding, { start: 0, end: text.length }, `finding ${finding.code}`);
            }
          }
          for (const probe of probes) {
            const located = incremental.locate(text, probe % (text.length + 1));
            if (located) {
              assert.ok(located.base >= 0 && located.base <= text.length, 'the block starts inside the text');
              assertAnalysisInside(text, located.analysis, located.base);
            }
          }
        }),
        runs(250),
      );
    });
  });
});
