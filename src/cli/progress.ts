/** A progress line on the standard error, only on a terminal and only for runs of more than a few hundred files. */
import { t } from '../shared/language';

export interface ProgressTarget {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

/** Runs up to this many files show no progress: they are over before one would be read. */
export const PROGRESS_THRESHOLD = 300;
const INTERVAL_MS = 100;

export class Progress {
  private readonly active: boolean;
  private last = 0;
  private shown = false;

  constructor(
    private readonly target: ProgressTarget,
    private readonly total: number,
    private readonly now: () => number = Date.now,
  ) {
    this.active = target.isTTY === true && total > PROGRESS_THRESHOLD;
    // The first line appears after one interval: a run over by then shows none.
    this.last = now();
  }

  update(done: number): void {
    if (!this.active || this.now() - this.last < INTERVAL_MS) {
      return;
    }
    this.last = this.now();
    this.shown = true;
    this.target.write(`\r\u001b[K${t('Checking files: {done} of {total}…', { done, total: this.total })}`);
  }

  finish(): void {
    if (this.shown) {
      this.target.write('\r\u001b[K');
    }
  }
}
