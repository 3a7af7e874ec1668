/** Wires the features to an LSP connection; no domain logic lives here. */
import { CodeActionKind, CodeLensRefreshRequest, TextDocumentSyncKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ScriptParsers, type WasmLoader } from '../core/scripts/parsers';
import { readSettings, defaultSettings, type Settings } from '../core/settings';
import {
  ErrorsRequest,
  FixAllKind,
  FixAllRequest,
  LargeDocumentNotification,
  SettingIds,
  ServerInfoRequest,
  SettingProblemNotification,
} from '../shared/protocol';
import { toTextEdit } from './convert';
import { DocumentManager } from './documents';
import { DocumentStore } from './documentStore';
import { fixAllEdits } from '../core/fixAll';
import { provideCodeActions } from './features/codeActions';
import { grammarLoader } from '../shared/grammarFiles';
import { provideCodeLenses } from './features/codeLens';
import { provideCompletion } from './features/completion';
import { DiagnosticsPublisher } from './features/diagnostics';
import { errorSummaries } from './features/errorSummaries';
import { provideHover } from './features/hover';
import { currentLanguage, resolveLanguage, setLanguage, t } from '../shared/language';
import { safeHandler } from './safeHandler';

const DIAGNOSTICS_DELAY_MS = 150;

export interface StartOptions {
  /** Called once the client has been told the server is initialized. */
  readonly onInitialized?: () => void;
  readonly compiledFrom?: 'cache' | 'source';
  /** Where script grammars come from; by default the .wasm files beside the bundle. */
  readonly grammars?: WasmLoader;
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  const documents = new DocumentManager();
  let settings: Settings = defaultSettings;
  let clientLocale: string | undefined;
  let canPullConfiguration = false;
  let canRefreshCodeLenses = false;
  let reportedProblems = new Set<string>();
  const noticedLargeDocuments = new Set<string>();
  const store = new DocumentStore(() => settings.maxFileSizeMB * 1024 * 1024, new ScriptParsers(options.grammars ?? grammarLoader()));
  const diagnostics = new DiagnosticsPublisher(connection, documents, store, () => settings.validationEnabled, DIAGNOSTICS_DELAY_MS);
  const env = () => ({ language: currentLanguage(), t });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientLocale = params.locale;
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRefreshCodeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    applySettings(readSettings(params.initializationOptions?.settings).settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['"', ':', ' '] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FixAllKind] },
        codeLensProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'mde-api-tools' },
    };
  });

  connection.onInitialized(() => {
    void refreshSettings();
    options.onInitialized?.();
  });
  connection.onDidChangeConfiguration((change) => {
    if (!canPullConfiguration) {
      applySettings(readSettings(change.settings?.[SettingIds.section]).settings);
    }
    void refreshSettings();
  });

  async function refreshSettings(): Promise<void> {
    if (!canPullConfiguration) {
      return;
    }
    const raw: unknown = await connection.workspace.getConfiguration(SettingIds.section);
    const { settings: next, problems } = readSettings(raw);
    // Say each bad value once, not on every configuration change.
    const keys = new Set(problems.map((problem) => `${problem.setting}=${problem.value}`));
    for (const problem of problems.filter((candidate) => !reportedProblems.has(`${candidate.setting}=${candidate.value}`))) {
      void connection.sendNotification(SettingProblemNotification.method, problem satisfies SettingProblemNotification.Params);
    }
    reportedProblems = keys;
    applySettings(next);
  }

  function applySettings(next: Settings): void {
    const sizeChanged = next.maxFileSizeMB !== settings.maxFileSizeMB;
    const lensesChanged = next.codeLensEnabled !== settings.codeLensEnabled;
    const validationChanged = next.validationEnabled !== settings.validationEnabled;
    settings = next;
    const languageChanged = setLanguage(resolveLanguage(settings.docsLanguage, clientLocale));
    if (sizeChanged || languageChanged) {
      store.clear();
      noticedLargeDocuments.clear();
    }
    if (sizeChanged) {
      documents.all().forEach(noticeIfTooLarge);
    }
    // Lens titles are worded in the server's language, and the lenses may have been switched off.
    if ((languageChanged || lensesChanged) && canRefreshCodeLenses) {
      void connection.sendRequest(CodeLensRefreshRequest.type);
    }
    // VS Code sends the settings again right after start-up, unchanged: publishing every document's
    // diagnostics again then converted and sent a large file's hundreds of them twice or three times.
    if (sizeChanged || languageChanged || validationChanged) {
      diagnostics.scheduleAll();
    }
  }

  function noticeIfTooLarge(document: TextDocument): void {
    if (store.isTooLarge(document) && !noticedLargeDocuments.has(document.uri)) {
      noticedLargeDocuments.add(document.uri);
      const params: LargeDocumentNotification.Params = {
        uri: document.uri,
        sizeMB: Math.round(document.getText().length / (1024 * 1024)),
        limitMB: settings.maxFileSizeMB,
      };
      void connection.sendNotification(LargeDocumentNotification.method, params);
    }
  }

  documents.onDidOpen(({ document }) => {
    noticeIfTooLarge(document);
    diagnostics.schedule(document, 0);
  });
  documents.onDidChange(({ document, changes }) => {
    store.update(document, changes);
    noticeIfTooLarge(document);
    diagnostics.schedule(document);
  });
  documents.onDidClose(({ document }) => {
    store.forget(document.uri);
    noticedLargeDocuments.delete(document.uri);
    diagnostics.clear(document.uri);
  });

  // A script's first request may come before its grammar has loaded: every feature waits for it.
  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(fallback: R, run: (document: TextDocument, params: P) => R) =>
    async (params: P): Promise<R> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) {
        return fallback;
      }
      await store.prepare(document);
      return run(document, params);
    };

  connection.onHover(safeHandler(connection, 'hover', withDocument(null, (document, params) => provideHover(document, params.position, store, env()))));
  connection.onCompletion(
    safeHandler(connection, 'completion', withDocument([], (document, params) => provideCompletion(document, params.position, store, env()))),
  );
  connection.onCodeAction(safeHandler(connection, 'code actions', withDocument([], (document, params) => provideCodeActions(document, params, store))));
  connection.onCodeLens(
    safeHandler(connection, 'code lens', withDocument([], (document) => (settings.codeLensEnabled ? provideCodeLenses(document, store) : []))),
  );
  connection.onRequest(
    ErrorsRequest.method,
    safeHandler(connection, 'errors', (params: ErrorsRequest.Params): ErrorsRequest.Result => {
      const document = documents.get(params.uri);
      return document ? errorSummaries(document, store, params.ranges) : [];
    }),
  );
  connection.onRequest(
    FixAllRequest.method,
    safeHandler(connection, 'fix all', async (params: FixAllRequest.Params): Promise<FixAllRequest.Result | null> => {
      const document = documents.get(params.uri);
      if (!document) {
        return null;
      }
      await store.prepare(document);
      const edits = fixAllEdits(store.findings(document)).map((edit) => toTextEdit(document, edit));
      return { version: document.version, edits };
    }),
  );

  connection.onRequest(ServerInfoRequest.method, (): ServerInfoRequest.Result => ({
    pid: process.pid,
    language: currentLanguage(),
    compiledFrom: options.compiledFrom ?? 'source',
  }));

  documents.listen(connection);
  connection.listen();
}
