/** Finds every request body in a document, works out its operation, and validates it. */
import type { OperationMatcher } from '../catalog/operationMatcher';
import type { OperationSpec } from '../catalog/types';
import type { Finding } from '../findings';
import { headerValue, parseHttpDocument, type HttpRequest, type Span } from '../http/httpParser';
import { scriptLanguageOf } from '../scripts/registry';
import { bodyFenceAfter, findFences } from '../text/markdownFences';
import { validateEmbedded, type AnalyzedBody, type BodyTarget, type EmbeddedBody } from '../embedded/embeddedBody';
import { maskBody } from '../json/maskedBody';
import { playbookBodies } from '../playbooks/detect';
import { operationDirective } from './directive';

/** How a document is read: derived from its VS Code language id. */
export type DocumentKind = 'http' | 'json' | 'markdown' | 'script' | 'other';

export function documentKindOf(languageId: string): DocumentKind {
  if (scriptLanguageOf(languageId)) {
    return 'script';
  }
  switch (languageId) {
    case 'http':
    case 'rest':
      return 'http';
    case 'json':
    case 'jsonc':
      return 'json';
    case 'markdown':
      return 'markdown';
    default:
      return 'other';
  }
}

export type { AnalyzedBody };

/** A request of an .http document (or Markdown fence) and its body. */
export interface AnalyzedRequest {
  readonly request: HttpRequest;
  readonly operation?: OperationSpec;
  readonly body?: AnalyzedBody;
}

export interface DocumentAnalysis {
  readonly findings: readonly Finding[];
  readonly requests: readonly AnalyzedRequest[];
  /** Bodies of JSON documents, and of requests, in document order. */
  readonly bodies: readonly AnalyzedBody[];
}

export function analyzeDocument(text: string, kind: DocumentKind, matcher: OperationMatcher): DocumentAnalysis {
  switch (kind) {
    case 'http':
      return analyzeHttp(text, [{ start: 0, end: text.length }], matcher);
    case 'markdown':
      return analyzeMarkdown(text, matcher);
    case 'json':
      return analyzeJsonDocument(text, matcher);
    case 'script':
      // Scripts need a parser loaded first: see scripts/scriptDocument.ts.
    case 'other':
      return { findings: [], requests: [], bodies: [] };
  }
}

function analyzeHttp(text: string, regions: readonly Span[], matcher: OperationMatcher): DocumentAnalysis {
  const findings: Finding[] = [];
  const requests: AnalyzedRequest[] = [];
  for (const region of regions) {
    for (const block of parseHttpDocument(text, region)) {
      if (block.request) {
        const analyzed = analyzeRequest(text, block.request, matcher, findings);
        requests.push(analyzed);
      }
    }
  }
  const bodies = requests.flatMap((request) => (request.body ? [request.body] : []));
  return { findings, requests, bodies };
}

/** Requests in `http` fences; a request line alone takes its body from the `json` fence after it, as the API docs write them. */
function analyzeMarkdown(text: string, matcher: OperationMatcher): DocumentAnalysis {
  const findings: Finding[] = [];
  const requests: AnalyzedRequest[] = [];
  const fences = findFences(text);
  fences.forEach((fence, index) => {
    if (fence.language !== 'http' && fence.language !== 'rest') {
      return;
    }
    const blocks = parseHttpDocument(text, fence.content);
    const bodyFence = bodyFenceAfter(text, fences, index);
    blocks.forEach((block, blockIndex) => {
      if (block.request) {
        const separateBody = blockIndex === blocks.length - 1 ? bodyFence?.content : undefined;
        requests.push(analyzeRequest(text, block.request, matcher, findings, separateBody));
      }
    });
  });
  const bodies = requests.flatMap((request) => (request.body ? [request.body] : []));
  return { findings, requests, bodies };
}

/**
 * Validates one request; exported so the server can re-run a single edited block. `separateBody`
 * is where its body stands when the request itself has none (the docs' `json` fence).
 */
export function analyzeRequest(text: string, request: HttpRequest, matcher: OperationMatcher, findings: Finding[], separateBody?: Span): AnalyzedRequest {
  const method = request.method ?? 'GET';
  const match = matcher.matchUrl(method, request.url);
  const operation = match.operation;
  const methodSpan = request.methodSpan ?? request.urlSpan;
  // The catalog holds the operations that take a body; GETs and body-less DELETEs are documented
  // elsewhere, so only a body-carrying method can be called wrong or unknown here.
  const carriesBody = method === 'POST' || method === 'PUT' || method === 'PATCH';
  if (carriesBody && !operation && match.otherMethods.length > 0) {
    const expected = [...new Set(match.otherMethods.map((other) => other.method))].join(', ');
    findings.push({
      code: 'wrong-method',
      severity: 'error',
      start: methodSpan.start,
      end: methodSpan.end,
      args: { method, expected, operation: match.otherMethods[0].id },
      docs: match.otherMethods[0].docs,
    });
  } else if (carriesBody && !operation && match.underApi) {
    findings.push({ code: 'unknown-path', severity: 'information', start: request.urlSpan.start, end: request.urlSpan.end, args: { url: request.url } });
  }
  const body = request.body;
  if (!body && separateBody && carriesBody) {
    return { request, operation, body: analyzeSeparateBody(text, request, operation, separateBody, matcher, findings) };
  }
  if (!body || body.kind === 'file') {
    return { request, operation };
  }
  if (method === 'GET' || method === 'HEAD') {
    findings.push({
      code: 'body-on-get',
      severity: 'warning',
      start: methodSpan.start,
      end: methodSpan.end,
      args: { method },
      docs: operation?.docs,
    });
  }
  const contentType = headerValue(request.headers, 'content-type');
  const isJsonBody = operation ? operation.bodyKind === 'json' : /json/i.test(contentType ?? '') || /^\s*[{[]/.test(text.slice(body.start, body.end));
  if (!isJsonBody) {
    return { request, operation };
  }
  if (operation && !/json/i.test(contentType ?? '')) {
    findings.push({
      code: 'missing-content-type',
      severity: 'warning',
      start: request.requestLine.start,
      end: request.requestLine.end,
      args: { actual: contentType ?? '', operation: operation.id },
      docs: operation.docs,
    });
  }
  const embedded = validateEmbedded(
    {
      region: body,
      view: maskBody(text, body, body.commentLines),
      target: { source: 'request-line', method, url: request.url, urlSpan: request.urlSpan, methodSpan },
      operation,
      allowComments: false,
      certainlyABody: true,
    },
    matcher,
  );
  findings.push(...embedded.findings);
  return { request, operation, body: embedded.body };
}

/**
 * A body written apart from its request line. Its headers are not written either (the docs list
 * them in a table), so no content type is asked for; a path no operation matches makes it none of ours.
 */
function analyzeSeparateBody(
  text: string,
  request: HttpRequest,
  operation: OperationSpec | undefined,
  span: Span,
  matcher: OperationMatcher,
  findings: Finding[],
): AnalyzedBody | undefined {
  const method = request.method ?? 'GET';
  const embedded = validateEmbedded(
    {
      region: span,
      view: maskBody(text, span),
      target: { source: 'request-line', method, url: request.url, urlSpan: request.urlSpan, methodSpan: request.methodSpan ?? request.urlSpan },
      operation,
      allowComments: false,
      certainlyABody: operation !== undefined,
    },
    matcher,
  );
  findings.push(...embedded.findings);
  return embedded.body;
}

function analyzeJsonDocument(text: string, matcher: OperationMatcher): DocumentAnalysis {
  const embedded = playbookBodies(text);
  if (embedded) {
    return analyzeEmbeddedBodies(embedded, matcher);
  }
  const span = { start: 0, end: text.length };
  const directive = operationDirective(text);
  const target: BodyTarget | undefined = directive
    ? { source: 'directive', method: directive.method, url: directive.path, urlSpan: { start: directive.start, end: directive.end } }
    : undefined;
  const { body, findings } = validateEmbedded({ region: span, view: maskBody(text, span), target, allowComments: true }, matcher);
  // A JSON file that is not a known body is none of our business: its syntax is VS Code's.
  if (!body) {
    return { findings: [], requests: [], bodies: [] };
  }
  return { findings, requests: [], bodies: [body] };
}

/** Bodies a playbook or collection holds; the document around them is not a body. */
function analyzeEmbeddedBodies(embedded: readonly EmbeddedBody[], matcher: OperationMatcher): DocumentAnalysis {
  const findings: Finding[] = [];
  const bodies: AnalyzedBody[] = [];
  for (const candidate of embedded) {
    const result = validateEmbedded(candidate, matcher);
    findings.push(...result.findings);
    if (result.body) {
      bodies.push(result.body);
    }
  }
  return { findings, requests: [], bodies };
}
