/**
 * Keeps the findings of an .http document block by block, so an edit re-validates only the
 * `###` blocks it touches: the rest is reused and merely shifted.
 */
import type { OperationMatcher } from '../catalog/operationMatcher';
import { recognizeErrors, shiftError, type RecognizedError } from '../errors/errorRecognizer';
import type { Finding, FixSpec } from '../findings';
import { splitBlocks, type Span } from '../http/httpParser';
import { analyzeDocument, type DocumentAnalysis } from './requestAnalyzer';

/** A replacement of [start, end) by `newLength` characters, in the text as it was before it. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newLength: number;
}

/**
 * A block keeps its findings and nothing else of its analysis. Keeping whole analyses (requests,
 * headers, spans, masked bodies: some thirty objects per block) made every garbage collection
 * during the analysis of a large document copy all of them: opening a 4 MB file took about twice
 * the time it takes now (scripts/bench). Hover and completion want a block's analysis, one at a
 * time, and get it analyzed again on demand (`locate`).
 */
interface Block {
  start: number;
  end: number;
  dirty: boolean;
  /** The findings of the block's analysis, offsets relative to `start`. */
  findings?: readonly Finding[];
  /** The findings in document offsets. */
  placedFindings?: Placed<Finding>;
  /** Error responses found in the block, offsets relative to `start`; searched for on demand. */
  errors?: readonly RecognizedError[];
  placedErrors?: Placed<RecognizedError>;
}

/** A block's items in document offsets, valid while the block still starts at `base`. */
interface Placed<T> {
  readonly base: number;
  readonly items: readonly T[];
}

/** An analysis and the document offset its own offsets count from. */
export interface LocatedAnalysis {
  readonly analysis: DocumentAnalysis;
  readonly base: number;
}

export class IncrementalHttpAnalysis {
  private blocks: Block[] = [];
  /** The block `locate` analyzed last, and that analysis: hovers and completions come in runs on one block. */
  private located: { block: Block; analysis: DocumentAnalysis } | undefined;
  private materialized: Finding[] | undefined;
  private materializedErrors: RecognizedError[] | undefined;
  /** How many blocks the last reset or update analyzed: what an edit cost. */
  lastAnalyzedBlocks = 0;

  constructor(private readonly matcher: OperationMatcher) {}

  reset(text: string): void {
    this.located = undefined;
    this.blocks = splitBlocks(text).map((span) => newBlock(span.start, span.end));
    this.analyzeDirty(text);
  }

  /** Applies the changes, in order, then re-analyzes what they touched in the final `text`. */
  update(text: string, changes: readonly TextChange[]): void {
    for (const change of changes) {
      this.shift(change);
    }
    this.resplitDirty(text);
    this.analyzeDirty(text);
  }

  /** All findings, in document offsets. */
  findings(): Finding[] {
    if (!this.materialized) {
      // Blocks before an edit have not moved, so their shifted findings are reused: a keystroke
      // then copies only the findings after it. A plain loop, as most blocks have none.
      const all: Finding[] = [];
      for (const block of this.blocks) {
        const own = block.findings;
        if (!own || own.length === 0) {
          continue;
        }
        block.placedFindings = placeAt(own, block.start, block.placedFindings, shiftFinding);
        for (const finding of block.placedFindings.items) {
          all.push(finding);
        }
      }
      this.materialized = all;
    }
    return this.materialized;
  }

  /**
   * Every error response in `text` (the text of the last reset or update), in document offsets.
   * Each block is searched on its own, and again only after an edit touched it: a keystroke costs
   * the search of one block, not of the whole document (18 ms on a 4 MB file, for every code lens
   * refresh). A response is therefore found within its own `###` block, under the request it
   * answers, which is where REST Client and httpYac put it.
   */
  errors(text: string): RecognizedError[] {
    if (!this.materializedErrors) {
      const all: RecognizedError[] = [];
      for (const block of this.blocks) {
        block.errors ??= recognizeErrors(detachedSlice(text, block.start, block.end));
        if (block.errors.length === 0) {
          continue;
        }
        block.placedErrors = placeAt(block.errors, block.start, block.placedErrors, shiftError);
        for (const error of block.placedErrors.items) {
          all.push(error);
        }
      }
      this.materializedErrors = all;
    }
    return this.materializedErrors;
  }

  /** The error response that holds `offset`, searched for in its block only, as `errors` does. */
  errorAt(text: string, offset: number): RecognizedError | undefined {
    const block = this.blockAt(offset);
    if (!block) {
      return undefined;
    }
    block.errors ??= recognizeErrors(detachedSlice(text, block.start, block.end));
    const local = offset - block.start;
    const error = block.errors.find((candidate) => candidate.start <= local && local <= candidate.end);
    return error && shiftError(error, block.start);
  }

  /**
   * The analysis of the block that holds `offset`, in `text` (the text of the last reset or update),
   * analyzed again: blocks keep only their findings. The last one is kept until its block changes.
   */
  locate(text: string, offset: number): LocatedAnalysis | undefined {
    const block = this.blockAt(offset);
    if (!block || block.findings === undefined) {
      return undefined;
    }
    if (this.located?.block !== block) {
      this.located = { block, analysis: this.analyze(text, block) };
    }
    return { analysis: this.located.analysis, base: block.start };
  }

  private blockAt(offset: number): Block | undefined {
    let low = 0;
    let high = this.blocks.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const block = this.blocks[middle];
      if (offset < block.start) {
        high = middle - 1;
      } else if (offset > block.end || (offset === block.end && middle < this.blocks.length - 1)) {
        low = middle + 1;
      } else {
        return block;
      }
    }
    return undefined;
  }

  /** Moves block boundaries through one change and marks the blocks it touches. */
  private shift(change: TextChange): void {
    const delta = change.newLength - (change.end - change.start);
    const insertedEnd = change.start + change.newLength;
    // At the insertion point a start stays put and an end moves past the inserted text, so
    // text inserted at a boundary (or at the very end) always lands in a block.
    const mapStart = (offset: number) => (offset <= change.start ? offset : offset >= change.end ? offset + delta : insertedEnd);
    const mapEnd = (offset: number) => (offset < change.start ? offset : offset >= change.end ? offset + delta : insertedEnd);
    for (const block of this.blocks) {
      // Touching counts: an edit at a boundary may join or split the blocks on either side.
      if (block.start <= change.end && block.end >= change.start) {
        block.dirty = true;
      }
      block.start = mapStart(block.start);
      block.end = mapEnd(block.end);
    }
    if (this.blocks.length === 0) {
      this.blocks.push(newBlock(0, change.newLength));
    }
  }

  /** Re-splits each run of dirty blocks, widened by one block before it, whose separator the edit may have changed. */
  private resplitDirty(text: string): void {
    // Spliced in place, last run first so no splice moves a run still to visit: a keystroke then
    // costs one scan of the flags instead of copying the whole block list twice.
    let blocks = this.blocks;
    let index = blocks.length - 1;
    while (index >= 0) {
      if (!blocks[index].dirty) {
        index--;
        continue;
      }
      let runStart = index;
      while (runStart > 0 && blocks[runStart - 1].dirty) {
        runStart--;
      }
      const first = runStart > 0 ? runStart - 1 : runStart;
      const region: Span = { start: blocks[first].start, end: blocks[index].end };
      const fresh = splitBlocks(text, region)
        .filter((span) => span.end > span.start)
        .map((span) => newBlock(span.start, span.end));
      blocks = replaceRange(blocks, first, index - first + 1, fresh);
      index = first - 1;
    }
    if (blocks.length === 0 && text.length > 0) {
      blocks.push(newBlock(0, text.length));
    }
    this.blocks = blocks;
  }

  private analyzeDirty(text: string): void {
    let analyzed = 0;
    for (const block of this.blocks) {
      // A dirty block is a fresh one from resplitDirty or reset: it has nothing cached to clear.
      if (block.dirty || !block.findings) {
        const findings = this.analyze(text, block).findings;
        block.findings = findings.length === 0 ? NO_FINDINGS : findings;
        block.dirty = false;
        analyzed++;
      }
    }
    this.lastAnalyzedBlocks = analyzed;
    this.materialized = undefined;
    this.materializedErrors = undefined;
    // An edit marks the blocks it touches dirty before replacing them; blocks left in place keep their text.
    if (this.located?.block.dirty) {
      this.located = undefined;
    }
  }

  /** The block's analysis, offsets relative to its start. */
  private analyze(text: string, block: Block): DocumentAnalysis {
    return analyzeDocument(detachedSlice(text, block.start, block.end), 'http', this.matcher);
  }
}

/**
 * Every block is built here, as one literal with all its fields. Blocks made by spread
 * (`{ ...span, dirty: true }`) each got a V8 map of their own (seen on Node 20), so every loop
 * over tens of thousands of them went megamorphic: ~70 ms per keystroke on a 16 MB file, against
 * ~2 ms for the same loops over same-shaped blocks (scripts/bench).
 */
function newBlock(start: number, end: number): Block {
  return {
    start,
    end,
    dirty: true,
    findings: undefined,
    placedFindings: undefined,
    errors: undefined,
    placedErrors: undefined,
  };
}

/** Shared by every block without findings, which is most of them. */
const NO_FINDINGS: readonly Finding[] = [];

/** `own` (offsets relative to a block) in document offsets, reusing `previous` while the block has not moved. */
function placeAt<T>(own: readonly T[], base: number, previous: Placed<T> | undefined, shift: (item: T, delta: number) => T): Placed<T> {
  return previous?.base === base ? previous : { base, items: own.map((item) => shift(item, base)) };
}

/** `items` with `count` items at `start` replaced by `inserted`: in place when few are inserted. */
function replaceRange<T>(items: T[], start: number, count: number, inserted: readonly T[]): T[] {
  if (inserted.length <= 1024) {
    items.splice(start, count, ...inserted);
    return items;
  }
  // Spread into splice's arguments, a huge run (a pasted document) would overflow the stack.
  return [...items.slice(0, start), ...inserted, ...items.slice(start + count)];
}

/**
 * `text.slice` in V8 is a view that keeps the whole parent string alive, and an analysis keeps
 * slices of its block (URLs, masked bodies, line texts). Sliced straight from the document, each
 * re-analyzed block would pin that version of the document: one full copy per keystroke (16 MB
 * per edit on a 16 MB file, until the heap ran out; scripts/bench). Concatenating forces a copy of
 * the block alone, which is then all the analysis can keep.
 */
function detachedSlice(text: string, start: number, end: number): string {
  return (' ' + text.slice(start, end)).slice(1);
}

/**
 * A block's finding seen from where the block now starts. Every keystroke moves the findings of all
 * blocks after it, so this copies the few scalar fields and leaves the fixes (arrays of edits) to be
 * shifted only when something reads them, which is a code action on that finding, not a keystroke.
 * Copying the fixes eagerly took about two thirds of a keystroke on a 16 MB file (scripts/bench).
 */
class ShiftedFinding implements Finding {
  readonly code: Finding['code'];
  readonly severity: Finding['severity'];
  readonly start: number;
  readonly end: number;
  readonly args: Finding['args'];
  readonly preempts: string | undefined;
  readonly docs: string | undefined;
  private shiftedFixes: readonly FixSpec[] | undefined;

  constructor(
    private readonly original: Finding,
    private readonly delta: number,
  ) {
    this.code = original.code;
    this.severity = original.severity;
    this.start = original.start + delta;
    this.end = original.end + delta;
    this.args = original.args;
    this.preempts = original.preempts;
    this.docs = original.docs;
  }

  get fixes(): readonly FixSpec[] | undefined {
    const delta = this.delta;
    this.shiftedFixes ??= this.original.fixes?.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    }));
    return this.shiftedFixes;
  }
}

export function shiftFinding(finding: Finding, delta: number): Finding {
  return delta === 0 ? finding : new ShiftedFinding(finding, delta);
}
