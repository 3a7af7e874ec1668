import * as path from 'path';
import * as vscode from 'vscode';

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
