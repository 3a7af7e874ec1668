/** Hovers: error codes and correlation ids anywhere; operations and parameters in request bodies. */
import { getLocation } from 'jsonc-parser';
import type { Hover, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogMatcher } from '../../core/catalog/catalog';
import { shapeAtPath } from '../../core/catalog/parameterPath';
import type { HoverEnvironment } from '../../core/hover/environment';
import { errorCodeHover, targetHover } from '../../core/hover/errorHover';
import { operationHover, parameterHover } from '../../core/hover/operationHover';
import { operationDirective } from '../../core/requests/directive';
import { hostEndOffset, hostOffset, viewOffset } from '../../core/json/maskedBody';
import { documentKindOf } from '../../core/requests/requestAnalyzer';
import { toRange } from '../convert';
import type { DocumentStore } from '../documentStore';

export function provideHover(document: TextDocument, position: Position, store: DocumentStore, env: HoverEnvironment): Hover | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  return errorHover(document, offset, store, env) ?? bodyHover(document, text, offset, store, env);
}

function markdown(value: string, document: TextDocument, start: number, end: number): Hover {
  return { contents: { kind: 'markdown', value }, range: toRange(document, start, end) };
}

function errorHover(document: TextDocument, offset: number, store: DocumentStore, env: HoverEnvironment): Hover | null {
  const error = store.errorAt(document, offset);
  if (!error) {
    return null;
  }
  const within = (start: number, end: number) => start <= offset && offset <= end;
  const { code, target } = error;
  if (code && (within(code.start, code.end) || within(code.keyStart, code.keyEnd))) {
    return markdown(errorCodeHover(error, env), document, code.start, code.end);
  }
  if (target && (within(target.start, target.end) || within(target.keyStart, target.keyEnd))) {
    return markdown(targetHover(error, env), document, target.start, target.end);
  }
  return null;
}

function bodyHover(document: TextDocument, text: string, offset: number, store: DocumentStore, env: HoverEnvironment): Hover | null {
  if (documentKindOf(document.languageId) === 'other' || store.isTooLarge(document)) {
    return null;
  }
  const located = store.locate(document, offset);
  if (!located) {
    return null;
  }
  // The located analysis counts offsets from `base` (its request block).
  const { analysis, base } = located;
  const local = offset - base;
  for (const { request, operation } of analysis.requests) {
    if (operation && request.requestLine.start <= local && local <= request.requestLine.end) {
      return markdown(operationHover(operation, env), document, base + request.urlSpan.start, base + request.urlSpan.end);
    }
  }
  // A playbook action's URI or path, a Postman request's URL, a script call's URI.
  const called = analysis.bodies.find(({ operation, target }) => operation && target?.urlSpan && target.urlSpan.start <= local && local <= target.urlSpan.end);
  if (called?.operation && called.target?.urlSpan) {
    return markdown(operationHover(called.operation, env), document, base + called.target.urlSpan.start, base + called.target.urlSpan.end);
  }
  const directive = operationDirective(text);
  if (directive && directive.start <= offset && offset <= directive.end) {
    const operation = catalogMatcher.matchUrl(directive.method, directive.path).operation;
    return operation ? markdown(operationHover(operation, env), document, directive.start, directive.end) : null;
  }
  // A script's call that sends a body: its URI (or the directive naming the operation) explains the operation.
  for (const { target, operation } of analysis.bodies) {
    const url = target?.urlSpan;
    if (operation && url && url.start <= local && local <= url.end) {
      return markdown(operationHover(operation, env), document, base + url.start, base + url.end);
    }
  }
  // The innermost body: a script's body grown in steps spans other statements, which may hold bodies of their own.
  const body = analysis.bodies.filter((candidate) => candidate.span.start <= local && local <= candidate.span.end).pop();
  // No tree means nothing worth a hover, or a body too deep to parse again without overflowing.
  if (!body?.operation || !body.analysis.parsable) {
    return null;
  }
  const { masked } = body.analysis;
  const location = getLocation(masked.text, viewOffset(masked, local));
  const node = location.previousNode;
  if (!node || location.path.length === 0) {
    return null;
  }
  const shape = shapeAtPath(body.operation, location.path);
  const last = location.path[location.path.length - 1];
  if (!shape || typeof last !== 'string') {
    return null;
  }
  const nodeStart = base + hostOffset(masked, node.offset);
  const nodeEnd = base + hostEndOffset(masked, node.offset + node.length);
  // In a view of another syntax, host text between tokens (code between a body's steps) maps to the next token.
  if (offset < nodeStart || offset > nodeEnd) {
    return null;
  }
  return markdown(parameterHover(last, shape, body.operation, env), document, nodeStart, nodeEnd);
}
