/**
 * Keeps the analysis of an .http document block by block, so an edit re-validates only the
 * `###` blocks it touches: the rest is reused and merely shifted.
 */
import type { OperationMatcher } from '../catalog/operationMatcher';
import type { Finding } from '../findings';
import { splitBlocks, type Span } from '../http/httpParser';
import { analyzeDocument, type DocumentAnalysis } from './requestAnalyzer';

/** A replacement of [start, end) by `newLength` characters, in the text as it was before it. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly newLength: number;
}

interface Block {
  start: number;
  end: number;
  dirty: boolean;
  /** Offsets relative to `start`. */
  analysis?: DocumentAnalysis;
}

/** An analysis and the document offset its own offsets count from. */
export interface LocatedAnalysis {
  readonly analysis: DocumentAnalysis;
  readonly base: number;
}

export class IncrementalHttpAnalysis {
  private blocks: Block[] = [];
  private materialized: Finding[] | undefined;
  /** How many blocks the last reset or update analyzed: what an edit cost. */
  lastAnalyzedBlocks = 0;

  constructor(private readonly matcher: OperationMatcher) {}

  reset(text: string): void {
    this.blocks = splitBlocks(text).map((span) => ({ ...span, dirty: true }));
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
    this.materialized ??= this.blocks.flatMap((block) => (block.analysis?.findings ?? []).map((finding) => shiftFinding(finding, block.start)));
    return this.materialized;
  }

  /** The analysis of the block that holds `offset`. */
  locate(offset: number): LocatedAnalysis | undefined {
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
        return block.analysis ? { analysis: block.analysis, base: block.start } : undefined;
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
      this.blocks.push({ start: 0, end: change.newLength, dirty: true });
    }
  }

  /** Re-splits each run of dirty blocks, widened by one block before it, whose separator the edit may have changed. */
  private resplitDirty(text: string): void {
    const result: Block[] = [];
    let index = 0;
    while (index < this.blocks.length) {
      const block = this.blocks[index];
      if (!block.dirty) {
        result.push(block);
        index++;
        continue;
      }
      let runEnd = index;
      while (runEnd + 1 < this.blocks.length && this.blocks[runEnd + 1].dirty) {
        runEnd++;
      }
      const previous = result.pop();
      const region: Span = { start: previous ? previous.start : block.start, end: this.blocks[runEnd].end };
      for (const span of splitBlocks(text, region)) {
        result.push({ ...span, dirty: true });
      }
      index = runEnd + 1;
    }
    if (result.length === 0 && text.length > 0) {
      result.push({ start: 0, end: text.length, dirty: true });
    }
    this.blocks = result.filter((candidate) => candidate.end > candidate.start);
  }

  private analyzeDirty(text: string): void {
    let analyzed = 0;
    for (const block of this.blocks) {
      if (block.dirty || !block.analysis) {
        block.analysis = analyzeDocument(text.slice(block.start, block.end), 'http', this.matcher);
        block.dirty = false;
        analyzed++;
      }
    }
    this.lastAnalyzedBlocks = analyzed;
    this.materialized = undefined;
  }
}

export function shiftFinding(finding: Finding, delta: number): Finding {
  if (delta === 0) {
    return finding;
  }
  return {
    ...finding,
    start: finding.start + delta,
    end: finding.end + delta,
    fixes: finding.fixes?.map((fix) => ({
      ...fix,
      edits: fix.edits.map((edit) => ({ ...edit, start: edit.start + delta, end: edit.end + delta })),
    })),
  };
}
