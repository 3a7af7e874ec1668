/** Answers the client's copy commands with the error responses of a document or a selection. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RecognizedError } from '../../core/errors/errorRecognizer';
import { supportFactsOf } from '../../core/errors/supportDetails';
import type { ErrorSummary, WireRange } from '../../shared/protocol';
import { toRange } from '../convert';
import type { DocumentStore } from '../documentStore';

export function errorSummaries(document: TextDocument, store: DocumentStore, ranges?: readonly WireRange[]): ErrorSummary[] {
  const spans = ranges?.map((range) => ({ start: document.offsetAt(range.start), end: document.offsetAt(range.end) }));
  return store
    .errors(document)
    .filter((error) => !spans || spans.some((span) => error.start <= span.end && span.start <= error.end))
    .map((error) => toSummary(document, error));
}

function toSummary(document: TextDocument, error: RecognizedError): ErrorSummary {
  return { range: toRange(document, error.start, error.end), ...supportFactsOf(error) };
}
