/** Per-document analysis: incremental for .http documents, otherwise once per version, on demand. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogMatcher } from '../core/catalog/catalog';
import { errorAt, recognizeErrors, type RecognizedError } from '../core/errors/errorRecognizer';
import type { Finding } from '../core/findings';
import { IncrementalHttpAnalysis, type LocatedAnalysis, type TextChange } from '../core/requests/incrementalHttp';
import { analyzeDocument, documentKindOf, type DocumentAnalysis } from '../core/requests/requestAnalyzer';
import type { ScriptParsers } from '../core/scripts/parsers';
import { scriptLanguageOf } from '../core/scripts/registry';
import { ScriptDocument } from '../core/scripts/scriptDocument';

interface Entry {
  version: number;
  /** .http documents: kept across versions and updated block by block. */
  http?: IncrementalHttpAnalysis;
  /** Scripts: the syntax tree is kept across versions and reparsed incrementally. */
  script?: ScriptDocument;
  /** Other documents: recomputed per version. */
  whole?: DocumentAnalysis;
  errors?: RecognizedError[];
}

export class DocumentStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly sizeLimitChars: () => number,
    private readonly parsers: ScriptParsers,
  ) {}

  /**
   * Loads what analysing the document needs (a script's grammar, the first time one of its
   * language is seen); everything after that is synchronous.
   */
  async prepare(document: TextDocument): Promise<void> {
    const language = scriptLanguageOf(document.languageId);
    if (language) {
      await this.parsers.prepare(language.grammar);
    }
  }

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
    if (entry.script && changes && !this.isTooLarge(document)) {
      entry.script.update(document.getText(), changes);
    } else {
      this.dropScript(entry);
    }
    entry.version = document.version;
  }

  findings(document: TextDocument): readonly Finding[] {
    const entry = this.entry(document);
    return entry.http ? entry.http.findings() : entry.script ? entry.script.analyze().findings : this.whole(document, entry).findings;
  }

  /** The analysis that covers `offset`, and the document offset its offsets count from. */
  locate(document: TextDocument, offset: number): LocatedAnalysis | undefined {
    const entry = this.entry(document);
    if (entry.http) {
      return entry.http.locate(document.getText(), offset);
    }
    return { analysis: entry.script ? entry.script.analyze() : this.whole(document, entry), base: 0 };
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
    const entry = this.entries.get(uri);
    if (entry) {
      this.dropScript(entry);
    }
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.forEach((entry) => this.dropScript(entry));
    this.entries.clear();
  }

  private dropScript(entry: Entry): void {
    entry.script?.dispose();
    entry.script = undefined;
  }

  private entry(document: TextDocument): Entry {
    let entry = this.entries.get(document.uri);
    if (!entry || entry.version !== document.version) {
      if (entry) {
        this.dropScript(entry);
      }
      entry = { version: document.version };
      this.entries.set(document.uri, entry);
    }
    if (!entry.http && !entry.script && !this.isTooLarge(document)) {
      const kind = documentKindOf(document.languageId);
      if (kind === 'http') {
        entry.http = new IncrementalHttpAnalysis(catalogMatcher);
        entry.http.reset(document.getText());
      } else if (kind === 'script') {
        entry.script = this.newScript(document);
      }
    }
    return entry;
  }

  /** Undefined until `prepare` has loaded the language's grammar: the document then reads as empty. */
  private newScript(document: TextDocument): ScriptDocument | undefined {
    const language = scriptLanguageOf(document.languageId);
    const parser = language && this.parsers.parser(language.grammar);
    if (!language || !parser) {
      return undefined;
    }
    const script = new ScriptDocument(parser, language.extractor, catalogMatcher);
    script.reset(document.getText());
    return script;
  }

  private whole(document: TextDocument, entry: Entry): DocumentAnalysis {
    entry.whole ??= this.isTooLarge(document)
      ? { findings: [], requests: [], bodies: [] }
      : analyzeDocument(document.getText(), documentKindOf(document.languageId), catalogMatcher);
    return entry.whole;
  }
}
