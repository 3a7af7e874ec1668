/**
 * Full-document validation throughput, side by side on the same corpus:
 *  - ours:  analyzeDocument(text, 'http', catalogMatcher): split, HTTP parse, mask, JSON parse, validate;
 *  - floor: jsonc-parser parseTree of the same bodies, extracted beforehand (the least any validator
 *           built on jsonc-parser must pay);
 *  - peer:  vscode-json-languageservice parsing and validating each body against catalog schemas.
 * The three run interleaved, their order alternating by round, so machine load hits them alike.
 *
 * Each is timed two ways:
 *  - steady state (the budget): runs back to back, the first of each turn not recorded. Each keeps
 *    its result until the next one has returned, so each collects its own garbage, at the moments
 *    V8 chooses.
 *  - after a forced full collection: one run on a freshly collected heap. V8 drops optimized code
 *    in a forced collection (--trace-opt shows our functions compiled for optimization again in the
 *    run after it), so that run is partly unoptimized: 1 MB took 60-90 ms there against 23-40 ms
 *    in steady state on this project's test VM, and ours loses more there than the floor. No
 *    server forces collections, so this is shown beside the budget as the pessimistic case, not
 *    judged.
 */
import { parseTree } from 'jsonc-parser';
import { getLanguageService, TextDocument, type LanguageService } from 'vscode-json-languageservice';
import { catalogMatcher } from '../../src/core/catalog/catalog';
import { parseHttpDocument, splitBlocks } from '../../src/core/http/httpParser';
import { maskBody, type MaskedBody } from '../../src/core/json/maskedBody';
import { analyzeDocument, type AnalyzedRequest } from '../../src/core/requests/requestAnalyzer';
import { readTree } from '../../src/core/validate/analyzeBody';
import { validateBody } from '../../src/core/validate/bodyValidator';
import { jsonOperations, type HttpCorpus } from './corpus';
import { operationSchema } from './schemas';
import { collectGarbage, MB, nowMs, summarize, type Summary } from './stats';

/** What our pipeline passes to parseTree for an .http body. */
const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false };

export interface ThroughputResult {
  readonly sizeMB: number;
  readonly chars: number;
  readonly requests: number;
  readonly bodies: number;
  readonly bodyChars: number;
  readonly findings: number;
  readonly peerDiagnostics: number;
  readonly ours: Summary;
  readonly floor: Summary;
  readonly peer: Summary;
  /** MB of the whole document per second, for all three, so the ratios are ratios of times. */
  readonly oursMBps: number;
  readonly floorMBps: number;
  readonly peerMBps: number;
  readonly oursPerMBms: number;
  readonly floorPerMBms: number;
  readonly oursOverFloor: number;
  readonly peerOverOurs: number;
  readonly samples: Samples;
  /** The same three, each timed once per round right after a forced full collection. */
  readonly afterCollection: {
    readonly ours: Summary;
    readonly floor: Summary;
    readonly peer: Summary;
    readonly oursOverFloor: number;
    readonly peerOverOurs: number;
    readonly samples: Samples;
  };
}

interface Samples {
  readonly ours: number[];
  readonly floor: number[];
  readonly peer: number[];
}

interface PeerBody {
  readonly uri: string;
  readonly text: string;
}

export function createPeer(): LanguageService {
  const service = getLanguageService({});
  // One schema per operation, bound by file name as a workspace's json.schemas setting would do it.
  service.configure({
    validate: true,
    allowComments: false,
    schemas: jsonOperations.map((operation) => ({
      uri: `bench://schemas/${operation.id}.json`,
      fileMatch: [`/bodies/${operation.id}/*.json`],
      schema: operationSchema(operation),
    })),
  });
  return service;
}

async function runPeer(service: LanguageService, bodies: readonly PeerBody[]): Promise<number> {
  let diagnostics = 0;
  for (const body of bodies) {
    const document = TextDocument.create(body.uri, 'json', 1, body.text);
    const json = service.parseJSONDocument(document);
    diagnostics += (await service.doValidation(document, json)).length;
  }
  return diagnostics;
}

/** A corpus made ready for timing: its bodies extracted once, untimed. */
interface Subject {
  readonly sizeMB: number;
  readonly text: string;
  readonly bodyTexts: readonly string[];
  readonly peerBodies: readonly PeerBody[];
  readonly requests: number;
  readonly findings: number;
  readonly samples: Samples;
  readonly afterCollection: Samples;
  peerDiagnostics: number;
}

function prepare(corpus: HttpCorpus, sizeMB: number): Subject {
  const text = corpus.text;
  // Bodies are taken from our own analysis: exactly the text our parse step sees (variables
  // masked, whole-line comments blanked), so the floor and the peer read the same characters.
  const reference = analyzeDocument(text, 'http', catalogMatcher);
  const bodyTexts = reference.bodies.map((body) => body.analysis.masked.text);
  const expectedBodies = Object.values(corpus.bodiesByOperation).reduce((sum, count) => sum + count, 0);
  if (bodyTexts.length !== expectedBodies) {
    throw new Error(`corpus has ${expectedBodies} bodies but the analysis found ${bodyTexts.length}`);
  }
  return {
    sizeMB,
    text,
    bodyTexts,
    peerBodies: reference.bodies.map((body, index) => ({ uri: `bench://bodies/${body.operation?.id ?? 'none'}/${index}.json`, text: body.analysis.masked.text })),
    requests: reference.requests.length,
    findings: reference.findings.length,
    samples: { ours: [], floor: [], peer: [] },
    afterCollection: { ours: [], floor: [], peer: [] },
    peerDiagnostics: 0,
  };
}

/** Runs back to back per contender and round in steady state; the first is not recorded. */
const STEADY_RUNS = 4;

type Contender = keyof Samples;

function contenders(subject: Subject, peer: LanguageService): Record<Contender, () => Promise<unknown>> {
  return {
    ours: async () => analyzeDocument(subject.text, 'http', catalogMatcher),
    floor: async () => subject.bodyTexts.map((body) => parseTree(body, [], PARSE_OPTIONS)),
    peer: async () => (subject.peerDiagnostics = await runPeer(peer, subject.peerBodies)),
  };
}

/** The order of the contenders alternates by round, so none always follows the same one. */
function orderOf(round: number): Contender[] {
  return round % 2 === 0 ? ['ours', 'floor', 'peer'] : ['peer', 'floor', 'ours'];
}

/**
 * Steady state: no forced collection anywhere, since one would drop every contender's optimized
 * code. The first run of each turn is not recorded: it collects what the previous contender left.
 */
async function measureSteadyRound(subject: Subject, peer: LanguageService, round: number, record: boolean): Promise<void> {
  const runs = contenders(subject, peer);
  for (const contender of orderOf(round)) {
    let kept: unknown;
    for (let run = 0; run < STEADY_RUNS; run++) {
      const start = nowMs();
      // Kept until the next run has returned, as the server keeps an analysis until its successor is ready.
      kept = await runs[contender]();
      const elapsed = nowMs() - start;
      if (record && run > 0) {
        subject.samples[contender].push(elapsed);
      }
    }
    void kept;
  }
}

/** One run of each contender right after a forced full collection. */
async function measureAfterCollectionRound(subject: Subject, peer: LanguageService, round: number): Promise<void> {
  const runs = contenders(subject, peer);
  for (const contender of orderOf(round)) {
    collectGarbage();
    const start = nowMs();
    const kept = await runs[contender]();
    subject.afterCollection[contender].push(nowMs() - start);
    void kept;
  }
}

/**
 * Every size is measured in every round (1, 4, 16 MB, then again), so a burst of load from
 * elsewhere lands on all sizes alike and the per-MB comparison between sizes stays fair. The
 * after-collection rounds come last, because each forced collection unsettles the steady state.
 */
export async function measureThroughput(
  corpora: readonly { corpus: HttpCorpus; sizeMB: number }[],
  peer: LanguageService,
  options: { warmupRounds: number; rounds: number; afterCollectionRounds: number },
): Promise<ThroughputResult[]> {
  const subjects = corpora.map(({ corpus, sizeMB }) => prepare(corpus, sizeMB));
  // Warm-up on the smallest subject (the JIT needs calls, not megabytes), then one untimed full round.
  for (let round = 0; round < options.warmupRounds; round++) {
    await measureSteadyRound(subjects[0], peer, round, false);
  }
  for (const subject of subjects) {
    await measureSteadyRound(subject, peer, 0, false);
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const subject of subjects) {
      await measureSteadyRound(subject, peer, round, true);
    }
  }
  for (let round = 0; round < options.afterCollectionRounds; round++) {
    for (const subject of subjects) {
      await measureAfterCollectionRound(subject, peer, round);
    }
  }
  return subjects.map(resultOf);
}

function resultOf(subject: Subject): ThroughputResult {
  const ours = summarize(subject.samples.ours);
  const floor = summarize(subject.samples.floor);
  const peerSummary = summarize(subject.samples.peer);
  const megabytes = subject.text.length / MB;
  return {
    sizeMB: subject.sizeMB,
    chars: subject.text.length,
    requests: subject.requests,
    bodies: subject.bodyTexts.length,
    bodyChars: subject.bodyTexts.reduce((sum, body) => sum + body.length, 0),
    findings: subject.findings,
    peerDiagnostics: subject.peerDiagnostics,
    ours,
    floor,
    peer: peerSummary,
    oursMBps: megabytes / (ours.median / 1000),
    floorMBps: megabytes / (floor.median / 1000),
    peerMBps: megabytes / (peerSummary.median / 1000),
    oursPerMBms: ours.median / megabytes,
    floorPerMBms: floor.median / megabytes,
    oursOverFloor: ours.median / floor.median,
    peerOverOurs: peerSummary.median / ours.median,
    samples: subject.samples,
    afterCollection: afterCollectionOf(subject.afterCollection),
  };
}

function afterCollectionOf(samples: Samples): ThroughputResult['afterCollection'] {
  const ours = summarize(samples.ours);
  const floor = summarize(samples.floor);
  const peer = summarize(samples.peer);
  return { ours, floor, peer, oursOverFloor: ours.median / floor.median, peerOverOurs: peer.median / ours.median, samples };
}

/** Median time of each stage of our pipeline, run on its own, to show where the time goes. */
export interface StageBreakdown {
  readonly full: number;
  readonly stages: Readonly<Record<string, number>>;
}

export async function measureStages(corpus: HttpCorpus, options: { warmup: number; runs: number }): Promise<StageBreakdown> {
  const text = corpus.text;
  const reference = analyzeDocument(text, 'http', catalogMatcher);
  const withBodies = reference.requests.filter((request): request is AnalyzedRequest & { operation: NonNullable<AnalyzedRequest['operation']> } =>
    Boolean(request.body && request.operation),
  );
  const masked: MaskedBody[] = withBodies.map((request) => maskBody(text, request.request.body!, request.request.body!.commentLines));
  const readBody = (body: MaskedBody) => readTree(body.text, false);
  const roots = masked.map((body) => readBody(body)!);
  let kept: unknown;
  // In steady state, as the throughput budget is judged: runs back to back, each keeping its
  // result until the next has returned.
  const median = async (run: () => unknown) => {
    const samples: number[] = [];
    kept = undefined;
    for (let round = 0; round < options.warmup + options.runs; round++) {
      const start = nowMs();
      kept = run();
      if (round >= options.warmup) {
        samples.push(nowMs() - start);
      }
    }
    return summarize(samples).median;
  };
  const full = await median(() => analyzeDocument(text, 'http', catalogMatcher));
  const split = await median(() => splitBlocks(text));
  const httpParse = await median(() => parseHttpDocument(text));
  const match = await median(() => reference.requests.map((request) => catalogMatcher.matchUrl(request.request.method ?? 'GET', request.request.url)));
  const mask = await median(() => withBodies.map((request) => maskBody(text, request.request.body!, request.request.body!.commentLines)));
  const jsonParse = await median(() => masked.map(readBody));
  const validate = await median(() =>
    withBodies.map((request, index) => validateBody(roots[index], { operation: request.operation, masked: masked[index], partial: false })),
  );
  void kept;
  const stages = {
    'split into ### blocks': split,
    'parse request lines/headers': httpParse - split,
    'match URL to operation': match,
    'mask {{variables}}/comments': mask,
    'JSON parse (strict reader)': jsonParse,
    'validate against catalog': validate,
  };
  const accounted = Object.values(stages).reduce((sum, value) => sum + value, 0);
  return { full, stages: { ...stages, 'rest: full minus the stages above (negative when the stages cost more alone)': full - accounted } };
}
