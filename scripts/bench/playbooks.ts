/**
 * A large Sentinel playbook through the language server: a 5 MB ARM template with a few hundred
 * actions (HTTP calls and Defender connector actions nested in scopes, loops, conditions and
 * switches, among other connectors' actions and large inline data). Open → diagnostics, cold (the
 * server's first JSON document) and warm, then keystrokes inside an action's body.
 *
 * Run alone: `npx tsx scripts/bench/playbooks.ts path/to/dist/server.js`.
 */
import { LspServer } from './lspClient';
import { Random } from './random';
import { DIAGNOSTICS_DEBOUNCE_MS, runAlone, takeMarks, timeOpen, typeAndUndo } from './serverSession';
import { MB, summarize, type Summary } from './stats';

export interface PlaybookCorpus {
  readonly text: string;
  readonly actions: number;
  /** Actions whose body goes to a Defender for Endpoint operation. */
  readonly defenderBodies: number;
  /** Wrong-case keys written on purpose: the diagnostics the server must publish. */
  readonly wrongCaseKeys: number;
  /** Offsets inside the bodies' string values, where keystrokes land. */
  readonly editOffsets: readonly number[];
}

export interface PlaybookResult {
  readonly chars: number;
  readonly actions: number;
  readonly defenderBodies: number;
  readonly diagnostics: number;
  readonly openColdMs: number;
  readonly openWarm: Summary;
  /** The same text opened as a language the extension does not read: transport and document bookkeeping only. */
  readonly openFloor: Summary;
  /** didChange written → diagnostics read, less the server's debounce. */
  readonly keystrokeToDiagnosticsLessDebounce: Summary;
  /** didChange written → response to a hover sent right behind it. */
  readonly keystrokeThenHover: Summary;
}


/** Defender calls the playbook makes: the path, the body's keys and values (one key mis-cased each time). */
const CALLS = [
  { path: '/api/machines/{id}/isolate', body: { Comment: 'text', IsolationType: 'Full' } },
  { path: '/api/machines/{id}/runAntiVirusScan', body: { Comment: 'text', ScanType: 'Quick' } },
  { path: '/api/machines/{id}/tags', body: { Value: 'text', Action: 'Add' } },
  { path: '/api/indicators', body: { indicatorValue: '10.1.2.3', indicatorType: 'IpAddress', action: 'Block', title: 'text', description: 'text' } },
  { path: '/api/alerts/{id}', method: 'PATCH', body: { status: 'Resolved', classification: 'TruePositive', comment: 'text' } },
] as const;

export function generatePlaybook(targetChars: number, seed: number): PlaybookCorpus {
  const random = new Random(seed);
  const actions: string[] = [];
  let size = 0;
  let defenderBodies = 0;
  let wrongCaseKeys = 0;
  const MARK = '§';
  while (size < targetChars) {
    const index = actions.length;
    let action: string;
    if (random.chance(0.5)) {
      const call = random.pick(CALLS);
      const keys = Object.keys(call.body);
      const broken = random.int(0, keys.length - 1);
      const body = Object.fromEntries(
        Object.entries(call.body).map(([key, value], position) => [
          position === broken ? key.toLowerCase() === key ? key.toUpperCase() : key.toLowerCase() : key,
          value === 'text' ? `${random.words(2, 6)} @{triggerBody()?['object']?['properties']?['incidentNumber']}${MARK}` : value,
        ]),
      );
      wrongCaseKeys++;
      defenderBodies++;
      const method = 'method' in call ? call.method : 'POST';
      const inputs = random.chance(0.5)
        ? { method, uri: `https://api.securitycenter.microsoft.com${call.path.replace('{id}', "@{items('For_each')?['id']}")}`, body }
        : { host: { connection: { name: "@parameters('$connections')['wdatp']['connectionId']" } }, method: method.toLowerCase(), path: call.path.replace('{id}', "@{encodeURIComponent(items('For_each')?['id'])}"), body };
      action = JSON.stringify({ type: 'uri' in inputs ? 'Http' : 'ApiConnection', inputs, runAfter: {} });
    } else {
      // Another connector's action carrying a lookup table, as real playbooks embed them.
      const rows = Array.from({ length: random.int(100, 320) }, () => ({ id: random.guid(), comment: random.words(3, 9), severity: random.pick(['low', 'high']), tags: [random.words(1, 2)] }));
      action = JSON.stringify({ type: 'Compose', inputs: { rows, Comment: 'not a Defender body' }, runAfter: {} });
    }
    // Nest a quarter of the actions in the kinds of container the designer writes.
    const container = random.int(0, 7);
    if (container === 0) {
      action = `{"type": "Foreach", "foreach": "@body('List')?['value']", "actions": {"Inner_${index}": ${action}}}`;
    } else if (container === 1) {
      action = `{"type": "If", "expression": {"and": []}, "actions": {}, "else": {"actions": {"Inner_${index}": ${action}}}}`;
    }
    const entry = `"Action_${index}": ${action}`;
    actions.push(entry);
    size += entry.length;
  }
  const definition = `{"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#", "contentVersion": "1.0.0.0", "triggers": {}, "actions": {\n${actions.join(',\n')}\n}}`;
  const marked = `{\n"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n"contentVersion": "1.0.0.0",\n"resources": [\n{"type": "Microsoft.Logic/workflows", "apiVersion": "2019-05-01", "name": "[parameters('PlaybookName')]", "properties": {"definition": ${definition}}}\n]}\n`;
  const { text, offsets: editMarks } = takeMarks(marked, MARK);
  return { text, actions: actions.length, defenderBodies, wrongCaseKeys, editOffsets: editMarks };
}

export async function measurePlaybooks(serverPath: string, seed: number, targetChars = 5 * MB): Promise<PlaybookResult> {
  const corpus = generatePlaybook(targetChars, seed);
  const server = LspServer.spawn(serverPath);
  try {
    await server.initialize();
    const open = (uri: string, languageId = 'json') =>
      timeOpen(server, uri, languageId, corpus.text, languageId === 'json' ? corpus.wrongCaseKeys : 0, 'the playbook');
    const openColdMs = await open('file:///bench/playbook-cold.json');
    const warm: number[] = [];
    const floor: number[] = [];
    // Alternated, so a burst of load from elsewhere lands on both alike.
    for (let run = 0; run < 5; run++) {
      for (const [languageId, samples] of [['json', warm], ['yaml', floor]] as const) {
        const uri = `file:///bench/playbook-warm-${run}.${languageId}`;
        samples.push(await open(uri, languageId));
        await server.notify('textDocument/didClose', { textDocument: { uri } });
      }
    }
    const keystrokes = await typeAndUndo(server, 'file:///bench/playbook-cold.json', corpus.text, corpus.editOffsets, new Random(seed + 1), 10, corpus.editOffsets[0]);
    return {
      chars: corpus.text.length,
      actions: corpus.actions,
      defenderBodies: corpus.defenderBodies,
      diagnostics: corpus.wrongCaseKeys,
      openColdMs,
      openWarm: summarize(warm),
      openFloor: summarize(floor),
      keystrokeToDiagnosticsLessDebounce: summarize(keystrokes.toDiagnostics),
      keystrokeThenHover: summarize(keystrokes.thenHover),
    };
  } finally {
    await server.stop();
  }
}

export function renderPlaybooks(result: PlaybookResult): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    `ARM playbook, ${(result.chars / MB).toFixed(1)} MB, ${result.actions} actions (${result.defenderBodies} Defender bodies, ${result.diagnostics} diagnostics), through the server:`,
    `  open → diagnostics: cold ${ms(result.openColdMs)}, warm median ${ms(result.openWarm.median)} (p95 ${ms(result.openWarm.p95)});` +
      ` floor (the same text as YAML, not read): median ${ms(result.openFloor.median)}`,
    `  keystroke → diagnostics (less the ${DIAGNOSTICS_DEBOUNCE_MS} ms debounce): median ${ms(result.keystrokeToDiagnosticsLessDebounce.median)} (p95 ${ms(result.keystrokeToDiagnosticsLessDebounce.p95)});` +
      ` keystroke → hover answered: median ${ms(result.keystrokeThenHover.median)}`,
  ].join('\n');
}

if (require.main === module) {
  runAlone('playbooks.ts', (serverPath) => measurePlaybooks(serverPath, 20261126), renderPlaybooks);
}
