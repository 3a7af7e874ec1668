/**
 * Open documents, like vscode-languageserver's TextDocuments, but each change event also says
 * which spans changed: that is what lets validation redo only the edited request block.
 */
import { Emitter, type Connection, type Event, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../core/requests/incrementalHttp';
import { ServerDocument } from './textDocument';

export interface DocumentChangeEvent {
  readonly document: TextDocument;
  /** The changed spans in order, each in the text as it was before it; undefined for a full replacement. */
  readonly changes?: readonly TextChange[];
}

export class DocumentManager {
  private readonly documents = new Map<string, ServerDocument>();
  private readonly opened = new Emitter<DocumentChangeEvent>();
  private readonly changed = new Emitter<DocumentChangeEvent>();
  private readonly closed = new Emitter<DocumentChangeEvent>();

  readonly onDidOpen: Event<DocumentChangeEvent> = this.opened.event;
  readonly onDidChange: Event<DocumentChangeEvent> = this.changed.event;
  readonly onDidClose: Event<DocumentChangeEvent> = this.closed.event;

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument }) => {
      const document = new ServerDocument(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
      this.documents.set(textDocument.uri, document);
      this.opened.fire({ document });
    });
    connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document || contentChanges.length === 0) {
        return;
      }
      const changes: TextChange[] = [];
      let incremental = true;
      for (const change of contentChanges) {
        incremental &&= applyOne(document, change, textDocument.version, changes);
      }
      this.changed.fire({ document, changes: incremental ? changes : undefined });
    });
    connection.onDidCloseTextDocument(({ textDocument }) => {
      const document = this.documents.get(textDocument.uri);
      if (document) {
        this.documents.delete(textDocument.uri);
        this.closed.fire({ document });
      }
    });
  }
}

/** Applies one change, recording its span; false when it replaced the whole text. */
function applyOne(document: ServerDocument, change: TextDocumentContentChangeEvent, version: number, changes: TextChange[]): boolean {
  if (!('range' in change)) {
    document.update([change], version);
    return false;
  }
  const start = document.offsetAt(change.range.start);
  const end = document.offsetAt(change.range.end);
  document.update([change], version);
  changes.push({ start, end, newLength: change.text.length });
  return true;
}
