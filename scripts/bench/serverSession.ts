/**
 * What the through-the-server benches of one document kind share: marking where keystrokes land in
 * a generated text, opening a document and checking its diagnostics, typing a letter and deleting
 * it again, and running a bench file on its own.
 */
import { LineIndex, type LspServer } from './lspClient';
import type { Random } from './random';
import { nowMs } from './stats';

/** The server's debounce before diagnostics, taken off keystroke timings. */
export const DIAGNOSTICS_DEBOUNCE_MS = 150;

/** Where a generator writes MARK, keystrokes land: returns the text without the marks, and their offsets. */
export function takeMarks(marked: string, mark: string): { text: string; offsets: number[] } {
  const offsets: number[] = [];
  let text = '';
  let from = 0;
  for (let at = marked.indexOf(mark); at >= 0; at = marked.indexOf(mark, from)) {
    text += marked.slice(from, at);
    offsets.push(text.length);
    from = at + mark.length;
  }
  return { text: text + marked.slice(from), offsets };
}

/** didOpen written → its diagnostics read, in ms; throws unless the server reports `expected` of them. */
export async function timeOpen(server: LspServer, uri: string, languageId: string, text: string, expected: number, what: string): Promise<number> {
  const published = server.nextDiagnostics(uri);
  const start = nowMs();
  await server.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const { diagnostics, receivedAt } = await published;
  if (diagnostics.length !== expected) {
    throw new Error(`${what}: ${diagnostics.length} diagnostics, expected ${expected}; first: ${diagnostics.slice(0, 3).map((d) => d.message).join(' | ')}`);
  }
  return receivedAt - start;
}

export interface Keystrokes {
  /** didChange written → diagnostics read, less the debounce. */
  readonly toDiagnostics: number[];
  /** didChange written → the answer to a hover sent right behind it (when a probe was given). */
  readonly thenHover: number[];
}

/**
 * Types a letter at a random mark and deletes it again, `pairs` times, in a document opened at
 * version 1; positions from the original text stay valid throughout.
 */
export async function typeAndUndo(
  server: LspServer,
  uri: string,
  text: string,
  marks: readonly number[],
  random: Random,
  pairs: number,
  hoverProbe?: number,
): Promise<Keystrokes> {
  const index = new LineIndex(text);
  const probe = hoverProbe === undefined ? undefined : { textDocument: { uri }, position: index.position(hoverProbe) };
  const result: Keystrokes = { toDiagnostics: [], thenHover: [] };
  let version = 1;
  for (let pair = 0; pair < pairs; pair++) {
    const position = index.position(random.pick(marks));
    for (const change of [
      { range: { start: position, end: position }, text: 'x' },
      { range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: '' },
    ]) {
      const published = server.nextDiagnostics(uri);
      const start = nowMs();
      void server.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
      if (probe) {
        await server.request('textDocument/hover', probe);
        result.thenHover.push(nowMs() - start);
      }
      result.toDiagnostics.push((await published).receivedAt - start - DIAGNOSTICS_DEBOUNCE_MS);
    }
  }
  return result;
}

/** `npx tsx scripts/bench/<file>.ts path/to/dist/server.js`: one bench section on its own. */
export function runAlone<T>(file: string, measure: (serverPath: string) => Promise<T>, render: (result: T) => string): void {
  const serverPath = process.argv[2];
  if (!serverPath) {
    console.error(`usage: tsx scripts/bench/${file} path/to/dist/server.js`);
    process.exitCode = 2;
    return;
  }
  measure(serverPath).then(
    (result) => console.log(render(result)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
