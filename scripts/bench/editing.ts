/**
 * Typing in a large .http file, in process: IncrementalHttpAnalysis is reset once on the 16 MB
 * corpus, then takes one-character inserts and deletes at random places. Building the new text is
 * the editor's job and is not timed; `update` + `findings()` is what the server pays per keystroke.
 * Code lenses (every error response) are asked for apart, after the keystroke: `errors()` is timed
 * beside a search of the whole text, which is what each lens refresh cost before.
 */
import { catalogMatcher } from '../../src/core/catalog/catalog';
import { recognizeErrors } from '../../src/core/errors/errorRecognizer';
import { IncrementalHttpAnalysis } from '../../src/core/requests/incrementalHttp';
import { Random } from './random';
import { collectGarbage, nowMs, summarize, type Summary } from './stats';

export interface EditingResult {
  readonly chars: number;
  readonly resetMs: number;
  readonly edits: number;
  /** update + findings(), per edit, on a flat string. */
  readonly perEdit: Summary;
  /** Flattening the edited text (a copy of the document), which the server pays once per edit. */
  readonly flatten: Summary;
  readonly withFlatten: Summary;
  readonly update: Summary;
  readonly findings: Summary;
  /** Blocks re-analyzed per edit (1–3 expected: the edited block and its neighbours). */
  readonly analyzedBlocks: Summary;
  /** errors() after the edit: the error responses for code lenses, searched block by block. */
  readonly errors: Summary;
  /** recognizeErrors on the whole text, every tenth edit. */
  readonly errorsWholeText: Summary;
  readonly samples: number[];
}

export function measureEditing(text: string, edits: number, seed: number): EditingResult {
  const random = new Random(seed);
  const analysis = new IncrementalHttpAnalysis(catalogMatcher);
  collectGarbage();
  let start = nowMs();
  analysis.reset(text);
  analysis.findings();
  const resetMs = nowMs() - start;
  // A few untimed edits first: the incremental path has its own code to warm up.
  const warmup = 10;
  const perEdit: number[] = [];
  const updates: number[] = [];
  const findings: number[] = [];
  const flatten: number[] = [];
  const withFlatten: number[] = [];
  const blocks: number[] = [];
  const errors: number[] = [];
  const errorsWholeText: number[] = [];
  analysis.errors(text);
  let current = text;
  for (let i = 0; i < warmup + edits; i++) {
    const offset = random.int(0, current.length - 1);
    const insert = random.chance(0.5);
    const change = insert ? { start: offset, end: offset, newLength: 1 } : { start: offset, end: offset + 1, newLength: 0 };
    current = insert ? current.slice(0, offset) + random.pick(['x', ' ', '"', '{', '\n']) + current.slice(offset) : current.slice(0, offset) + current.slice(offset + 1);
    // V8 keeps the concatenation as a rope, and its first reader pays for a flat copy of the whole
    // document. In the server that is whoever reads the TextDocument first after the edit; it is
    // timed apart here so the analysis' own cost is visible, and added back in `withFlatten`.
    const flattenStart = nowMs();
    current.charCodeAt(offset);
    const flattened = nowMs();
    start = flattened;
    analysis.update(current, [change]);
    const updated = nowMs();
    analysis.findings();
    const done = nowMs();
    analysis.errors(current);
    const errorsDone = nowMs();
    if (i >= warmup && i % 10 === 0) {
      const wholeStart = nowMs();
      recognizeErrors(current);
      errorsWholeText.push(nowMs() - wholeStart);
    }
    if (i >= warmup) {
      errors.push(errorsDone - done);
      flatten.push(flattened - flattenStart);
      withFlatten.push(done - flattenStart);
      perEdit.push(done - start);
      updates.push(updated - start);
      findings.push(done - updated);
      blocks.push(analysis.lastAnalyzedBlocks);
    }
  }
  return {
    chars: text.length,
    resetMs,
    edits,
    perEdit: summarize(perEdit),
    flatten: summarize(flatten),
    withFlatten: summarize(withFlatten),
    update: summarize(updates),
    findings: summarize(findings),
    analyzedBlocks: summarize(blocks),
    errors: summarize(errors),
    errorsWholeText: summarize(errorsWholeText),
    samples: perEdit,
  };
}
