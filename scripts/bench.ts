/**
 * `npm run bench`: performance of the validator, the editing path, the language server and the
 * bundles, all measured in one run so the ratios compare like with like. Prints a table, writes
 * the raw numbers to .bench/, and shows the change against the previous run.
 */
import { join } from 'node:path';
import { generateHttpCorpus, generateLogCorpus, jsonOperations, type HttpCorpus } from './bench/corpus';
import { measureEditing } from './bench/editing';
import { describeMachine } from './bench/machine';
import { metricsOf, renderComparison, renderTable, saveRun, saveExtraRun } from './bench/report';
import { measureRoundTrips, measureStartup } from './bench/roundTrips';
import { buildSections, openSection, recommendMaxFileSize, type Results } from './bench/sections';
import { measureActivation } from './bench/activation';
import { measureCli, renderCli } from './bench/cli';
import { measurePlaybooks, renderPlaybooks } from './bench/playbooks';
import { measureScripts, renderScripts, scriptMetrics } from './bench/scripts';
import { measureOpen } from './bench/open';
import { buildBundles, measureSizes, packageVsix } from './bench/size';
import { MB, nowMs } from './bench/stats';
import { createPeer, measureStages, measureThroughput } from './bench/throughput';
import { defaultSettings } from '../src/core/settings';

const REPO = join(__dirname, '..');
const SEED = 20261126;
const SIZES_MB = [1, 4, 16];
/** Timed rounds; each round measures every size once, both ways (see measureThroughput). */
const THROUGHPUT = { warmupRounds: 10, rounds: 8, afterCollectionRounds: 7 };
/** The headline: a 4 MB file opened through the server, cold and warm, in fresh servers each round. */
const OPEN = { sizeMB: 4, rounds: 7, warmPerRound: 3 };
/** `npm run bench -- --open-only`: the headline section alone, to iterate on it (a minute or two). */
const OPEN_ONLY = process.argv.includes('--open-only');
/** `npm run bench -- --scripts-only`: the script languages through the server alone. */
const SCRIPTS_ONLY = process.argv.includes('--scripts-only');
/** Fresh installs of the .vsix, each started several times: the first start writes the code caches. */
const ACTIVATION = { installs: 3, startsPerInstall: 4 };

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const started = nowMs();
  const machine = describeMachine();
  console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB.toFixed(1)} GB, node ${machine.node}, ${machine.platform}`);
  console.log(`Load average (1 min) at start: ${machine.loadAverage.toFixed(2)}`);

  log('building dev and production bundles into a scratch folder…');
  const builds = buildBundles(REPO);
  try {
    log('generating corpora…');
    const corpora = new Map<number, HttpCorpus>(SIZES_MB.map((sizeMB) => [sizeMB, generateHttpCorpus(sizeMB * MB, SEED + sizeMB)]));
    // Every document opened in one server has content of its own; the first is the throughput corpus of that size.
    const openCorpora = [
      corpora.get(OPEN.sizeMB) ?? generateHttpCorpus(OPEN.sizeMB * MB, SEED + OPEN.sizeMB),
      ...Array.from({ length: 2 + OPEN.warmPerRound }, (_, index) => generateHttpCorpus(OPEN.sizeMB * MB, SEED + OPEN.sizeMB + 1000 * (index + 1))),
    ];
    const measureOpenSection = () => {
      log(`open → diagnostics through the server, ${OPEN.rounds} rounds of cold and warm ${OPEN.sizeMB} MB files…`);
      return measureOpen(openCorpora, OPEN.sizeMB, {
        serverPath: builds.production.serverJs,
        codeCacheDir: join(builds.root, 'open-code-cache'),
        rounds: OPEN.rounds,
        warmPerRound: OPEN.warmPerRound,
      });
    };
    if (OPEN_ONLY) {
      const open = await measureOpenSection();
      const section = openSection(open);
      console.log(renderTable([section]));
      const endLoad = describeMachine().loadAverage;
      console.log(`Load average (1 min) at end: ${endLoad.toFixed(2)}. Total bench time ${((nowMs() - started) / 1000).toFixed(0)} s.`);
      const file = saveExtraRun(REPO, 'open', { timestamp: new Date().toISOString(), machine: { ...machine, loadAverageAtEnd: endLoad }, seed: SEED, metrics: metricsOf([section]), results: { open } });
      console.log(`Raw results: ${file}`);
      return;
    }
    const measureScriptsSection = () => {
      log('1 MB scripts through the server, unrelated and full of requests, per language…');
      return measureScripts(builds.production.serverJs, SEED);
    };
    if (SCRIPTS_ONLY) {
      const scripts = await measureScriptsSection();
      console.log(renderScripts(scripts));
      const endLoad = describeMachine().loadAverage;
      console.log(`Load average (1 min) at end: ${endLoad.toFixed(2)}. Total bench time ${((nowMs() - started) / 1000).toFixed(0)} s.`);
      const file = saveExtraRun(REPO, 'scripts', { timestamp: new Date().toISOString(), machine: { ...machine, loadAverageAtEnd: endLoad }, seed: SEED, metrics: scriptMetrics(scripts), results: { scripts } });
      console.log(`Raw results: ${file}`);
      return;
    }
    const logCorpus = generateLogCorpus(50 * MB, SEED);
    const missing = jsonOperations.filter((operation) => !corpora.get(1)!.bodiesByOperation[operation.id]);
    if (missing.length > 0) {
      throw new Error(`the 1 MB corpus lacks ${missing.map((operation) => operation.id).join(', ')}`);
    }

    log(`throughput, ${THROUGHPUT.rounds} rounds of ${SIZES_MB.join(' + ')} MB…`);
    const throughput = await measureThroughput(
      SIZES_MB.map((sizeMB) => ({ corpus: corpora.get(sizeMB)!, sizeMB })),
      createPeer(),
      THROUGHPUT,
    );
    log('stage breakdown…');
    const stagesSizeMB = 4;
    const stages = await measureStages(corpora.get(stagesSizeMB)!, { warmup: 3, runs: 7 });
    log('editing…');
    const editing = measureEditing(corpora.get(16)!.text, 200, SEED);
    log('packaging the .vsix…');
    const vsix = packageVsix(REPO, builds.production);
    const sizes = measureSizes(builds, vsix);
    log('server start-up…');
    const codeCacheDir = join(builds.root, 'server-code-cache');
    const startup = await measureStartup(
      [
        { name: 'minimal', serverPath: join(REPO, 'scripts/bench/minimalServer.cjs'), expect: 'none' },
        { name: 'production', serverPath: builds.production.serverJs, expect: 'source' },
        { name: 'productionCached', serverPath: builds.production.serverJs, codeCacheDir, expect: 'cache' },
        { name: 'dev', serverPath: builds.dev.serverJs, expect: 'source' },
      ],
      9,
    );
    const open = await measureOpenSection();
    log('server round trips…');
    const roundTrips = await measureRoundTrips(builds.production.serverJs, corpora.get(4)!, corpora.get(16)!, logCorpus, SEED);
    log('a 5 MB ARM playbook through the server…');
    const playbooks = await measurePlaybooks(builds.production.serverJs, SEED);
    const scripts = await measureScriptsSection();
    log('command line over a generated tree…');
    const cli = measureCli(join(builds.production.dir, 'dist', 'cli.js'), { targetChars: 8 * MB, seed: SEED, runs: 3 });

    log(`client activation in VS Code, ${ACTIVATION.installs} installs × ${ACTIVATION.startsPerInstall} starts…`);
    const activation = await measureActivation(REPO, vsix, ACTIVATION.installs, ACTIVATION.startsPerInstall).catch((error: unknown) => {
      // It needs the integration runner (npm run test:setup); everything else does not.
      log(`client activation not measured: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    const results: Results = { open, throughput, stages, stagesSizeMB, editing, sizes, startup, roundTrips, activation };
    const sections = buildSections(results);
    const recommendation = recommendMaxFileSize(results, defaultSettings.maxFileSizeMB);
    const endLoad = describeMachine().loadAverage;

    console.log('');
    console.log(
      'Headline rows: floor = jsonc-parser parseTree of the same bodies in process + transport (the same open in a server with validation off). Below: ours = analyzeDocument (split, parse, validate); floor = jsonc-parser parseTree of the same bodies; peer = vscode-json-languageservice parse + doValidation against generated schemas.',
    );
    console.log(renderTable(sections));
    console.log(renderCli(cli));
    console.log('');
    console.log(renderPlaybooks(playbooks));
    console.log('');
    console.log(renderScripts(scripts));
    console.log('');
    const corpusLine = throughput.map(
      (result) =>
        `${result.sizeMB} MB: ${result.requests} requests, ${result.bodies} bodies (${((100 * result.bodyChars) / result.chars).toFixed(0)}% of the text), ${result.findings} findings (peer: ${result.peerDiagnostics} diagnostics)`,
    );
    console.log(`Corpus (seed ${SEED}): ${corpusLine.join('; ')}.`);
    console.log('');
    console.log('mdeApi.maxFileSizeMB:');
    console.log(recommendation.text);
    console.log('');
    console.log(`Load average (1 min) at end: ${endLoad.toFixed(2)}. Total bench time ${((nowMs() - started) / 1000).toFixed(0)} s.`);

    const timestamp = new Date().toISOString();
    const { file, previous } = saveRun(REPO, {
      timestamp,
      machine: { ...machine, loadAverageAtEnd: endLoad },
      seed: SEED,
      metrics: metricsOf(sections),
      recommendation,
      playbooks,
      scripts,
      results: {
        ...results,
        corpora: [...corpora.values()].map(({ text, ...rest }) => ({ chars: text.length, ...rest, bodyKeyOffsets: undefined, requestLineOffsets: undefined, errorCodeOffsets: undefined })),
      },
    });
    console.log(`Raw results: ${file} (and .bench/latest.json)`);
    if (previous) {
      console.log('');
      console.log(renderComparison(sections, previous));
    }
  } finally {
    builds.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
