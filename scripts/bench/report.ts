/** The printed table, the raw JSON in .bench/, and the change against the previous run. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Row {
  /** Stable id, used to compare with the previous run. */
  readonly key: string;
  readonly label: string;
  /** The number compared across runs (ours, or the measured value). */
  readonly value: number;
  readonly unit: string;
  readonly floor?: number;
  readonly peer?: number;
  /** ours / floor, peer / ours, or whatever the target is stated on. */
  readonly ratio?: number;
  readonly ratioLabel?: string;
  readonly target?: string;
  /** Undefined when there is no budget. */
  readonly met?: boolean;
}

export interface Section {
  readonly title: string;
  readonly rows: readonly Row[];
}

const format = (value: number | undefined, unit = '') => {
  if (value === undefined || Number.isNaN(value)) {
    return '';
  }
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
};

export function renderTable(sections: readonly Section[]): string {
  const header = ['metric', 'ours', 'floor', 'peer', 'ratio', 'target', 'status'];
  const lines: string[][] = [];
  const sectionStarts = new Map<number, string>();
  for (const section of sections) {
    sectionStarts.set(lines.length, section.title);
    for (const row of section.rows) {
      lines.push([
        row.label,
        format(row.value, row.unit),
        format(row.floor, row.floor === undefined ? '' : row.unit),
        format(row.peer, row.peer === undefined ? '' : row.unit),
        row.ratio === undefined ? '' : `${format(row.ratio)}× ${row.ratioLabel ?? ''}`.trim(),
        row.target ?? '',
        row.met === undefined ? '' : row.met ? 'met' : 'NOT MET',
      ]);
    }
  }
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' │ ');
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  const out = [render(header), rule];
  lines.forEach((line, index) => {
    const title = sectionStarts.get(index);
    if (title) {
      out.push(`▸ ${title}`);
    }
    out.push(render(line));
  });
  return out.join('\n');
}

export interface SavedRun {
  readonly timestamp: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly [other: string]: unknown;
}

/** Writes `.bench/results-<timestamp>.json` and `.bench/latest.json`; returns the previous latest, if any. */
export function saveRun(repo: string, run: SavedRun): { file: string; previous?: SavedRun } {
  const dir = join(repo, '.bench');
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, 'latest.json');
  let previous: SavedRun | undefined;
  if (existsSync(latest)) {
    try {
      previous = JSON.parse(readFileSync(latest, 'utf8')) as SavedRun;
    } catch {
      previous = undefined;
    }
  }
  const json = `${JSON.stringify(run, null, 2)}\n`;
  const file = join(dir, `results-${run.timestamp.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, json);
  writeFileSync(latest, json);
  return { file, previous };
}

/** Writes `.bench/<kind>-<timestamp>.json` for a partial run, leaving latest.json to full runs. */
export function saveExtraRun(repo: string, kind: string, run: SavedRun): string {
  const dir = join(repo, '.bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${run.timestamp.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  return file;
}

export function renderComparison(sections: readonly Section[], previous: SavedRun): string {
  const out = [`Change against ${previous.timestamp} (new / old; for times, below 1 is faster):`];
  for (const section of sections) {
    for (const row of section.rows) {
      const old = previous.metrics[row.key];
      if (old === undefined || old === 0 || Number.isNaN(old)) {
        continue;
      }
      const change = row.value / old;
      const flag = Math.abs(change - 1) >= 0.2 ? '  ◀' : '';
      out.push(`  ${row.label.padEnd(66)} ${format(old, row.unit).padStart(12)} → ${format(row.value, row.unit).padStart(12)}  ${change.toFixed(2)}×${flag}`);
    }
  }
  return out.join('\n');
}

export function metricsOf(sections: readonly Section[]): Record<string, number> {
  return Object.fromEntries(sections.flatMap((section) => section.rows.map((row) => [row.key, row.value])));
}
