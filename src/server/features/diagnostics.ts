/** Publishes body diagnostics, debounced per document; results for superseded versions are dropped. */
import type { Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from '../convert';
import type { DocumentManager } from '../documents';
import type { DocumentStore } from '../documentStore';
import { t } from '../../shared/language';
import { formatError } from '../safeHandler';

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Languages whose grammar failed to load, told once each. */
  private readonly grammarWarnings = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentManager,
    private readonly store: DocumentStore,
    private readonly enabled: () => boolean,
    private readonly delayMs: number,
  ) {}

  schedule(document: TextDocument, delayMs = this.delayMs): void {
    this.cancel(document.uri);
    this.pending.set(
      document.uri,
      setTimeout(() => {
        this.pending.delete(document.uri);
        this.publish(document.uri, document.version);
      }, delayMs),
    );
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) {
      this.schedule(document, 0);
    }
  }

  clear(uri: string): void {
    this.cancel(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) {
      clearTimeout(timer);
      this.pending.delete(uri);
    }
  }

  private publish(uri: string, version: number): void {
    const document = this.documents.get(uri);
    if (!document || document.version !== version) {
      return;
    }
    this.store.prepare(document).then(
      () => this.publishPrepared(uri, version),
      (error: unknown) => this.grammarFailed(uri, version, error),
    );
  }

  /**
   * Without its grammar a script cannot be read: it gets an empty set of diagnostics rather than
   * none at all (a client waiting for them would wait forever), and the user is told once.
   */
  private grammarFailed(uri: string, version: number, error: unknown): void {
    this.connection.console.error(formatError(`loading the grammar for ${uri} failed`, error));
    const document = this.documents.get(uri);
    if (!document || document.version !== version) {
      return;
    }
    void this.connection.sendDiagnostics({ uri, version, diagnostics: [] });
    if (!this.grammarWarnings.has(document.languageId)) {
      this.grammarWarnings.add(document.languageId);
      const reason = error instanceof Error ? error.message : String(error);
      void this.connection.window.showWarningMessage(
        t('Request bodies in {language} files are not checked: its parser could not be loaded ({reason}). Reinstalling the extension restores it.', {
          language: document.languageId,
          reason,
        }),
      );
    }
  }

  private publishPrepared(uri: string, version: number): void {
    const document = this.documents.get(uri);
    if (!document || document.version !== version) {
      return;
    }
    try {
      const findings = this.enabled() ? this.store.findings(document) : [];
      const diagnostics = findings.map((finding) => toDiagnostic(document, finding));
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      this.connection.console.error(formatError(`validating ${uri} failed`, error));
    }
  }
}
