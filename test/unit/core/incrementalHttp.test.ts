import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { recognizeErrors, shiftError, type RecognizedError } from '../../../src/core/errors/errorRecognizer';
import { splitBlocks } from '../../../src/core/http/httpParser';
import { IncrementalHttpAnalysis } from '../../../src/core/requests/incrementalHttp';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { applyDrawnEdit } from '../helpers/text';

const fixtures = ['rest-client-dialect.http', 'wrong-casing.http'].map((name) => readFileSync(join(__dirname, '../../fixtures/requests', name), 'utf8'));
const responses = ['http-file-with-response.http', 'rest-client-response.http', 'crlf-line-endings.http'].map((name) =>
  readFileSync(join(__dirname, '../../fixtures/responses', name), 'utf8'),
);
const seed = fixtures.join('\n');
/** Requests with their pasted error responses, block after block. */
const withResponses = [fixtures[0], ...responses, fixtures[1], ...responses].join('\n###\n');
/** Each `###` block searched on its own: what the incremental side must equal after any edits. */
const errorsByBlock = (text: string) =>
  splitBlocks(text).flatMap((span) => recognizeErrors(text.slice(span.start, span.end)).map((error) => shiftError(error, span.start)));
const errorSummary = (errors: readonly RecognizedError[]) => errors.map((error) => JSON.stringify(error));
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

interface DrawnEdit {
  readonly at: number;
  readonly length: number;
  readonly insert: readonly string[];
}

type Look = (incremental: IncrementalHttpAnalysis, text: string) => void;

/** An incremental analysis of `text` fed the edits one by one; `look` is called after the reset and after each edit. */
function editIncrementally(text: string, edits: readonly DrawnEdit[], look: Look = () => undefined): { incremental: IncrementalHttpAnalysis; text: string } {
  const incremental = new IncrementalHttpAnalysis(catalogMatcher);
  incremental.reset(text);
  look(incremental, text);
  let current = text;
  for (const edit of edits) {
    const applied = applyDrawnEdit(current, { ...edit, insert: edit.insert.join('') });
    current = applied.text;
    incremental.update(current, [applied.change]);
    look(incremental, current);
  }
  return { incremental, text: current };
}

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
          editIncrementally(seed, edits, (incremental, text) => assert.deepEqual(summary(incremental.findings()), summary(full(text))));
        },
      ),
      { numRuns: 1000 },
    );
  });

  describe('error responses', () => {
    it('finds in a document of requests and pasted responses what a search of the whole text finds', () => {
      const incremental = new IncrementalHttpAnalysis(catalogMatcher);
      incremental.reset(withResponses);
      const found = incremental.errors(withResponses);
      assert.ok(found.length >= 6, `found ${found.length}`);
      assert.ok(found.some((error) => error.head?.status !== undefined));
      assert.deepEqual(errorSummary(found), errorSummary(recognizeErrors(withResponses)));
    });

    it('searches again only the block an edit touched', () => {
      const text = Array.from({ length: 40 }, () => withResponses).join('\n###\n');
      const incremental = new IncrementalHttpAnalysis(catalogMatcher);
      incremental.reset(text);
      const before = incremental.errors(text);
      const offset = text.indexOf('"message"', text.length / 2);
      const edited = `${text.slice(0, offset)}  ${text.slice(offset)}`;
      incremental.update(edited, [{ start: offset, end: offset, newLength: 2 }]);
      const after = incremental.errors(edited);
      assert.deepEqual(errorSummary(after), errorSummary(recognizeErrors(edited)));
      // Errors before the edit are the very objects found before it: nothing was searched or copied for them.
      const untouched = before.filter((error) => error.end < offset);
      assert.ok(untouched.length > 10);
      untouched.forEach((error, index) => assert.equal(after[index], error));
    });

    it('always equals a block-by-block search of the current text, whatever the edits', () => {
      const responseFragment = fc.constantFrom('', '###\n', '\n', '{"error": {"code": "NotFound", "message": "m", "target": "t-1"}}', 'HTTP/1.1 404 Not Found\n', '"code"', '}', '{', '\\"');
      fc.assert(
        fc.property(
          fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 60 }), insert: fc.array(fc.oneof(fragment, responseFragment), { maxLength: 3 }) }), {
            minLength: 1,
            maxLength: 8,
          }),
          fc.boolean(),
          (edits, askBetweenEdits) => {
            // Asked once before the edits at least, so blocks searched then must be reused or searched again correctly.
            let asked = false;
            const { incremental, text } = editIncrementally(withResponses, edits, (during, current) => {
              if (askBetweenEdits || !asked) {
                assert.deepEqual(errorSummary(during.errors(current)), errorSummary(errorsByBlock(current)));
                asked = true;
              }
            });
            assert.deepEqual(errorSummary(incremental.errors(text)), errorSummary(errorsByBlock(text)));
          },
        ),
        { numRuns: 500 },
      );
    });

    it('answers errorAt from the block that holds the offset, as errors() has it, whatever the edits', () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ at: fc.nat(), length: fc.nat({ max: 60 }), insert: fc.array(fragment, { maxLength: 3 }) }), { maxLength: 5 }),
          fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
          (edits, where) => {
            const { incremental, text } = editIncrementally(withResponses, edits);
            const blocks = splitBlocks(text);
            const onErrors = errorsByBlock(text).flatMap((error) => [error.start, error.end, error.code?.start ?? error.start]);
            assert.ok(edits.length > 0 || onErrors.length > 0);
            for (const offset of [...where.map((fraction) => Math.floor(fraction * text.length)), ...onErrors]) {
              // A boundary offset belongs to the block that starts there, except at the very end.
              const block = blocks.find((span, index) => span.start <= offset && (offset < span.end || index === blocks.length - 1));
              const expected = block
                ? recognizeErrors(text.slice(block.start, block.end))
                    .map((error) => shiftError(error, block.start))
                    .find((error) => error.start <= offset && offset <= error.end)
                : undefined;
              assert.deepEqual(JSON.stringify(incremental.errorAt(text, offset)), JSON.stringify(expected), `at ${offset}`);
            }
          },
        ),
        { numRuns: 300 },
      );
    });

    it('finds with errorAt every error of the fixtures, on its code', () => {
      const incremental = new IncrementalHttpAnalysis(catalogMatcher);
      incremental.reset(withResponses);
      for (const error of recognizeErrors(withResponses)) {
        assert.equal(JSON.stringify(incremental.errorAt(withResponses, error.code!.start + 1)), JSON.stringify(error));
      }
    });
  });
});
