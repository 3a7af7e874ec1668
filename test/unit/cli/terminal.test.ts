import * as assert from 'node:assert/strict';
import { colorsWanted } from '../../../src/cli/colors';
import { Progress, PROGRESS_THRESHOLD } from '../../../src/cli/progress';

describe('mde-api-lint on a terminal', () => {
  const tty = { isTTY: true, hasColors: () => true };
  const pipe = { isTTY: false };

  it('colours a terminal unless NO_COLOR or TERM=dumb; FORCE_COLOR colours a pipe and wins over NO_COLOR', () => {
    assert.equal(colorsWanted(tty, {}), true);
    assert.equal(colorsWanted(tty, { NO_COLOR: '1' }), false);
    assert.equal(colorsWanted(tty, { NO_COLOR: '' }), true);
    assert.equal(colorsWanted(tty, { TERM: 'dumb' }), false);
    assert.equal(colorsWanted({ isTTY: true, hasColors: () => false }, {}), false);
    assert.equal(colorsWanted(pipe, {}), false);
    assert.equal(colorsWanted(pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(colorsWanted(pipe, { FORCE_COLOR: '' }), true);
    assert.equal(colorsWanted(tty, { FORCE_COLOR: '0' }), false);
    assert.equal(colorsWanted(tty, { FORCE_COLOR: 'false' }), false);
    assert.equal(colorsWanted(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }), true);
  });

  function progressOutput(target: { isTTY: boolean }, total: number): string {
    let written = '';
    let clock = 0;
    const progress = new Progress({ ...target, write: (text: string) => (written += text) }, total, () => clock);
    for (let done = 0; done < total; done++) {
      clock += 30;
      progress.update(done);
    }
    progress.finish();
    return written;
  }

  it('shows progress on a terminal for more than a few hundred files, every 100 ms from the first 100 ms on, and clears it at the end', () => {
    const total = PROGRESS_THRESHOLD + 1;
    const written = progressOutput({ isTTY: true }, total);
    const updates = written.split('\r\u001b[K').filter(Boolean);
    assert.match(updates[0], new RegExp(`^Checking files: 3 of ${total}…$`));
    // 30 ms a file: a line every fourth file (120 ms), never two within 100 ms.
    assert.equal(updates.length, Math.floor(total / 4));
    assert.ok(written.endsWith('\r\u001b[K'));
  });

  it('shows none for a few hundred files or fewer, nor in a pipe', () => {
    assert.equal(progressOutput({ isTTY: true }, PROGRESS_THRESHOLD), '');
    assert.equal(progressOutput({ isTTY: false }, 5000), '');
  });
});
