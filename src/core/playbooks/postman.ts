/**
 * Request bodies in Postman collections (v2.0 and v2.1): each request's method and URL, a raw
 * body (JSON inside a JSON string), and form bodies sent to JSON operations; folders at any depth.
 */
import type { Node } from 'jsonc-parser';
import type { BodyTarget, EmbeddedBody } from '../embedded/embeddedBody';
import { JsonViewBuilder } from '../json/jsonView';
import { asMasked, stringView, type StringPiece } from '../scripts/stringView';
import { elements, property, spanOf, stringOf } from './jsonNodes';
import { jsonStringEncoder, jsonStringPieces, jsonStringSyntax } from './jsonStringPieces';

const COLLECTION_SCHEMA = /\/json\/collection\/v2\.[01]\.\d+\//i;
/** Folders nest a few levels; a bound keeps a crafted file from exhausting the stack. */
const MAX_FOLDER_DEPTH = 64;

export function isPostmanCollection(root: Node): boolean {
  return COLLECTION_SCHEMA.test(stringOf(property(property(root, 'info'), 'schema')) ?? '');
}

export function postmanBodies(text: string, root: Node): EmbeddedBody[] {
  const bodies: EmbeddedBody[] = [];
  for (const request of requestsOf(property(root, 'item'), 0)) {
    const body = requestBody(text, request);
    if (body) {
      bodies.push(body);
    }
  }
  return bodies;
}

function requestsOf(items: Node | undefined, depth: number): Node[] {
  if (depth > MAX_FOLDER_DEPTH) {
    return [];
  }
  return elements(items).flatMap((item) => {
    const request = property(item, 'request');
    return [...(request?.type === 'object' ? [request] : []), ...requestsOf(property(item, 'item'), depth + 1)];
  });
}

function requestBody(text: string, request: Node): EmbeddedBody | undefined {
  const body = property(request, 'body');
  if (body?.type !== 'object' || property(body, 'disabled')?.value === true) {
    return undefined;
  }
  const modeNode = property(body, 'mode');
  const mode = stringOf(modeNode);
  const target = targetOf(request);
  if (mode === 'raw') {
    const raw = property(body, 'raw');
    const pieces = raw?.type === 'string' ? jsonStringPieces(text, raw.offset, raw.offset + raw.length) : undefined;
    if (!raw || !pieces || !startsAnObject(pieces)) {
      return undefined;
    }
    return { region: spanOf(raw), view: stringView(pieces, jsonStringEncoder), target, allowComments: false, syntax: jsonStringSyntax };
  }
  if ((mode === 'formdata' || mode === 'urlencoded') && modeNode) {
    const fields = property(body, mode);
    if (elements(fields).length === 0) {
      return undefined;
    }
    // What the form holds is not JSON at all: the body stands as one unknown value, and only the pitfall is reported.
    const span = spanOf(modeNode);
    return { region: span, view: unknownObject(span.start, span.end), target, allowComments: false, pitfalls: [{ code: 'form-encoded-body', span }] };
  }
  return undefined;
}

/** Whether the decoded text starts with `{`: escapes count as the characters they stand for (`\u007b`). */
function startsAnObject(pieces: readonly StringPiece[]): boolean {
  for (const piece of pieces) {
    if (piece.kind === 'interpolation') {
      return false;
    }
    const decoded = (piece.kind === 'text' ? piece.text : piece.char).trimStart();
    if (decoded.length > 0) {
      return decoded.startsWith('{');
    }
  }
  return false;
}

function unknownObject(start: number, end: number) {
  const builder = new JsonViewBuilder();
  builder.punct('{', start);
  builder.unknown(true, start, end);
  builder.punct(':', end);
  builder.unknown(false, end, end);
  builder.punct('}', end);
  return asMasked(builder.build());
}

function targetOf(request: Node): BodyTarget {
  const methodNode = property(request, 'method');
  const urlNode = property(request, 'url');
  const shown = urlNode?.type === 'object' ? (property(urlNode, 'raw') ?? urlNode) : urlNode;
  return {
    source: 'call',
    // Postman sends GET when a request names no method.
    method: (stringOf(methodNode) ?? 'GET').toUpperCase(),
    url: withPlaceholders(urlText(urlNode)),
    urlSpan: shown && spanOf(shown),
    methodSpan: methodNode && spanOf(methodNode),
  };
}

/** The URL as a string: written whole, or as `raw`, or in parts (`protocol`, `host`, `path`). */
function urlText(url: Node | undefined): string {
  const whole = stringOf(url) ?? stringOf(property(url, 'raw'));
  if (whole !== undefined) {
    return whole;
  }
  const protocol = stringOf(property(url, 'protocol'));
  const host = partsOf(property(url, 'host')).join('.');
  const path = partsOf(property(url, 'path')).join('/');
  return `${protocol ? `${protocol}://` : ''}${host}/${path}`;
}

/** `host` and `path` are a string or an array of strings (v2.0 also allows `{ "value": … }` path parts). */
function partsOf(node: Node | undefined): string[] {
  const single = stringOf(node);
  if (single !== undefined) {
    return [single];
  }
  return elements(node).map((part) => stringOf(part) ?? stringOf(property(part, 'value')) ?? '{{}}');
}

/** `{{variables}}` and `:pathVariables` are only known when sent. */
function withPlaceholders(url: string): string {
  return url.replace(/\{\{[^{}]*\}\}/g, '{{}}').replace(/(^|\/):[A-Za-z_][\w-]*(?=\/|$|[?#])/g, '$1{{}}');
}
