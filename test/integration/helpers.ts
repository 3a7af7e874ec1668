import * as path from 'path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/client/extension';

export const EXTENSION_ID = 'mde-api-tools.mde-api-tools';

export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.map((e) => e.id).filter((id) => !id.startsWith('vscode.'));
    throw new Error(`Extension ${EXTENSION_ID} is not loaded (non-built-in extensions: ${ids.join(', ') || 'none'})`);
  }
  await ext.activate();
  return ext;
}

export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('No workspace folder is open (expected test/fixtures/workspace)');
  }
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split(/[\\/]/));
}

/** Opens a file of the fixture workspace and shows it in an editor. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(doc);
}

/**
 * Resolves with the event value (or `undefined` if `predicate` already holds now) once `predicate`
 * is true; rejects after `timeoutMs` with `what` in the message. Event-driven: no polling, no sleep.
 */
export function waitFor<T>(event: vscode.Event<T>, predicate: (e?: T) => boolean, timeoutMs = 10_000, what = 'condition'): Promise<T | undefined> {
  if (predicate()) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const done = (settle: () => void) => {
      clearTimeout(timer);
      sub.dispose();
      settle();
    };
    const timer = setTimeout(() => done(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    const sub = event((e) => {
      try {
        if (predicate(e)) {
          done(() => resolve(e));
        }
      } catch (err) {
        done(() => reject(err));
      }
    });
  });
}

/** For state that has no change event (e.g. `Extension.isActive`): polls `check` until it holds or the deadline passes. */
export async function waitUntil(check: () => boolean, timeoutMs = 10_000, what = 'condition', intervalMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Waits until the diagnostics of `uri` satisfy `predicate`, and returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  try {
    await waitFor(vscode.languages.onDidChangeDiagnostics, () => predicate(vscode.languages.getDiagnostics(uri)), timeoutMs);
  } catch {
    const now = vscode.languages.getDiagnostics(uri).map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
    throw new Error(`Timed out after ${timeoutMs} ms waiting for diagnostics of ${path.basename(uri.path)}; current:\n${now.join('\n') || '  (none)'}`);
  }
  return vscode.languages.getDiagnostics(uri);
}

/** The activated extension's exports, typed as `activate` declares them. */
export async function extensionApi(): Promise<ExtensionApi> {
  const ext = await activateExtension();
  const api = ext.exports as ExtensionApi;
  await api.ready;
  return api;
}

/** An untitled document in `language`, shown in an editor (the commands act on the active editor). */
export async function openUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc);
}

/** The position of the `nth` occurrence of `needle`, moved `shift` characters into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, shift = 0, nth = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = doc.getText().indexOf(needle, offset + 1);
    if (offset < 0) {
      throw new Error(`"${needle}" (occurrence ${nth + 1}) is not in ${doc.uri.toString()}`);
    }
  }
  return doc.positionAt(offset + shift);
}

/** The range `needle` covers in the document. */
export function rangeOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const start = positionOf(doc, needle, 0, nth);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** Every hover at `position`, as one Markdown string, plus the contents for finer checks. */
export async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; contents: (vscode.MarkdownString | vscode.MarkedString)[] }> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  const contents = hovers.flatMap((hover) => hover.contents);
  const text = contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n\n');
  return { text, contents };
}

/** Polls an async `check` until it returns a value or the deadline passes (for states with no event). */
export async function pollAsync<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000, what = 'condition', intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Sets a user (Global) setting, runs `body`, and restores the previous user value whatever happens.
 * User settings live in the run's temporary user-data dir; a Workspace target would write into the repo.
 */
export async function withSetting<T>(section: string, key: string, value: unknown, body: () => Promise<T>, languageId?: string): Promise<T> {
  const config = () => vscode.workspace.getConfiguration(section, languageId ? { languageId } : undefined);
  const inspected = config().inspect(key);
  const previous = languageId ? inspected?.globalLanguageValue : inspected?.globalValue;
  const global = vscode.ConfigurationTarget.Global;
  await config().update(key, value, global, languageId ? true : undefined);
  try {
    return await body();
  } finally {
    await config().update(key, previous, global, languageId ? true : undefined);
  }
}
