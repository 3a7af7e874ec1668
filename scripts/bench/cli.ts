/**
 * The command line (`mde-api-lint`, dist/cli.js) over a large generated tree, beside the per-file
 * cost of the same analysis in process (what the server pays to analyse a document it opens):
 *  - the tree: the .http corpus cut into files of 1 to 8 requests (some wrapped as Markdown
 *    fences), in nested folders, with files the run must not read: other kinds, a gitignored folder
 *    and node_modules;
 *  - the CLI: `node dist/cli.js --format json --output …` from the tree's root, whole runs (process
 *    start, discovery, reading, analysis, report), after one unmeasured run that fills the file cache;
 *  - in process: analyzeDocument over the same texts, held in memory, first round (cold, as in a
 *    fresh process) and steady state.
 * Runs alone with `npx tsx scripts/bench/cli.ts` (on a production build in a scratch folder), or as part of `npm run bench`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { catalogMatcher } from '../../src/core/catalog/catalog';
import { languageIdOfPath } from '../../src/core/languages';
import { analyzeDocument, documentKindOf } from '../../src/core/requests/requestAnalyzer';
import { generateHttpCorpus } from './corpus';
import { Random } from './random';
import { renderTable, type Section } from './report';
import { buildBundles } from './size';
import { MB, nowMs, summarize, type Summary } from './stats';

export interface CliTree {
  readonly root: string;
  /** Files the CLI checks, relative to the root. */
  readonly checked: readonly string[];
  readonly checkedBytes: number;
  /** Files it must pass over: other kinds, gitignored, under node_modules. */
  readonly passedOver: number;
}

export interface CliResult {
  readonly files: number;
  readonly passedOver: number;
  readonly megabytes: number;
  readonly findings: number;
  /** Whole runs, ms. */
  readonly run: Summary;
  /** `--version`: process start and bundle load, ms. */
  readonly startup: Summary;
  /** analyzeDocument over every file in process, ms: the first round, and the steady state after it. */
  readonly inProcessFirst: number;
  readonly inProcess: Summary;
  readonly cliFilesPerSecond: number;
  readonly inProcessFilesPerSecond: number;
  readonly inProcessMsPerFile: number;
  /** What the CLI pays per file beyond the analysis, start-up left out. */
  readonly overheadMsPerFile: number;
}

export function generateCliTree(targetChars: number, seed: number): CliTree {
  const random = new Random(seed);
  const root = mkdtempSync(join(tmpdir(), 'mde-bench-cli-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const corpus = generateHttpCorpus(targetChars, seed);
  const blocks = corpus.text.split(/^(?=###)/m).slice(1);
  const checked: string[] = [];
  let checkedBytes = 0;
  let passedOver = 0;
  // A repository: its .gitignore hides one folder.
  mkdirSync(join(root, '.git'));
  write('.gitignore', 'generated/\n');
  for (let start = 0, index = 0; start < blocks.length; index++) {
    const count = random.int(1, 8);
    const text = blocks.slice(start, start + count).join('');
    start += count;
    const folder = `area${index % 10}/team${Math.floor(index / 10) % 10}/set${Math.floor(index / 100) % 5}`;
    const markdown = random.chance(0.15);
    const path = `${folder}/requests${index}.${markdown ? 'md' : 'http'}`;
    const content = markdown ? `# Requests ${index}\n\nNotes before the fence.\n\n\`\`\`http\n${text}\`\`\`\n` : text;
    write(path, content);
    checked.push(path);
    checkedBytes += Buffer.byteLength(content);
    // For every checked file, one the run must pass over.
    const decoy = random.int(0, 2);
    write(decoy === 0 ? `${folder}/notes${index}.txt` : decoy === 1 ? `generated/${folder}/requests${index}.http` : `node_modules/pkg${index % 20}/requests${index}.http`, text);
    passedOver++;
  }
  return { root, checked, checkedBytes, passedOver };
}

export function measureCli(cliPath: string, options: { targetChars: number; seed: number; runs: number }): CliResult {
  const tree = generateCliTree(options.targetChars, options.seed);
  try {
    const output = join(tree.root, '..', `${tree.root.split(/[\\/]/).pop()}-report.json`);
    const runOnce = (): number => {
      const started = nowMs();
      const result = spawnSync(process.execPath, [cliPath, '--format', 'json', '--output', output], { cwd: tree.root, encoding: 'utf8' });
      const elapsed = nowMs() - started;
      if (result.status !== 0 && result.status !== 1) {
        throw new Error(`mde-api-lint failed (${result.status}): ${result.stderr}`);
      }
      return elapsed;
    };
    runOnce();
    const report = JSON.parse(readFileSync(output, 'utf8')) as { files: { path: string; problems: unknown[] }[] };
    rmSync(output, { force: true });
    if (report.files.length !== tree.checked.length) {
      throw new Error(`mde-api-lint checked ${report.files.length} files, the tree has ${tree.checked.length}`);
    }
    const findings = report.files.reduce((sum, file) => sum + file.problems.length, 0);
    const runs = Array.from({ length: options.runs }, runOnce);
    rmSync(output, { force: true });
    const startup = Array.from({ length: 5 }, () => {
      const started = nowMs();
      execFileSync(process.execPath, [cliPath, '--version']);
      return nowMs() - started;
    });

    const documents = tree.checked.map((path) => ({ text: readFileSync(join(tree.root, path), 'utf8'), kind: documentKindOf(languageIdOfPath(path)!) }));
    const round = (): number => {
      const started = nowMs();
      let count = 0;
      for (const document of documents) {
        count += analyzeDocument(document.text, document.kind, catalogMatcher).findings.length;
      }
      const elapsed = nowMs() - started;
      if (count !== findings) {
        throw new Error(`in process: ${count} findings, the CLI: ${findings}`);
      }
      return elapsed;
    };
    const inProcessFirst = round();
    const inProcess = summarize(Array.from({ length: 5 }, round));
    const run = summarize(runs);
    const startupSummary = summarize(startup);
    const files = tree.checked.length;
    return {
      files,
      passedOver: tree.passedOver,
      megabytes: tree.checkedBytes / MB,
      findings,
      run,
      startup: startupSummary,
      inProcessFirst,
      inProcess,
      cliFilesPerSecond: files / (run.median / 1000),
      inProcessFilesPerSecond: files / (inProcess.median / 1000),
      inProcessMsPerFile: inProcess.median / files,
      overheadMsPerFile: (run.median - startupSummary.median - inProcessFirst) / files,
    };
  } finally {
    rmSync(tree.root, { recursive: true, force: true });
  }
}

export function cliSection(result: CliResult): Section {
  return {
    title: `Command line over a generated tree: ${result.files} files checked (${result.megabytes.toFixed(1)} MB, ${result.findings} findings), ${result.passedOver} passed over`,
    rows: [
      { key: 'cli.run', label: 'mde-api-lint, whole run, median', value: result.run.median, unit: 'ms' },
      { key: 'cli.filesPerSecond', label: 'mde-api-lint files per second', value: result.cliFilesPerSecond, unit: 'files/s' },
      { key: 'cli.startup', label: 'mde-api-lint --version (start-up alone)', value: result.startup.median, unit: 'ms' },
      { key: 'cli.inProcessFirst', label: 'analysis in process, first round (cold)', value: result.inProcessFirst, unit: 'ms' },
      { key: 'cli.inProcessFilesPerSecond', label: 'analysis in process, steady state: files per second', value: result.inProcessFilesPerSecond, unit: 'files/s' },
      { key: 'cli.inProcessMsPerFile', label: 'analysis per file in process (the server’s cost), steady state', value: result.inProcessMsPerFile, unit: 'ms' },
      { key: 'cli.overheadMsPerFile', label: 'CLI per file beyond start-up and a cold analysis', value: result.overheadMsPerFile, unit: 'ms' },
    ],
  };
}

export function renderCli(result: CliResult): string {
  return renderTable([cliSection(result)]);
}

// `npx tsx scripts/bench/cli.ts`: this section alone, against a production build of the current source.
if (require.main === module) {
  const builds = buildBundles(join(__dirname, '../..'));
  try {
    const result = measureCli(join(builds.production.dir, 'dist', 'cli.js'), { targetChars: 8 * MB, seed: 20261126, runs: 3 });
    console.log(renderCli(result));
    console.log(JSON.stringify(result, null, 2));
  } finally {
    builds.dispose();
  }
}
