/**
 * Opening an .http document as a user waits for it: `didOpen` written → the `publishDiagnostics`
 * of that version read, through `node dist/server.js --stdio` (the production build, started with
 * its code cache as VS Code starts it) and a bare LSP client. Beside it, in the same rounds:
 *  - transport: the same opens in a server started with `mdeApi.validation.enabled: false`, which
 *    receives the text, keeps it, and answers with empty diagnostics: the client's serialization,
 *    the pipe, the server's read and parse of the message, and the reply;
 *  - floor: the bare jsonc-parser parse of the same bodies, in this process, in steady state;
 *  - in process: what the server runs on open (the document store's analysis and the conversion
 *    of its findings to LSP diagnostics), in this process, in steady state.
 *
 * Each round starts a fresh server of each kind. COLD is the first document after `initialize`;
 * WARM are the documents opened after three such documents. Every document has its own content
 * (another corpus seed), so nothing is served from a cache of an earlier one, and each is closed
 * once its diagnostics have arrived. The judged ratios are warm / (floor + transport) and
 * cold / (floor + transport), each against the transport of the same position (first document, or
 * after three), computed per round and summarized over the rounds.
 */
import { ScriptParsers } from '../../src/core/scripts/parsers';
import { readdirSync, readFileSync } from 'node:fs';
import { parseTree } from 'jsonc-parser';
import { catalogMatcher } from '../../src/core/catalog/catalog';
import { analyzeDocument } from '../../src/core/requests/requestAnalyzer';
import { toDiagnostic } from '../../src/server/convert';
import { DocumentStore } from '../../src/server/documentStore';
import { ServerDocument } from '../../src/server/textDocument';
import type { HttpCorpus } from './corpus';
import { LspServer } from './lspClient';
import { nowMs, summarize, type Summary } from './stats';

/** What our pipeline passes to parseTree for an .http body (as in throughput.ts). */
const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false };
/** Documents opened before the warm ones, the cold one included. */
const BEFORE_WARM = 3;

export interface OpenOptions {
  readonly serverPath: string;
  /** The code cache folder, primed by one untimed start, as every VS Code start after the first has it. */
  readonly codeCacheDir?: string;
  readonly rounds: number;
  /** Warm documents timed per server, after the BEFORE_WARM ones. */
  readonly warmPerRound: number;
  /** Extra node flags for the server (profiling, or trying a V8 flag). */
  readonly nodeFlags?: readonly string[];
}

export interface OpenResult {
  readonly sizeMB: number;
  readonly chars: number;
  readonly documents: number;
  readonly diagnostics: Summary;
  readonly cold: Summary;
  readonly warm: Summary;
  readonly transportCold: Summary;
  readonly transportWarm: Summary;
  readonly floor: Summary;
  readonly inProcess: Summary;
  /** The server's main thread CPU time during each open (Linux; NaN elsewhere): what load from elsewhere does not inflate. */
  readonly coldMainThreadCpu: Summary;
  readonly warmMainThreadCpu: Summary;
  /** All of the server's threads (the main one, the GC's and the optimizing compiler's). */
  readonly coldProcessCpu: Summary;
  readonly warmProcessCpu: Summary;
  /** The same for the server with validation off. */
  readonly transportColdMainThreadCpu: Summary;
  readonly transportWarmMainThreadCpu: Summary;
  /** Per round: cold / (floor + transport of the first document) and warm / (floor + transport after three). */
  readonly coldOverBase: Summary;
  readonly warmOverBase: Summary;
  readonly samples: Readonly<Record<string, readonly number[]>>;
}

interface ServerRun {
  readonly toDiagnostics: number[];
  readonly mainThreadCpu: number[];
  readonly processCpu: number[];
  readonly diagnostics: number[];
}

/** CPU time in ms of one thread (`tid`) or of every thread of `pid`, from /proc's schedstat (ns). */
function cpuMs(pid: number, tid?: number): number {
  try {
    const read = (task: string) => Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    return tid !== undefined ? read(String(tid)) : readdirSync(`/proc/${pid}/task`).reduce((sum, task) => sum + read(task), 0);
  } catch {
    return NaN;
  }
}

/** Opens every text in turn in a fresh server, each closed once its diagnostics are in. */
async function runServer(options: OpenOptions, texts: readonly string[], validation: boolean): Promise<ServerRun> {
  const server = LspServer.spawn(options.serverPath, options.codeCacheDir ? ['--code-cache-dir', options.codeCacheDir] : [], options.nodeFlags ?? []);
  const run: ServerRun = { toDiagnostics: [], mainThreadCpu: [], processCpu: [], diagnostics: [] };
  try {
    await server.initialize({ validation: { enabled: validation } });
    const pid = server.child.pid!;
    for (const [index, text] of texts.entries()) {
      const uri = `file:///bench/open-${index}.http`;
      const published = server.nextDiagnostics(uri);
      const main0 = cpuMs(pid, pid);
      const all0 = cpuMs(pid);
      const start = nowMs();
      await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'http', version: 1, text } });
      const diagnostics = await published;
      run.toDiagnostics.push(diagnostics.receivedAt - start);
      run.mainThreadCpu.push(cpuMs(pid, pid) - main0);
      run.processCpu.push(cpuMs(pid) - all0);
      run.diagnostics.push(diagnostics.diagnostics.length);
      if (diagnostics.version !== 1) {
        throw new Error(`diagnostics of ${uri} came for version ${diagnostics.version}`);
      }
      const cleared = server.nextDiagnostics(uri);
      await server.notify('textDocument/didClose', { textDocument: { uri } });
      await cleared;
    }
  } finally {
    await server.stop();
  }
  return run;
}

/** What the server runs between reading a didOpen and writing its diagnostics, in this process. */
function serverOpenPath(text: string): number {
  // An .http document never needs a script grammar: the parsers are never asked for one.
  const store = new DocumentStore(() => Infinity, new ScriptParsers(() => Promise.reject(new Error('no grammar in this bench'))));
  const document = new ServerDocument('file:///bench/in-process.http', 'http', 1, text);
  return store.findings(document).map((finding) => toDiagnostic(document, finding)).length;
}

/** The median of `runs` timed runs in steady state, after as many untimed ones. */
function steady(run: () => unknown, runs: number): number {
  const samples: number[] = [];
  let kept: unknown;
  for (let i = 0; i < 2 * runs; i++) {
    const start = nowMs();
    // Kept until the next run has returned, as the server keeps an analysis until its successor is ready.
    kept = run();
    if (i >= runs) {
      samples.push(nowMs() - start);
    }
  }
  void kept;
  return summarize(samples).median;
}

/**
 * `corpora[0]` is the cold document and the first of BEFORE_WARM documents; `warmPerRound` timed
 * warm ones follow: BEFORE_WARM + warmPerRound corpora of the same size, each of its own seed.
 */
export async function measureOpen(corpora: readonly HttpCorpus[], sizeMB: number, options: OpenOptions): Promise<OpenResult> {
  const needed = BEFORE_WARM + options.warmPerRound;
  const texts = corpora.slice(0, needed).map((corpus) => corpus.text);
  if (texts.length < needed) {
    throw new Error(`measureOpen needs ${needed} corpora, got ${corpora.length}`);
  }
  const timed = [0, ...texts.map((_, index) => index).filter((index) => index >= BEFORE_WARM)];
  const bodies = texts.map((text) => analyzeDocument(text, 'http', catalogMatcher).bodies.map((body) => body.analysis.masked.text));
  const floorOf = (index: number) => steady(() => bodies[index].map((body) => parseTree(body, [], PARSE_OPTIONS)), 3);
  const inProcessOf = (index: number) => steady(() => serverOpenPath(texts[index]), 3);
  // Warm this process up before the first timing: the floor and the in-process figure are steady-state ones.
  for (const index of timed) {
    floorOf(index);
    inProcessOf(index);
  }

  const samples = {
    cold: [] as number[],
    warm: [] as number[],
    transportCold: [] as number[],
    transportWarm: [] as number[],
    floor: [] as number[],
    inProcess: [] as number[],
    coldMainThreadCpu: [] as number[],
    warmMainThreadCpu: [] as number[],
    coldProcessCpu: [] as number[],
    warmProcessCpu: [] as number[],
    transportColdMainThreadCpu: [] as number[],
    transportWarmMainThreadCpu: [] as number[],
    coldOverBase: [] as number[],
    warmOverBase: [] as number[],
    diagnostics: [] as number[],
  };
  if (options.codeCacheDir) {
    // One untimed start writes the cache, as the first start after an install does.
    await runServer(options, texts.slice(0, 1), true);
  }
  for (let round = 0; round < options.rounds; round++) {
    // The two servers take turns in an order that alternates by round; this process waits meanwhile.
    const order = round % 2 === 0 ? [true, false] : [false, true];
    const runs = new Map<boolean, ServerRun>();
    for (const validation of order) {
      runs.set(validation, await runServer(options, texts, validation));
    }
    const validating = runs.get(true)!;
    const transport = runs.get(false)!;
    const floors = new Map(timed.map((index) => [index, floorOf(index)]));
    for (const index of timed) {
      samples.inProcess.push(inProcessOf(index));
      samples.floor.push(floors.get(index)!);
    }
    samples.cold.push(validating.toDiagnostics[0]);
    samples.transportCold.push(transport.toDiagnostics[0]);
    samples.coldMainThreadCpu.push(validating.mainThreadCpu[0]);
    samples.coldProcessCpu.push(validating.processCpu[0]);
    samples.transportColdMainThreadCpu.push(transport.mainThreadCpu[0]);
    samples.coldOverBase.push(validating.toDiagnostics[0] / (floors.get(0)! + transport.toDiagnostics[0]));
    for (const index of timed.slice(1)) {
      samples.warm.push(validating.toDiagnostics[index]);
      samples.transportWarm.push(transport.toDiagnostics[index]);
      samples.warmMainThreadCpu.push(validating.mainThreadCpu[index]);
      samples.warmProcessCpu.push(validating.processCpu[index]);
      samples.transportWarmMainThreadCpu.push(transport.mainThreadCpu[index]);
      samples.warmOverBase.push(validating.toDiagnostics[index] / (floors.get(index)! + transport.toDiagnostics[index]));
    }
    samples.diagnostics.push(...validating.diagnostics);
    if (transport.diagnostics.some((count) => count !== 0)) {
      throw new Error('the server with validation off published diagnostics');
    }
  }
  const summaries = Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, summarize(values)])) as Record<keyof typeof samples, Summary>;
  return {
    sizeMB,
    chars: texts[0].length,
    documents: texts.length,
    ...summaries,
    samples,
  };
}
