/** Completion of parameter names, enum values and whole bodies, all from the catalog. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findParameter } from '../../core/catalog/parameterPath';
import { bodySnippet } from '../../core/catalog/skeleton';
import type { OperationSpec } from '../../core/catalog/types';
import { completeInBody, type CompletionProposal } from '../../core/completion/bodyCompletion';
import type { HoverEnvironment } from '../../core/hover/environment';
import { operationHover, parameterHover } from '../../core/hover/operationHover';
import { toRange } from '../convert';
import type { DocumentStore } from '../documentStore';

export function provideCompletion(document: TextDocument, position: Position, store: DocumentStore, env: HoverEnvironment): CompletionItem[] {
  if (store.isTooLarge(document)) {
    return [];
  }
  const offset = document.offsetAt(position);
  const located = store.locate(document, offset);
  if (!located) {
    return [];
  }
  const { analysis, base } = located;
  const local = offset - base;
  // The innermost body: a script's body grown in steps spans other statements, which may hold bodies of their own.
  const body = analysis.bodies.filter((candidate) => candidate.span.start <= local && local <= candidate.span.end).pop();
  if (body?.operation) {
    const operation = body.operation;
    return completeInBody(operation, body.analysis, local, body.syntax).map((proposal) =>
      toItem(document, { ...proposal, start: proposal.start + base, end: proposal.end + base }, operation, env),
    );
  }
  // A request with a known operation and no body yet: offer the whole body.
  const request = analysis.requests.find(({ request: r }) => r.requestLine.end < local && local <= r.end && !r.body);
  if (request?.operation?.bodyKind === 'json' && isOnEmptyLine(document, position)) {
    return [skeletonItem(request.operation, env)];
  }
  return [];
}

function isOnEmptyLine(document: TextDocument, position: Position): boolean {
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
  return line.trim() === '' || line.trim() === '{' || line.trim() === '{}';
}

function toItem(document: TextDocument, proposal: CompletionProposal, operation: OperationSpec, env: HoverEnvironment): CompletionItem {
  const parameter = proposal.parameter ? findParameter(operation.body, proposal.parameter) : undefined;
  return {
    label: proposal.label,
    kind: proposal.kind === 'property' ? CompletionItemKind.Property : CompletionItemKind.EnumMember,
    detail: proposal.required ? env.t('required') : undefined,
    documentation: parameter ? { kind: MarkupKind.Markdown, value: parameterHover(parameter.name, parameter, operation, env) } : undefined,
    // Required parameters first, then the rest, each group in catalog order.
    sortText: `${proposal.required ? '0' : '1'}${proposal.label}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(document, proposal.start, proposal.end), newText: proposal.snippet },
    filterText: filterTextOf(document, proposal),
  };
}

/** What the editor compares with the text being replaced: a key typed in quotes is matched with its quote. */
function filterTextOf(document: TextDocument, proposal: CompletionProposal): string {
  if (proposal.start === proposal.end) {
    return proposal.label;
  }
  const quote = document.getText().charAt(proposal.start);
  return quote === '"' ? JSON.stringify(proposal.label) : quote === "'" ? `'${proposal.label}'` : proposal.label;
}

function skeletonItem(operation: OperationSpec, env: HoverEnvironment): CompletionItem {
  return {
    label: env.t('{title}: request body', { title: operation.title[env.language] }),
    kind: CompletionItemKind.Snippet,
    insertTextFormat: InsertTextFormat.Snippet,
    insertText: bodySnippet(operation),
    documentation: { kind: MarkupKind.Markdown, value: operationHover(operation, env) },
    preselect: true,
  };
}
