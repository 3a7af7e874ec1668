/**
 * Scripts through the language server: for each script language, a 1 MB script that has nothing to
 * do with the API (the pre-check must spare it the parse) and a 1 MB script full of requests, each
 * request in a function of its own with one key mis-cased. Open → diagnostics, cold (the server's
 * first document of that language: the grammar is loaded then) and warm, beside the same text opened
 * as plain text (transport and bookkeeping only), then keystrokes inside a body or a string.
 *
 * Run alone: `npx tsx scripts/bench/scripts.ts path/to/dist/server.js`.
 */
import { LspServer } from './lspClient';
import { Random } from './random';
import { DIAGNOSTICS_DEBOUNCE_MS, runAlone, takeMarks, timeOpen, typeAndUndo } from './serverSession';
import { MB, summarize, type Summary } from './stats';

type ScriptLanguage = 'powershell' | 'python' | 'typescript' | 'shellscript';

interface Call {
  readonly operation: string;
  readonly path: (id: string) => string;
  /** Keys in order, the value `text` standing for free text; one key is mis-cased in each request. */
  readonly body: Readonly<Record<string, string>>;
}

const CALLS: readonly Call[] = [
  { operation: 'isolate', path: (id) => `/api/machines/${id}/isolate`, body: { Comment: 'text', IsolationType: 'Full' } },
  { operation: 'scan', path: (id) => `/api/machines/${id}/runAntiVirusScan`, body: { Comment: 'text', ScanType: 'Quick' } },
  { operation: 'tag', path: (id) => `/api/machines/${id}/tags`, body: { Value: 'text', Action: 'Add' } },
  { operation: 'indicator', path: () => '/api/indicators', body: { indicatorValue: '10.1.2.3', indicatorType: 'IpAddress', action: 'Block', title: 'text', description: 'text' } },
];

const HOST = 'https://api.securitycenter.microsoft.com';
/** Where keystrokes land: inside a string of each request (or of each unrelated function). */
const MARK = '§';

interface Writer {
  readonly extension: string;
  readonly header: string;
  request(index: number, call: Call, body: readonly (readonly [string, string])[]): string;
  unrelated(index: number, random: Random): string;
}

const WRITERS: Record<ScriptLanguage, Writer> = {
  powershell: {
    extension: 'ps1',
    header: "$headers = @{ Authorization = \"Bearer $token\" }\n",
    request: (index, call, body) =>
      [
        `function Invoke-Step${index} {`,
        '    param([string]$MachineId)',
        '    $body = @{',
        ...body.map(([key, value]) => `        ${key} = '${value}'`),
        '    }',
        `    Invoke-RestMethod -Method Post -Uri "${HOST}${call.path('$MachineId')}" -Headers $headers -Body ($body | ConvertTo-Json) -ContentType 'application/json'`,
        '}',
        '',
      ].join('\n'),
    unrelated: (index, random) =>
      [
        `function Get-Report${index} {`,
        '    param([string]$Path)',
        `    $settings = @{ Retries = ${random.int(1, 9)}; Folder = '${random.words(1, 3)}${MARK}'; Verbose = $true }`,
        '    foreach ($line in Get-Content -Path $Path) {',
        `        if ($line -match '${random.words(1, 2)}') { Write-Output "$($settings.Folder): $line" }`,
        '    }',
        '}',
        '',
      ].join('\n'),
  },
  python: {
    extension: 'py',
    header: 'import requests\n\n',
    request: (index, call, body) =>
      [
        `def step_${index}(headers, machine_id):`,
        `    body = {${body.map(([key, value]) => `"${key}": "${value}"`).join(', ')}}`,
        `    return requests.post(f"${HOST}${call.path('{machine_id}')}", headers=headers, json=body)`,
        '',
        '',
      ].join('\n'),
    unrelated: (index, random) =>
      [
        `def report_${index}(path):`,
        `    settings = {"retries": ${random.int(1, 9)}, "folder": "${random.words(1, 3)}${MARK}", "verbose": True}`,
        '    with open(path) as lines:',
        `        return [f"{settings['folder']}: {line}" for line in lines if "${random.words(1, 2)}" in line]`,
        '',
        '',
      ].join('\n'),
  },
  typescript: {
    extension: 'ts',
    header: "const headers = { Authorization: `Bearer ${process.env.TOKEN}`, 'Content-Type': 'application/json' };\n\n",
    request: (index, call, body) =>
      [
        `export async function step${index}(machineId: string): Promise<Response> {`,
        `  const body = { ${body.map(([key, value]) => `${key}: '${value}'`).join(', ')} };`,
        `  return fetch(\`${HOST}${call.path('${machineId}')}\`, { method: 'POST', headers, body: JSON.stringify(body) });`,
        '}',
        '',
      ].join('\n'),
    unrelated: (index, random) =>
      [
        `export function report${index}(lines: readonly string[]): string[] {`,
        `  const settings = { retries: ${random.int(1, 9)}, folder: '${random.words(1, 3)}${MARK}', verbose: true };`,
        `  return lines.filter((line) => line.includes('${random.words(1, 2)}')).map((line) => \`\${settings.folder}: \${line}\`);`,
        '}',
        '',
      ].join('\n'),
  },
  shellscript: {
    extension: 'sh',
    header: '#!/usr/bin/env bash\nset -euo pipefail\n\n',
    request: (index, call, body) =>
      [
        `step_${index}() {`,
        `  curl -sS -X POST "${HOST}${call.path('$1')}" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\`,
        `    -d '{${body.map(([key, value]) => `"${key}": "${value}"`).join(', ')}}'`,
        '}',
        '',
      ].join('\n'),
    unrelated: (index, random) =>
      [
        `report_${index}() {`,
        `  local folder='${random.words(1, 3)}${MARK}'`,
        `  grep -n '${random.words(1, 2)}' "$1" | sed "s|^|$folder: |" | head -n ${random.int(5, 50)}`,
        '}',
        '',
      ].join('\n'),
  },
};

export interface ScriptCorpus {
  readonly text: string;
  readonly requests: number;
  /** The diagnostics the server must publish: one mis-cased key per request. */
  readonly expectedDiagnostics: number;
  readonly editOffsets: readonly number[];
}

export function generateScript(language: ScriptLanguage, kind: 'requests' | 'unrelated', targetChars: number, seed: number): ScriptCorpus {
  const writer = WRITERS[language];
  const random = new Random(seed);
  const parts = [writer.header];
  let size = writer.header.length;
  let requests = 0;
  while (size < targetChars) {
    let part: string;
    if (kind === 'requests') {
      const call = random.pick(CALLS);
      const entries = Object.entries(call.body);
      const broken = random.int(0, entries.length - 1);
      const body = entries.map(([key, value], position) => {
        const written = position === broken ? (key.toLowerCase() === key ? key.toUpperCase() : key.toLowerCase()) : key;
        return [written, value === 'text' ? `${random.words(2, 6)}${MARK}` : value] as const;
      });
      part = writer.request(requests, call, body);
      requests++;
    } else {
      part = writer.unrelated(parts.length, random);
    }
    parts.push(part);
    size += part.length;
  }
  const { text, offsets: editOffsets } = takeMarks(parts.join(''), MARK);
  return { text, requests, expectedDiagnostics: requests, editOffsets };
}

export interface ScriptCaseResult {
  readonly language: ScriptLanguage;
  readonly kind: 'requests' | 'unrelated';
  readonly chars: number;
  readonly requests: number;
  readonly openColdMs: number;
  readonly openWarm: Summary;
  /** The same text opened as plain text, which the server does not read. */
  readonly openFloor: Summary;
  /** didChange written → diagnostics read, less the server's debounce. */
  readonly keystrokeLessDebounce: Summary;
}

const WARM_RUNS = 3;
const KEYSTROKE_PAIRS = 5;

async function measureCase(serverPath: string, language: ScriptLanguage, kind: 'requests' | 'unrelated', seed: number, targetChars: number): Promise<ScriptCaseResult> {
  const corpus = generateScript(language, kind, targetChars, seed);
  const extension = WRITERS[language].extension;
  // A fresh server per case: its first document of the language pays for loading the grammar.
  const server = LspServer.spawn(serverPath);
  try {
    await server.initialize();
    const open = (uri: string, languageId: string) =>
      timeOpen(server, uri, languageId, corpus.text, languageId === language ? corpus.expectedDiagnostics : 0, `${language} ${kind}`);
    const coldUri = `file:///bench/${kind}-cold.${extension}`;
    const openColdMs = await open(coldUri, language);
    const warm: number[] = [];
    const floor: number[] = [];
    // Alternated, so a burst of load from elsewhere lands on both alike.
    for (let run = 0; run < WARM_RUNS; run++) {
      for (const [languageId, samples] of [[language, warm], ['plaintext', floor]] as const) {
        const uri = `file:///bench/${kind}-warm-${run}.${languageId === 'plaintext' ? 'txt' : extension}`;
        samples.push(await open(uri, languageId));
        await server.notify('textDocument/didClose', { textDocument: { uri } });
      }
    }
    const keystrokes = await typeAndUndo(server, coldUri, corpus.text, corpus.editOffsets, new Random(seed + 1), KEYSTROKE_PAIRS);
    return {
      language,
      kind,
      chars: corpus.text.length,
      requests: corpus.requests,
      openColdMs,
      openWarm: summarize(warm),
      openFloor: summarize(floor),
      keystrokeLessDebounce: summarize(keystrokes.toDiagnostics),
    };
  } finally {
    await server.stop();
  }
}

export async function measureScripts(serverPath: string, seed: number, targetChars = 1 * MB): Promise<ScriptCaseResult[]> {
  const results: ScriptCaseResult[] = [];
  for (const language of Object.keys(WRITERS) as ScriptLanguage[]) {
    for (const kind of ['unrelated', 'requests'] as const) {
      results.push(await measureCase(serverPath, language, kind, seed, targetChars));
    }
  }
  return results;
}

/** Flat figures for the saved run, so a later run can be compared with this one. */
export function scriptMetrics(results: readonly ScriptCaseResult[]): Record<string, number> {
  return Object.fromEntries(
    results.flatMap((result) => {
      const name = `scripts.${result.language}.${result.kind}`;
      return [
        [`${name}.openColdMs`, result.openColdMs],
        [`${name}.openWarmMs`, result.openWarm.median],
        [`${name}.keystrokeMs`, result.keystrokeLessDebounce.median],
      ];
    }),
  );
}

export function renderScripts(results: readonly ScriptCaseResult[]): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const lines = [
    `Scripts of ${(results[0].chars / MB).toFixed(1)} MB through the server (open → diagnostics; floor = the same text opened as plain text; keystroke less the ${DIAGNOSTICS_DEBOUNCE_MS} ms debounce):`,
  ];
  for (const result of results) {
    const what = result.kind === 'requests' ? `${result.requests} requests` : 'unrelated';
    lines.push(
      `  ${result.language.padEnd(11)} ${what.padEnd(14)} cold ${ms(result.openColdMs).padStart(7)}, warm ${ms(result.openWarm.median).padStart(7)} ` +
        `(floor ${ms(result.openFloor.median)}, ${(result.openWarm.median / result.openFloor.median).toFixed(1)}×); keystroke median ${ms(result.keystrokeLessDebounce.median)} (max ${ms(result.keystrokeLessDebounce.max)})`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  runAlone('scripts.ts', (serverPath) => measureScripts(serverPath, 20261126), renderScripts);
}
