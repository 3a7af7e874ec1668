import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ClaimedSpans } from '../../../src/core/scripts/claimedSpans';
import type { Span } from '../../../src/core/http/httpParser';

const span = fc.tuple(fc.nat(200), fc.nat(40)).map(([start, length]): Span => ({ start, end: start + length }));

/** Spans as a syntax tree gives them: any two nest or stay apart. */
function laminar(spans: readonly Span[]): Span[] {
  const kept: Span[] = [];
  for (const candidate of spans) {
    const crosses = kept.some((other) => candidate.start < other.end && other.start < candidate.end && !(candidate.start <= other.start && other.end <= candidate.end) && !(other.start <= candidate.start && candidate.end <= other.end));
    if (!crosses) {
      kept.push(candidate);
    }
  }
  return kept;
}

describe('claimed spans', () => {
  it('answers like a walk over every span, for nested and separate spans added in any order', () => {
    fc.assert(
      fc.property(fc.array(span, { maxLength: 40 }), fc.array(span, { maxLength: 40 }), (added, asked) => {
        const spans = laminar(added);
        const claimed = new ClaimedSpans();
        spans.forEach((s) => claimed.add(s));
        for (const query of [...asked, ...spans]) {
          const expected = spans.some((s) => s.start <= query.start && query.end <= s.end);
          assert.equal(claimed.covers(query.start, query.end), expected, JSON.stringify({ spans, query }));
        }
      }),
    );
  });

  it('holds a node inside a claimed body and not one beside it', () => {
    const claimed = new ClaimedSpans();
    claimed.add({ start: 10, end: 20 });
    claimed.add({ start: 40, end: 50 });
    claimed.add({ start: 0, end: 30 });
    assert.equal(claimed.covers(12, 18), true);
    assert.equal(claimed.covers(25, 30), true);
    assert.equal(claimed.covers(28, 35), false);
    assert.equal(claimed.covers(41, 49), true);
    assert.equal(claimed.covers(55, 56), false);
  });
});
