/** Turns the measurements into table rows with their budgets, and the maxFileSizeMB advice. */
import type { ActivationResult } from './activation';
import type { EditingResult } from './editing';
import type { OpenResult } from './open';
import type { Section } from './report';
import type { RoundTripResult, StartupResult } from './roundTrips';
import type { SizeResult } from './size';
import type { Summary } from './stats';
import type { StageBreakdown, ThroughputResult } from './throughput';

export interface Results {
  readonly open: OpenResult;
  readonly throughput: readonly ThroughputResult[];
  readonly stages: StageBreakdown;
  readonly stagesSizeMB: number;
  readonly editing: EditingResult;
  readonly sizes: SizeResult;
  readonly startup: Readonly<Record<'minimal' | 'production' | 'productionCached' | 'dev', StartupResult>>;
  readonly roundTrips: RoundTripResult;
  /** Absent when VS Code could not be started (the integration runner is not set up). */
  readonly activation?: ActivationResult;
}

export const BUDGETS = {
  openWarmOverBase: 2,
  openColdOverBase: 4,
  oursOverFloor: 1.5,
  peerOverOurs: 5,
  scalingGrowth: 1.3,
  editMedianMs: 5,
  initializeMs: 150,
  activationMs: 50,
  requestP95Ms: 10,
  logFirstHoverMs: 1000,
  // The script grammars, Tree-sitter WebAssembly files, take most of it.
  vsixKB: 3 * 1024,
  fullValidationMs: 500,
};

/** A row whose budget is a time in ms it must not exceed. */
function withinMs(key: string, label: string, value: number, budgetMs: number): Section['rows'][number] {
  return { key, label, value, unit: 'ms', target: `≤ ${budgetMs} ms`, met: value <= budgetMs };
}

/** Median and the range over the rounds, for labels. */
const range = (summary: Summary, digits = 0) => `${summary.min.toFixed(digits)}–${summary.max.toFixed(digits)}`;

/**
 * The headline: opening a document through the server, cold and warm, against what no server
 * can avoid (parsing the bodies and moving the text), all from the same rounds.
 */
export function openSection(open: OpenResult): Section {
  const base = (transport: Summary) => open.floor.median + transport.median;
  return {
    title: `Headline: open a ${open.sizeMB} MB .http file → its diagnostics, through node dist/server.js --stdio (production, code cache), ${open.cold.n} rounds`,
    rows: [
      {
        key: 'open.warm',
        label: `warm (after three such files): didOpen → diagnostics, median (${range(open.warm)} ms)`,
        value: open.warm.median,
        unit: 'ms',
        floor: base(open.transportWarm),
        ratio: open.warmOverBase.median,
        ratioLabel: `warm/(floor+transport), rounds ${range(open.warmOverBase, 2)}`,
        target: `≤ ${BUDGETS.openWarmOverBase}×`,
        met: open.warmOverBase.median <= BUDGETS.openWarmOverBase,
      },
      {
        key: 'open.cold',
        label: `cold (first file after initialize): didOpen → diagnostics, median (${range(open.cold)} ms)`,
        value: open.cold.median,
        unit: 'ms',
        floor: base(open.transportCold),
        ratio: open.coldOverBase.median,
        ratioLabel: `cold/(floor+transport), rounds ${range(open.coldOverBase, 2)}`,
        target: `≤ ${BUDGETS.openColdOverBase}×`,
        met: open.coldOverBase.median <= BUDGETS.openColdOverBase,
      },
      { key: 'open.transport.warm', label: `  transport (validation off), warm: median (${range(open.transportWarm)} ms)`, value: open.transportWarm.median, unit: 'ms' },
      { key: 'open.transport.cold', label: `  transport (validation off), cold: median (${range(open.transportCold)} ms)`, value: open.transportCold.median, unit: 'ms' },
      { key: 'open.floor', label: '  floor: bare jsonc-parser parse of the same bodies, in process, steady state', value: open.floor.median, unit: 'ms' },
      {
        key: 'open.inProcess',
        label: '  in process: the server\'s open path (analysis + LSP diagnostics), steady state',
        value: open.inProcess.median,
        unit: 'ms',
        floor: open.floor.median,
        ratio: open.inProcess.median / open.floor.median,
        ratioLabel: 'in process/floor',
      },
      {
        key: 'open.warm.mainThreadCpu',
        label: `  server main-thread CPU, warm open (all threads ${open.warmProcessCpu.median.toFixed(0)} ms; validation off ${open.transportWarmMainThreadCpu.median.toFixed(0)} ms)`,
        value: open.warmMainThreadCpu.median,
        unit: 'ms',
      },
      {
        key: 'open.cold.mainThreadCpu',
        label: `  server main-thread CPU, cold open (all threads ${open.coldProcessCpu.median.toFixed(0)} ms; validation off ${open.transportColdMainThreadCpu.median.toFixed(0)} ms)`,
        value: open.coldMainThreadCpu.median,
        unit: 'ms',
      },
    ],
  };
}

export function buildSections(results: Results): Section[] {
  const { throughput, stages, editing, sizes, startup, roundTrips, activation } = results;
  const sections: Section[] = [openSection(results.open)];

  sections.push({
    title: 'Throughput: full-document validation in steady state (MB of the whole .http document per second)',
    rows: throughput.flatMap((result) => [
      {
        key: `throughput.${result.sizeMB}MB.MBps`,
        label: `${result.sizeMB} MB: MB/s (ours vs floor)`,
        value: result.oursMBps,
        unit: 'MB/s',
        floor: result.floorMBps,
        peer: result.peerMBps,
        ratio: result.oursOverFloor,
        ratioLabel: 'ours/floor',
        target: `≤ ${BUDGETS.oursOverFloor}×`,
        met: result.oursOverFloor <= BUDGETS.oursOverFloor,
      },
      {
        key: `throughput.${result.sizeMB}MB.peerOverOurs`,
        label: `${result.sizeMB} MB: median time (peer vs ours)`,
        value: result.ours.median,
        unit: 'ms',
        floor: result.floor.median,
        peer: result.peer.median,
        ratio: result.peerOverOurs,
        ratioLabel: 'peer/ours',
        target: `≥ ${BUDGETS.peerOverOurs}×`,
        met: result.peerOverOurs >= BUDGETS.peerOverOurs,
      },
      {
        key: `throughput.${result.sizeMB}MB.p95`,
        label: `${result.sizeMB} MB: p95 time`,
        value: result.ours.p95,
        unit: 'ms',
        floor: result.floor.p95,
        peer: result.peer.p95,
      },
      {
        key: `throughput.${result.sizeMB}MB.afterCollection`,
        label: `${result.sizeMB} MB: median time right after a forced full collection (not judged)`,
        value: result.afterCollection.ours.median,
        unit: 'ms',
        floor: result.afterCollection.floor.median,
        peer: result.afterCollection.peer.median,
        ratio: result.afterCollection.oursOverFloor,
        ratioLabel: 'ours/floor',
      },
    ]),
  });

  sections.push({
    title: `Where our time goes (${results.stagesSizeMB} MB, each stage run alone, steady state, median)`,
    rows: Object.entries(stages.stages).map(([stage, ms]) => ({
      key: `stages.${stage}`,
      label: `${stage} (${((100 * ms) / stages.full).toFixed(0)}%)`,
      value: ms,
      unit: 'ms',
    })),
  });

  const perMB = throughput.map((result) => result.oursPerMBms);
  const peerPerMB = throughput.map((result) => result.peer.median / (result.chars / (1024 * 1024)));
  const spread = Math.max(...perMB) / Math.min(...perMB);
  // Linear means the largest document costs no more per MB than the smallest; cheaper is fine.
  const growth = perMB[perMB.length - 1] / perMB[0];
  sections.push({
    title: 'Scaling: cost per MB should not grow with size',
    rows: [
      ...throughput.map((result) => ({
        key: `scaling.${result.sizeMB}MB.msPerMB`,
        label: `${result.sizeMB} MB: ms per MB`,
        value: result.oursPerMBms,
        unit: 'ms/MB',
        floor: result.floorPerMBms,
        peer: peerPerMB[throughput.indexOf(result)],
      })),
      {
        key: 'scaling.growth',
        label: `ms per MB at ${throughput[throughput.length - 1].sizeMB} MB / at ${throughput[0].sizeMB} MB`,
        value: growth,
        unit: '×',
        // The floor is linear by construction: what it shows is this machine's heap at that size.
        floor: throughput[throughput.length - 1].floorPerMBms / throughput[0].floorPerMBms,
        peer: peerPerMB[peerPerMB.length - 1] / peerPerMB[0],
        target: `≤ ${BUDGETS.scalingGrowth}×`,
        met: growth <= BUDGETS.scalingGrowth,
      },
      { key: 'scaling.spread', label: 'largest / smallest ms per MB (ours)', value: spread, unit: '×' },
    ],
  });

  sections.push({
    title: `Editing in process: IncrementalHttpAnalysis, ${(editing.chars / (1024 * 1024)).toFixed(0)} MB, ${editing.edits} one-character edits`,
    rows: [
      { key: 'editing.reset', label: 'reset + findings() (once)', value: editing.resetMs, unit: 'ms' },
      withinMs('editing.median', 'update + findings() on the flat text: median', editing.perEdit.median, BUDGETS.editMedianMs),
      { key: 'editing.p95', label: 'update + findings() on the flat text: p95', value: editing.perEdit.p95, unit: 'ms' },
      { key: 'editing.flatten.median', label: 'flattening the edited text (V8 rope copy): median', value: editing.flatten.median, unit: 'ms' },
      { key: 'editing.withFlatten.median', label: 'flatten + update + findings(): median', value: editing.withFlatten.median, unit: 'ms' },
      { key: 'editing.withFlatten.p95', label: 'flatten + update + findings(): p95', value: editing.withFlatten.p95, unit: 'ms' },
      { key: 'editing.update.median', label: '  of which update: median', value: editing.update.median, unit: 'ms' },
      { key: 'editing.findings.median', label: '  of which findings(): median', value: editing.findings.median, unit: 'ms' },
      { key: 'editing.blocks.median', label: 'blocks re-analyzed per edit: median', value: editing.analyzedBlocks.median, unit: '' },
      { key: 'editing.errors.median', label: 'error responses for code lenses after an edit, block by block: median', value: editing.errors.median, unit: 'ms' },
      {
        key: 'editing.errorsWholeText.median',
        label: '  the same by searching the whole text (as before): median',
        value: editing.errorsWholeText.median,
        unit: 'ms',
      },
    ],
  });

  const rt = roundTrips;
  const p95Row = (key: string, label: string, value: number) => withinMs(key, label, value, BUDGETS.requestP95Ms);

  sections.push({
    title: 'Language server round trips (node server.js --stdio, production build, client-side timing)',
    rows: [
      withinMs('server.initialize.cached', 'spawn → initialize result (production, code cache, as VS Code starts it): median', startup.productionCached.initialize.median, BUDGETS.initializeMs),
      { key: 'server.initialize.cached.p95', label: 'spawn → initialize result (production, code cache): p95', value: startup.productionCached.initialize.p95, unit: 'ms' },
      {
        key: 'server.initialize.minimal',
        label: 'spawn → initialize result of a minimal Node server (the floor): median',
        value: startup.minimal.initialize.median,
        unit: 'ms',
        floor: startup.minimal.initialize.median,
        ratio: startup.productionCached.initialize.median / startup.minimal.initialize.median,
        ratioLabel: 'ours (cached)/floor',
      },
      withinMs('server.initialize.production', 'spawn → initialize result (production, no cache: first start, or --stdio): median', startup.production.initialize.median, BUDGETS.initializeMs),
      { key: 'server.initialize.dev', label: 'spawn → initialize result (dev build): median', value: startup.dev.initialize.median, unit: 'ms' },
      { key: 'server.open4.diagnostics', label: `4 MB .http didOpen → diagnostics (${rt.open4MB.diagnostics})`, value: rt.open4MB.toDiagnosticsMs, unit: 'ms' },
      p95Row('server.hover.p95', `hover p95 (${rt.hover.all.n} requests, ${rt.hover.nonEmpty} non-empty)`, rt.hover.all.p95),
      { key: 'server.hover.median', label: 'hover median', value: rt.hover.all.median, unit: 'ms' },
      { key: 'server.hover.bodyKey.p95', label: '  hover p95 on body keys', value: rt.hover.bodyKey.p95, unit: 'ms' },
      { key: 'server.hover.requestLine.p95', label: '  hover p95 on request lines', value: rt.hover.requestLine.p95, unit: 'ms' },
      { key: 'server.hover.errorCode.p95', label: '  hover p95 on pasted error codes', value: rt.hover.errorCode.p95, unit: 'ms' },
      p95Row('server.codeAction.p95', `code action p95, no 'only' (${rt.codeAction.actionsPerRequest.toFixed(0)} actions each)`, rt.codeAction.all.p95),
      { key: 'server.codeAction.median', label: 'code action median, no only', value: rt.codeAction.all.median, unit: 'ms' },
      { key: 'server.codeAction.quickfix.p95', label: "code action p95, only: ['quickfix']", value: rt.codeAction.quickFixOnly.p95, unit: 'ms' },
      { key: 'server.open16.diagnostics', label: `16 MB .http didOpen → diagnostics (${rt.open16MB.diagnostics})`, value: rt.open16MB.toDiagnosticsMs, unit: 'ms' },
      { key: 'server.typing16.changeThenHover', label: '16 MB: didChange + hover round trip, median', value: rt.typing16MB.changeThenHover.median, unit: 'ms' },
      { key: 'server.typing16.changeThenHover.p95', label: '16 MB: didChange + hover round trip, p95', value: rt.typing16MB.changeThenHover.p95, unit: 'ms' },
      { key: 'server.typing16.hoverAlone', label: '16 MB: same hover alone, median', value: rt.typing16MB.hoverAlone.median, unit: 'ms' },
      {
        key: 'server.typing16.diagnostics',
        label: '16 MB: didChange → diagnostics − 150 ms debounce, median',
        value: rt.typing16MB.changeToDiagnosticsLessDebounce.median,
        unit: 'ms',
      },
      { key: 'server.log.open', label: '50 MB .log didOpen (+ a request behind it)', value: rt.log50MB.openMs, unit: 'ms' },
      withinMs('server.log.firstHoverEnd', '50 MB .log first hover, error code near the end', rt.log50MB.firstHoverNearEndMs, BUDGETS.logFirstHoverMs),
      withinMs('server.log.firstHoverStart', '50 MB .log first hover, error code near the start', rt.log50MB.firstHoverNearStartMs, BUDGETS.logFirstHoverMs),
      { key: 'server.log.nextHoverStart', label: '50 MB .log next hover, near the start', value: rt.log50MB.thenHoverNearStartMs, unit: 'ms' },
      { key: 'server.log.nextHoverEnd', label: '50 MB .log next hover, near the end', value: rt.log50MB.thenHoverNearEndMs, unit: 'ms' },
      { key: 'server.log.codeLens', label: `50 MB .log code lens request (${rt.log50MB.codeLenses} lenses)`, value: rt.log50MB.codeLensMs, unit: 'ms' },
      { key: 'server.log.codeLens.again', label: '50 MB .log code lens request again (cached)', value: rt.log50MB.codeLensAgainMs, unit: 'ms' },
      { key: 'server.rss.initialize', label: 'server RSS after initialize', value: rt.rssMB.afterInitialize, unit: 'MB' },
      { key: 'server.rss.4MB', label: 'server RSS with the 4 MB .http open', value: rt.rssMB.after4MB, unit: 'MB' },
      { key: 'server.rss.20MB', label: 'server RSS with 4 + 16 MB .http open', value: rt.rssMB.after16MB, unit: 'MB' },
      {
        key: 'server.rss.all',
        label: `server RSS, 4 + 16 MB .http (typed in) + 50 MB .log open (${rt.rssMB.openedMB.toFixed(0)} MB)`,
        value: rt.rssMB.after50MBLog,
        unit: 'MB',
      },
      { key: 'server.rss.end', label: 'server RSS at the end (log reopened, code lenses computed)', value: rt.rssMB.atEnd, unit: 'MB' },
    ],
  });

  sections.push({
    title: 'Size and client activation',
    rows: [
      { key: 'size.production.extension', label: 'dist/extension.js, the entry (production)', value: sizes.productionKB.extension, unit: 'KB' },
      { key: 'size.production.client', label: 'dist/client.js (production)', value: sizes.productionKB.client, unit: 'KB' },
      { key: 'size.production.server', label: 'dist/server.js, the entry (production)', value: sizes.productionKB.server, unit: 'KB' },
      { key: 'size.production.serverMain', label: 'dist/serverMain.js (production)', value: sizes.productionKB.serverMain, unit: 'KB' },
      { key: 'size.dev.client', label: 'dist/client.js (dev, unminified)', value: sizes.devKB.client, unit: 'KB' },
      { key: 'size.dev.serverMain', label: 'dist/serverMain.js (dev, unminified)', value: sizes.devKB.serverMain, unit: 'KB' },
      {
        key: 'size.vsix',
        label: '.vsix of the current source',
        value: sizes.vsixKB,
        unit: 'KB',
        target: `≤ ${BUDGETS.vsixKB} KB`,
        met: sizes.vsixKB <= BUDGETS.vsixKB,
      },
      ...(activation
        ? [
            withinMs('activation.later', `activation as VS Code ${activation.vscodeVersion} shows it, later starts (code cache): median of ${activation.laterStarts.n}`, activation.laterStarts.median, BUDGETS.activationMs),
            { key: 'activation.later.max', label: '  later starts: slowest', value: activation.laterStarts.max, unit: 'ms' },
            {
              key: 'activation.floor',
              label: `activation of a do-nothing extension on the same event, same windows: median of ${activation.floor.n}`,
              value: activation.floor.median,
              unit: 'ms',
              floor: activation.floor.median,
              ratio: activation.laterStarts.median / activation.floor.median,
              ratioLabel: 'ours (later)/floor',
            },
            withinMs('activation.first', `activation, first start after install (no cache yet): median of ${activation.firstStart.n}`, activation.firstStart.median, BUDGETS.activationMs),
          ]
        : []),
    ],
  });
  return sections;
}

export interface Recommendation {
  readonly msPerMB: number;
  readonly source: string;
  readonly recommendedMB: number;
  readonly text: string;
}

/**
 * The largest "round" size whose full validation stays at half the budget on this machine, taking
 * the slower of in-process validation and open → diagnostics through the server.
 */
export function recommendMaxFileSize(results: Results, currentMB: number): Recommendation {
  const largest = results.throughput[results.throughput.length - 1];
  const inProcess = largest.oursPerMBms;
  const throughServer = results.roundTrips.open16MB.toDiagnosticsMs / 16;
  const [msPerMB, source] = throughServer > inProcess ? [throughServer, 'open → diagnostics through the server'] : [inProcess, 'analyzeDocument in process'];
  const comfortableMs = BUDGETS.fullValidationMs / 2;
  const candidates = [1, 2, 4, 6, 8, 12, 16, 24, 32, 48, 64];
  const recommendedMB = candidates.filter((size) => size * msPerMB <= comfortableMs).pop() ?? 1;
  const text = [
    `Full validation costs ${msPerMB.toFixed(1)} ms per MB here (${source}, the slower of the two).`,
    `The current default of ${currentMB} MB means about ${(currentMB * msPerMB).toFixed(0)} ms for a full validation (on open, or when a change cannot be applied incrementally).`,
    `To stay well under ${BUDGETS.fullValidationMs} ms (≤ ${comfortableMs} ms, leaving room for slower machines), recommend mdeApi.maxFileSizeMB = ${recommendedMB}`,
    `(≈ ${(recommendedMB * msPerMB).toFixed(0)} ms); ${BUDGETS.fullValidationMs} ms itself is reached at ${(BUDGETS.fullValidationMs / msPerMB).toFixed(1)} MB on this machine.`,
    'Edits after the first validation are incremental and cost milliseconds at any size; the limit guards the first validation, which blocks the server.',
  ].join('\n');
  return { msPerMB, source, recommendedMB, text };
}
