/** Runs the built command line (dist/cli.js) as a subprocess over fixture folders written for the test. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bundles, ensureBundles } from '../security/bundles';

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment of a plain CI job: no colour hints, English, no terminal. */
const baseEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return env;
};

export function cli(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  ensureBundles();
  const result = spawnSync(process.execPath, [bundles.cli, ...args], { cwd, env: { ...baseEnv(), ...env }, encoding: 'utf8', timeout: 60_000 });
  if (result.error) {
    throw result.error;
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder holding `files` (path → text or bytes); removed by the returned function. */
export function fixture(files: Readonly<Record<string, string | Uint8Array>>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mde-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * `node dist/server.js --stdio` as an editor runs it: opens each document and runs its Fix All
 * (mde/fixAllEdits, the edits of `source.fixAll.mdeApi`) again until it has nothing left to do.
 */
export async function editorFixAll(documents: readonly { readonly languageId: string; readonly text: string }[]): Promise<string[]> {
  ensureBundles();
  const server = spawn(process.execPath, [bundles.server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => server.on('exit', resolve));
  const client = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
  client.listen();
  try {
    await client.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'en' });
    await client.sendNotification('initialized', {});
    const fixed: string[] = [];
    for (const [index, { languageId, text }] of documents.entries()) {
      const uri = `untitled:doc${index}`;
      let document = TextDocument.create(uri, languageId, 1, text);
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      for (;;) {
        const result = await client.sendRequest<{ edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }>(
          'mde/fixAllEdits',
          { uri },
        );
        if (result.edits.length === 0) {
          break;
        }
        if (document.version > 10) {
          throw new Error(`Fix All still has edits after ten runs on document ${index}`);
        }
        const next = TextDocument.applyEdits(document, result.edits);
        document = TextDocument.create(uri, languageId, document.version + 1, next);
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [{ text: next }] });
      }
      fixed.push(document.getText());
    }
    return fixed;
  } finally {
    await client.sendRequest('shutdown').catch(() => undefined);
    await client.sendNotification('exit').catch(() => undefined);
    client.dispose();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    server.kill();
  }
}

export function git(args: readonly string[], cwd: string): { code: number | null; output: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}
