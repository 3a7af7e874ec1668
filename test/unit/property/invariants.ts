/** What every result of the core must satisfy whatever the input: ranges inside the document. */
import * as assert from 'node:assert/strict';
import type { RecognizedError } from '../../../src/core/errors/errorRecognizer';
import type { Finding, TextEditSpec } from '../../../src/core/findings';
import type { HttpBlock, Span } from '../../../src/core/http/httpParser';
import type { DocumentAnalysis } from '../../../src/core/requests/requestAnalyzer';

/** 0 ≤ start ≤ end ≤ length, or `within` the given span. */
export function assertSpan(span: Span | undefined, within: Span, label: string): void {
  if (!span) {
    return;
  }
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && within.start <= span.start && span.start <= span.end && span.end <= within.end,
    `${label} [${span.start}, ${span.end}) lies outside [${within.start}, ${within.end})`,
  );
}

const whole = (text: string): Span => ({ start: 0, end: text.length });

export function assertErrorsInside(text: string, errors: readonly RecognizedError[]): void {
  let previousEnd = 0;
  for (const error of errors) {
    assertSpan(error, whole(text), 'error object');
    assert.ok(previousEnd <= error.start, 'error objects are in order and do not overlap');
    for (const [name, field] of [['code', error.code], ['message', error.message], ['target', error.target]] as const) {
      if (field) {
        assertSpan({ start: field.keyStart, end: field.keyEnd }, error, `${name} key`);
        assertSpan(field, error, `${name} value`);
        assert.ok(field.keyEnd <= field.start, `${name}: the key comes before its value`);
      }
    }
    previousEnd = error.end;
  }
}

export function assertBlocksInside(text: string, blocks: readonly HttpBlock[], within: Span = whole(text)): void {
  let expectedStart = within.start;
  for (const block of blocks) {
    assert.equal(block.start, expectedStart, 'blocks tile the region without a gap');
    assertSpan(block, within, 'block');
    expectedStart = block.end;
    const request = block.request;
    if (request) {
      assertSpan(request, block, 'request');
      assertSpan(request.requestLine, request, 'request line');
      assertSpan(request.methodSpan, request.requestLine, 'method');
      assertSpan(request.urlSpan, block, 'url');
      assertSpan(request.body, request, 'request body');
      for (const header of request.headers) {
        assertSpan(header, request, 'request header');
      }
      for (const comment of request.body?.commentLines ?? []) {
        assertSpan(comment, request.body!, 'body comment line');
      }
    }
    for (const response of block.responses) {
      assertSpan(response, block, 'response');
      assertSpan(response.statusLine, response, 'status line');
      assertSpan(response.body, response, 'response body');
      for (const header of response.headers) {
        assertSpan(header, response, 'response header');
      }
    }
  }
  assert.equal(expectedStart, within.end, 'blocks cover the region');
}

export function assertEditsInside(edits: readonly TextEditSpec[], within: Span, label: string): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  sorted.forEach((edit, index) => {
    assertSpan(edit, within, label);
    assert.ok(index === 0 || sorted[index - 1].end <= edit.start, `${label}: edits do not overlap`);
  });
}

export function assertFindingsInside(findings: readonly Finding[], within: Span): void {
  for (const finding of findings) {
    assertSpan(finding, within, `finding ${finding.code}`);
    for (const fix of finding.fixes ?? []) {
      assertEditsInside(fix.edits, within, `fix ${fix.kind} of ${finding.code}`);
    }
  }
}

/** `base` is where the analysis' own offsets count from (an incremental block). */
export function assertAnalysisInside(text: string, analysis: DocumentAnalysis, base = 0): void {
  const local = { start: 0, end: text.length - base };
  assertFindingsInside(analysis.findings, local);
  for (const { request } of analysis.requests) {
    assertSpan(request, local, 'analyzed request');
  }
  for (const body of analysis.bodies) {
    assertSpan(body.span, local, 'analyzed body');
    const { masked } = body.analysis;
    if (masked.map) {
      // A view of JSON written another way (inside a string literal): every character maps into the body.
      for (const offset of [0, masked.text.length >> 1, masked.text.length]) {
        assertSpan({ start: masked.map.toHost(offset), end: masked.map.toHost(offset) }, body.span, 'view offset');
      }
    } else {
      assert.equal(masked.base, body.span.start, 'the masked body starts where the body does');
      assert.equal(masked.text.length, body.span.end - body.span.start, 'masking keeps every offset');
    }
    for (const placeholder of masked.placeholders) {
      assertSpan(placeholder, { start: 0, end: masked.text.length }, 'placeholder');
    }
  }
}

/** Milliseconds `run` takes, with its result. */
export function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

/** fast-check parameters: `PROPERTY_SCALE=50 npx mocha` hunts longer than the default run. */
export function runs(numRuns: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(numRuns * Number(process.env.PROPERTY_SCALE ?? 1))) };
}
