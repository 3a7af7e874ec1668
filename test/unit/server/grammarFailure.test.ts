import * as assert from 'node:assert/strict';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ScriptParsers } from '../../../src/core/scripts/parsers';
import type { DocumentManager } from '../../../src/server/documents';
import { DocumentStore } from '../../../src/server/documentStore';
import { DiagnosticsPublisher } from '../../../src/server/features/diagnostics';

/** What the publisher sends: diagnostics, warnings shown to the user, lines logged. */
function recordingConnection() {
  const sent: PublishDiagnosticsParams[] = [];
  const warnings: string[] = [];
  const logged: string[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const connection = {
    sendDiagnostics: async (params: PublishDiagnosticsParams) => {
      sent.push(params);
      waiters.filter((waiter) => sent.length >= waiter.count).forEach((waiter) => waiter.resolve());
    },
    window: { showWarningMessage: async (message: string) => warnings.push(message) },
    console: { error: (message: string) => logged.push(message) },
  } as unknown as Connection;
  /** Resolves once `count` sets of diagnostics have been sent. */
  const published = (count: number) => new Promise<void>((resolve) => (sent.length >= count ? resolve() : waiters.push({ count, resolve })));
  return { connection, sent, warnings, logged, published };
}

describe('a script whose grammar cannot be loaded', () => {
  it('gets an empty set of diagnostics, and the user is told once per language why its bodies are not checked', async () => {
    const missing = new ScriptParsers(async (file) => {
      throw new Error(`ENOENT: ${file} is missing`);
    });
    const store = new DocumentStore(() => 4 * 1024 * 1024, missing);
    const open = new Map<string, TextDocument>();
    const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] } as unknown as DocumentManager;
    const recorder = recordingConnection();
    const publisher = new DiagnosticsPublisher(recorder.connection, documents, store, () => true, 0);
    for (const [index, text] of ["$body = @{ isolationType = 'Full' }", '$x = 1'].entries()) {
      const document = TextDocument.create(`file:///runbook-${index}.ps1`, 'powershell', 3, text);
      open.set(document.uri, document);
      publisher.schedule(document);
      await recorder.published(index + 1);
    }
    assert.deepEqual(recorder.sent, [
      { uri: 'file:///runbook-0.ps1', version: 3, diagnostics: [] },
      { uri: 'file:///runbook-1.ps1', version: 3, diagnostics: [] },
    ]);
    assert.equal(recorder.warnings.length, 1);
    assert.match(recorder.warnings[0], /powershell.*ENOENT: tree-sitter.*is missing/);
    assert.equal(recorder.logged.length, 2);
    assert.match(recorder.logged[0], /loading the grammar for file:\/\/\/runbook-0\.ps1 failed/);
  });
});
