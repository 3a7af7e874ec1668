/**
 * The text already taken by bodies found earlier, asked "does one of them hold this node?" once per
 * candidate. Syntax-tree spans nest or stay apart, so only the outermost ones matter: they are kept
 * sorted and disjoint, and a question is a binary search, not a walk over every body of the file.
 */
import type { Span } from '../http/httpParser';
import { partitionPoint } from '../partitionPoint';

export class ClaimedSpans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  add(span: Span): void {
    if (this.covers(span.start, span.end)) {
      return;
    }
    // Spans the new one holds (or, never for tree nodes, overlaps) are folded into it.
    let first = this.indexAfter(span.start);
    if (first > 0 && this.ends[first - 1] > span.start) {
      first--;
    }
    let last = first;
    let start = span.start;
    let end = span.end;
    while (last < this.starts.length && this.starts[last] < span.end) {
      start = Math.min(start, this.starts[last]);
      end = Math.max(end, this.ends[last]);
      last++;
    }
    this.starts.splice(first, last - first, start);
    this.ends.splice(first, last - first, end);
  }

  covers(start: number, end: number): boolean {
    const index = this.indexAfter(start) - 1;
    return index >= 0 && this.ends[index] >= end;
  }

  /** The number of spans that start at or before `offset`. */
  private indexAfter(offset: number): number {
    return partitionPoint(this.starts, (start) => start <= offset);
  }
}
