/** Timing and summary helpers shared by every measurement. */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) {
    return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN, mean: NaN };
  }
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest-rank percentiles: no interpolation, so a reported value is one that was observed.
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  return {
    n: sorted.length,
    median: rank(0.5),
    p95: rank(0.95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
  };
}

/** Milliseconds from a monotonic clock, with sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

let gc: (() => void) | undefined;

/** A full GC, without asking for --expose-gc on the command line (tsx starts node for us). */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}

export const MB = 1024 * 1024;
