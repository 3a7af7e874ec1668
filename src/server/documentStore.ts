/** Per-document analysis: incremental for .http documents, otherwise once per version, on demand. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogMatcher } from '../core/catalog/catalog';
import { errorAt, recognizeErrors, type RecognizedError } from '../core/errors/errorRecognizer';
import type { Finding } from '../core/findings';
import { IncrementalHttpAnalysis, type LocatedAnalysis, type TextChange } from '../core/requests/incrementalHttp';
import { analyzeDocument, documentKindOf, type DocumentAnalysis } from '../core/requests/requestAnalyzer';

interface Entry {
  version: number;
  /** .http documents: kept across versions and updated block by block. */
  http?: IncrementalHttpAnalysis;
  /** Other documents: recomputed per version. */
  whole?: DocumentAnalysis;
  errors?: RecognizedError[];
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly sizeLimitChars: () => number) {}

  /** Whether the document is over the size limit, where body validation is skipped. */
  isTooLarge(document: TextDocument): boolean {
    // UTF-16 length is a close, cheap stand-in for the size on disk.
    return document.getText().length > this.sizeLimitChars();
  }

  /** Takes an edit into account; only .http analyses use the spans, the rest start over. */
  update(document: TextDocument, changes: readonly TextChange[] | undefined): void {
    const entry = this.entries.get(document.uri);
    if (!entry) {
      return;
    }
    entry.errors = undefined;
    entry.whole = undefined;
    if (entry.http && changes && !this.isTooLarge(document)) {
      entry.http.update(document.getText(), changes);
    } else {
      entry.http = undefined;
    }
    entry.version = document.version;
  }

  findings(document: TextDocument): readonly Finding[] {
    const entry = this.entry(document);
    return entry.http ? entry.http.findings() : this.whole(document, entry).findings;
  }

  /** The analysis that covers `offset`, and the document offset its offsets count from. */
  locate(document: TextDocument, offset: number): LocatedAnalysis | undefined {
    const entry = this.entry(document);
    return entry.http ? entry.http.locate(document.getText(), offset) : { analysis: this.whole(document, entry), base: 0 };
  }

  /** Every error response in the document (for code lenses and the copy commands). */
  errors(document: TextDocument): RecognizedError[] {
    const entry = this.entry(document);
    if (entry.http) {
      return entry.http.errors(document.getText());
    }
    entry.errors ??= recognizeErrors(document.getText());
    return entry.errors;
  }

  /** The error response that holds `offset`: in an .http document, searched for in its `###` block, as `errors` does. */
  errorAt(document: TextDocument, offset: number): RecognizedError | undefined {
    const entry = this.entry(document);
    return entry.http ? entry.http.errorAt(document.getText(), offset) : errorAt(document.getText(), offset);
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
    if (!entry.http && !entry.whole && documentKindOf(document.languageId) === 'http' && !this.isTooLarge(document)) {
      entry.http = new IncrementalHttpAnalysis(catalogMatcher);
      entry.http.reset(document.getText());
    }
    return entry;
  }

  private whole(document: TextDocument, entry: Entry): DocumentAnalysis {
    entry.whole ??= this.isTooLarge(document)
      ? { findings: [], requests: [], bodies: [] }
      : analyzeDocument(document.getText(), documentKindOf(document.languageId), catalogMatcher);
    return entry.whole;
  }
}
