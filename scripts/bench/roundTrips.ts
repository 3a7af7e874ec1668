/**
 * The language server as a client sees it: spawn → initialize, hovers and code actions on a 4 MB
 * .http file, typing in a 16 MB one, first hovers in a 50 MB log, and the server's memory.
 * Latencies are client-side round trips (request written → response read) over stdio.
 */
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import type { HttpCorpus, LogCorpus } from './corpus';
import { LineIndex, LspServer } from './lspClient';
import { Random } from './random';
import { nowMs, summarize, type Summary } from './stats';

export interface StartupResult {
  /** spawn → initialize result, one fresh process per sample. */
  readonly initialize: Summary;
  readonly samples: number[];
}

export interface StartupVariant<Name extends string> {
  readonly name: Name;
  readonly serverPath: string;
  /** A code-cache folder: primed by one untimed start, then every timed start must load from it. */
  readonly codeCacheDir?: string;
  /** How the server must say it compiled its bundle; 'none' for the minimal server. */
  readonly expect: 'cache' | 'source' | 'none';
}

/**
 * Start-up of each variant, one spawn of each per round so a burst of load from elsewhere lands on
 * all of them alike. A variant with a cache folder is checked to have loaded from the cache on every
 * timed start (mde/serverInfo), so a silently refused cache cannot pass for a fast start.
 */
export async function measureStartup<Name extends string>(variants: readonly StartupVariant<Name>[], runs: number): Promise<Record<Name, StartupResult>> {
  const samples = new Map<Name, number[]>(variants.map((variant) => [variant.name, []]));
  // The first round warms the OS file cache for node and the bundles, and writes the code caches.
  for (let round = 0; round < runs + 1; round++) {
    for (const variant of variants) {
      const server = LspServer.spawn(variant.serverPath, variant.codeCacheDir ? ['--code-cache-dir', variant.codeCacheDir] : []);
      await server.initialize();
      const elapsed = nowMs() - server.spawnedAt;
      const { compiledFrom } = await server.request<{ compiledFrom: string }>('mde/serverInfo', {});
      await server.stop();
      if (round > 0) {
        if (compiledFrom !== variant.expect) {
          throw new Error(`${variant.name}: the server compiled from ${compiledFrom}, expected ${variant.expect}`);
        }
        samples.get(variant.name)!.push(elapsed);
      }
    }
  }
  return Object.fromEntries(
    variants.map((variant) => [variant.name, { initialize: summarize(samples.get(variant.name)!), samples: samples.get(variant.name)! }]),
  ) as Record<Name, StartupResult>;
}

export interface RoundTripResult {
  readonly open4MB: { readonly toDiagnosticsMs: number; readonly diagnostics: number };
  readonly hover: { readonly all: Summary; readonly bodyKey: Summary; readonly requestLine: Summary; readonly errorCode: Summary; readonly nonEmpty: number };
  readonly codeAction: { readonly all: Summary; readonly quickFixOnly: Summary; readonly actionsPerRequest: number };
  readonly open16MB: { readonly toDiagnosticsMs: number; readonly diagnostics: number };
  readonly typing16MB: {
    /** didChange written → response to a hover sent right behind it (the server handles messages in order). */
    readonly changeThenHover: Summary;
    /** The same hover with no edit before it. */
    readonly hoverAlone: Summary;
    /** didChange written → diagnostics read, less the server's 150 ms debounce. */
    readonly changeToDiagnosticsLessDebounce: Summary;
  };
  readonly log50MB: {
    readonly openMs: number;
    readonly firstHoverNearEndMs: number;
    readonly thenHoverNearStartMs: number;
    readonly firstHoverNearStartMs: number;
    readonly thenHoverNearEndMs: number;
    readonly codeLensMs: number;
    readonly codeLensAgainMs: number;
    readonly codeLenses: number;
    readonly rssAfterFirstOpenMB: number;
  };
  readonly rssMB: {
    readonly afterInitialize: number;
    readonly after4MB: number;
    readonly after16MB: number;
    /** With all three documents open, after the first hovers on the log. */
    readonly after50MBLog: number;
    readonly atEnd: number;
    readonly openedMB: number;
  };
}

const DIAGNOSTICS_DEBOUNCE_MS = 150;

export async function measureRoundTrips(serverPath: string, http4: HttpCorpus, http16: HttpCorpus, log: LogCorpus, seed: number): Promise<RoundTripResult> {
  const server = LspServer.spawn(serverPath);
  try {
    await server.initialize();
    await server.request('mde/serverInfo', {});
    const rss0 = server.rssMB();

    // --- 4 MB .http: open, then hovers and code actions.
    const uri4 = 'file:///bench/corpus-4mb.http';
    const index4 = new LineIndex(http4.text);
    const { published: published4, opened: open4MB } = await openHttp(server, uri4, http4.text);
    const rss4 = server.rssMB();

    const hover = await measureHovers(server, uri4, index4, http4, seed);
    const codeAction = await measureCodeActions(server, uri4, published4.diagnostics);

    // --- 16 MB .http: open, then one-character edits.
    const uri16 = 'file:///bench/corpus-16mb.http';
    const index16 = new LineIndex(http16.text);
    const { opened: open16MB } = await openHttp(server, uri16, http16.text);
    const rss16 = server.rssMB();
    const typing16MB = await measureTyping(server, uri16, index16, http16, seed);

    // --- 50 MB log (plaintext): first hovers, on a fresh open each time.
    const log50MB = await measureLog(server, log);
    const openedMB = (http4.text.length + http16.text.length + log.text.length) / (1024 * 1024);

    return {
      open4MB,
      hover,
      codeAction,
      open16MB,
      typing16MB,
      log50MB,
      rssMB: { afterInitialize: rss0, after4MB: rss4, after16MB: rss16, after50MBLog: log50MB.rssAfterFirstOpenMB, atEnd: server.rssMB(), openedMB },
    };
  } finally {
    await server.stop();
  }
}

async function timeRequest<R>(server: LspServer, method: string, params: unknown): Promise<{ ms: number; result: R }> {
  const start = nowMs();
  const result = await server.request<R>(method, params);
  return { ms: nowMs() - start, result };
}

/** Opens an .http document and waits for its first diagnostics: what a user waits for on open. */
async function openHttp(server: LspServer, uri: string, text: string) {
  const diagnostics = server.nextDiagnostics(uri);
  const start = nowMs();
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'http', version: 1, text } });
  const published = await diagnostics;
  return { published, opened: { toDiagnosticsMs: published.receivedAt - start, diagnostics: published.diagnostics.length } };
}

async function measureHovers(server: LspServer, uri: string, index: LineIndex, corpus: HttpCorpus, seed: number): Promise<RoundTripResult['hover']> {
  const random = new Random(seed + 1);
  const kinds = [
    { name: 'bodyKey', offsets: corpus.bodyKeyOffsets },
    { name: 'requestLine', offsets: corpus.requestLineOffsets },
    { name: 'errorCode', offsets: corpus.errorCodeOffsets },
  ] as const;
  const byKind: Record<string, number[]> = { bodyKey: [], requestLine: [], errorCode: [] };
  const all: number[] = [];
  let nonEmpty = 0;
  const requests = 100;
  const warmup = 10;
  for (let i = 0; i < warmup + requests; i++) {
    const kind = kinds[i % kinds.length];
    const offset = random.pick(kind.offsets);
    const { ms, result } = await timeRequest<Hover | null>(server, 'textDocument/hover', { textDocument: { uri }, position: index.position(offset) });
    if (i >= warmup) {
      all.push(ms);
      byKind[kind.name].push(ms);
      nonEmpty += result ? 1 : 0;
    }
  }
  return {
    all: summarize(all),
    bodyKey: summarize(byKind.bodyKey),
    requestLine: summarize(byKind.requestLine),
    errorCode: summarize(byKind.errorCode),
    nonEmpty,
  };
}

async function measureCodeActions(server: LspServer, uri: string, diagnostics: readonly Diagnostic[]): Promise<RoundTripResult['codeAction']> {
  const wrongCase = diagnostics.filter((diagnostic) => diagnostic.code === 'wrong-case');
  if (wrongCase.length === 0) {
    throw new Error('the 4 MB corpus produced no wrong-case diagnostic to ask a code action for');
  }
  const run = async (only: string[] | undefined) => {
    const samples: number[] = [];
    let actions = 0;
    for (let i = 0; i < 110; i++) {
      const diagnostic = wrongCase[(i * 7) % wrongCase.length];
      // VS Code's light bulb asks without `only`, so the fix-all action is computed too.
      const { ms, result } = await timeRequest<CodeAction[]>(server, 'textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
      });
      if (i >= 10) {
        samples.push(ms);
        actions += result.length;
      }
    }
    return { summary: summarize(samples), actions: actions / samples.length };
  };
  const all = await run(undefined);
  const quickFixOnly = await run(['quickfix']);
  return { all: all.summary, quickFixOnly: quickFixOnly.summary, actionsPerRequest: all.actions };
}

/**
 * Pairs of edits (type a character, then delete it) at random places: the client's copy of the
 * text never drifts from the original by more than one character on one line, so positions
 * computed once from the original stay valid.
 */
async function measureTyping(server: LspServer, uri: string, index: LineIndex, corpus: HttpCorpus, seed: number): Promise<RoundTripResult['typing16MB']> {
  const random = new Random(seed + 2);
  let version = 1;
  const probe = { textDocument: { uri }, position: index.position(corpus.bodyKeyOffsets[0]) };
  const changeThenHover: number[] = [];
  const hoverAlone: number[] = [];
  const toDiagnostics: number[] = [];
  const pairs = 12;
  for (let i = 0; i < pairs; i++) {
    const offset = random.int(0, corpus.text.length - 1);
    const position = index.position(offset);
    const edits = [
      { range: { start: position, end: position }, text: 'x' },
      { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' },
    ];
    for (const edit of edits) {
      hoverAlone.push((await timeRequest(server, 'textDocument/hover', probe)).ms);
      const published = server.nextDiagnostics(uri);
      const start = nowMs();
      void server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [edit] });
      await server.request('textDocument/hover', probe);
      changeThenHover.push(nowMs() - start);
      const diagnostics = await published;
      toDiagnostics.push(diagnostics.receivedAt - start - DIAGNOSTICS_DEBOUNCE_MS);
    }
  }
  return { changeThenHover: summarize(changeThenHover), hoverAlone: summarize(hoverAlone), changeToDiagnosticsLessDebounce: summarize(toDiagnostics) };
}

async function measureLog(server: LspServer, log: LogCorpus): Promise<RoundTripResult['log50MB']> {
  const uri = 'file:///bench/service-50mb.log';
  const index = new LineIndex(log.text);
  const near = {
    start: { textDocument: { uri }, position: index.position(log.errorCodeOffsets[0]) },
    end: { textDocument: { uri }, position: index.position(log.errorCodeOffsets[log.errorCodeOffsets.length - 1]) },
  };
  const open = async () => {
    const start = nowMs();
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: log.text } });
    // The notification is only written here; a cheap request behind it returns once it is handled.
    await server.request('mde/serverInfo', {});
    return nowMs() - start;
  };
  const hover = async (params: typeof near.start) => {
    const { ms, result } = await timeRequest<Hover | null>(server, 'textDocument/hover', params);
    if (!result) {
      throw new Error(`no hover on the error code at line ${params.position.line} of the log`);
    }
    return ms;
  };
  const openMs = await open();
  const firstHoverNearEndMs = await hover(near.end);
  const thenHoverNearStartMs = await hover(near.start);
  const rssAfterFirstOpenMB = server.rssMB();
  await server.notify('textDocument/didClose', { textDocument: { uri } });
  await open();
  const firstHoverNearStartMs = await hover(near.start);
  const thenHoverNearEndMs = await hover(near.end);
  // VS Code asks for code lenses of every visible editor: on a log that means every error in it.
  const lens = await timeRequest<unknown[]>(server, 'textDocument/codeLens', { textDocument: { uri } });
  const lensAgain = await timeRequest<unknown[]>(server, 'textDocument/codeLens', { textDocument: { uri } });
  return {
    openMs,
    firstHoverNearEndMs,
    thenHoverNearStartMs,
    firstHoverNearStartMs,
    thenHoverNearEndMs,
    codeLensMs: lens.ms,
    codeLensAgainMs: lensAgain.ms,
    codeLenses: lens.result.length,
    rssAfterFirstOpenMB,
  };
}
