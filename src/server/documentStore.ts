/** Per-document analysis, computed once per version and only when a feature asks for it. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogMatcher } from '../core/catalog/catalog';
import { recognizeErrors, type RecognizedError } from '../core/errors/errorRecognizer';
import { analyzeDocument, documentKindOf, type DocumentAnalysis } from '../core/requests/requestAnalyzer';

interface Entry {
  readonly version: number;
  analysis?: DocumentAnalysis;
  errors?: RecognizedError[];
}

const EMPTY: DocumentAnalysis = { findings: [], requests: [], bodies: [] };

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly sizeLimitBytes: () => number) {}

  /** Whether the document is over the size limit, where body validation is skipped. */
  isTooLarge(document: TextDocument): boolean {
    // UTF-16 length is a close, cheap stand-in for the size on disk.
    return document.getText().length > this.sizeLimitBytes();
  }

  analysis(document: TextDocument): DocumentAnalysis {
    const entry = this.entry(document);
    if (!entry.analysis) {
      entry.analysis = this.isTooLarge(document) ? EMPTY : analyzeDocument(document.getText(), documentKindOf(document.languageId), catalogMatcher);
    }
    return entry.analysis;
  }

  /** Every error response in the document (for code lenses and the copy commands). */
  errors(document: TextDocument): RecognizedError[] {
    const entry = this.entry(document);
    if (!entry.errors) {
      entry.errors = recognizeErrors(document.getText());
    }
    return entry.errors;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  private entry(document: TextDocument): Entry {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      entry = { version: document.version };
      this.entries.set(document.uri, entry);
    }
    return entry;
  }
}
