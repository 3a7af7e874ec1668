/**
 * Splits .http/.rest text (REST Client, httpYac and JetBrains dialects) into requests and
 * responses. Every offset is into the original text, so nothing downstream has to map positions.
 */
import { LineCursor, readLine, type Line } from '../text/lines';

/** An offset range [start, end) into the document. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HttpHeader extends Span {
  readonly name: string;
  readonly value: string;
}

export interface HttpBody extends Span {
  /** `file` when the body is a `< path` include, which is sent from disk and not validated here. */
  readonly kind: 'inline' | 'file';
  /** Whole-line `#` and `//` comments inside the body: REST Client strips them before sending. */
  readonly commentLines: readonly Span[];
}

export interface HttpResponse extends Span {
  readonly statusLine: Span;
  readonly httpVersion: string;
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly HttpHeader[];
  readonly body?: Span;
}

export interface HttpRequest extends Span {
  /** The explicit method, upper-cased; undefined when the line gives only a URL (GET is implied). */
  readonly method?: string;
  readonly methodSpan?: Span;
  readonly requestLine: Span;
  /** The URL as written, with `?`/`&` continuation lines appended. */
  readonly url: string;
  readonly urlSpan: Span;
  readonly headers: readonly HttpHeader[];
  readonly body?: HttpBody;
  /** Responses pasted or recorded under this request. */
  readonly responses: readonly HttpResponse[];
}

/** One `###`-separated block. */
export interface HttpBlock extends Span {
  readonly request?: HttpRequest;
  /** Responses that stand in the block, with or without a request above them. */
  readonly responses: readonly HttpResponse[];
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE']);
const REQUEST_LINE = /^(\s*)(?:([A-Za-z]+)(\s+))?(\S(?:.*\S)?)$/;
const HTTP_VERSION_SUFFIX = /\s+HTTP\/\d(?:\.\d)?$/i;
const STATUS_LINE = /^\s*(HTTP\/\d(?:\.\d)?)\s+(\d{3})(?:\s+(.*?))?\s*$/i;
const HEADER_LINE = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/;
/** Blanks that may stand before a `###` separator: the `\s` of `^\s*###`. */
const BLANK = /\s/;
const FILE_VARIABLE = /^\s*@[\w.-]+\s*=/;
const COMMENT_LINE = /^\s*(#|\/\/)/;
const FILE_INCLUDE = /^\s*<@?\s+\S/;
const RESPONSE_HANDLER = /^\s*(>\s*\{%|>>!?\s|<>\s)/;

/**
 * Splits the text (or `within` it) on `###` lines into blocks that tile it without a gap: each
 * block starts at its separator line. Blocks are independent, so an edit re-parses only its own.
 */
export function splitBlocks(text: string, within: Span = { start: 0, end: text.length }): Span[] {
  // Jumps from `###` to `###` with indexOf instead of walking every line with a regular
  // expression: a line is a separator when only blanks stand between its start and the `###`.
  // ~25× faster than the line walk on large files (scripts/bench).
  const blocks: Span[] = [];
  let blockStart = within.start;
  let from = within.start;
  for (;;) {
    const hashes = text.indexOf('###', from);
    if (hashes < 0 || hashes + 3 > within.end) {
      break;
    }
    from = hashes + 3;
    const lineStart = separatorLineStart(text, hashes, within.start);
    if (lineStart !== undefined && lineStart > blockStart) {
      blocks.push({ start: blockStart, end: lineStart });
      blockStart = lineStart;
    }
  }
  if (within.end > blockStart) {
    blocks.push({ start: blockStart, end: within.end });
  }
  return blocks;
}

/** The start of the line holding `offset` (lines break on CR or LF, as iterateLines has it), when only blanks precede `offset` on it. */
function separatorLineStart(text: string, offset: number, regionStart: number): number | undefined {
  let i = offset;
  while (i > regionStart) {
    const ch = text.charCodeAt(i - 1);
    if (ch === 10 || ch === 13) {
      break;
    }
    if (!BLANK.test(text[i - 1])) {
      return undefined;
    }
    i--;
  }
  return i;
}

/** Parses the whole text, or only `within` it (a Markdown fence), keeping document offsets. */
export function parseHttpDocument(text: string, within?: Span): HttpBlock[] {
  return splitBlocks(text, within).map((span) => parseHttpBlock(text, span));
}

type State = 'preamble' | 'requestHeaders' | 'responseHeaders' | 'afterBody';

/** Parses one block with a line state machine; tolerant of anything, never throws. */
export function parseHttpBlock(text: string, span: Span): HttpBlock {
  let state: State = 'preamble';
  let request: MutableRequest | undefined;
  const responses: HttpResponse[] = [];
  let response: MutableResponse | undefined;

  const closeResponse = () => {
    if (response) {
      responses.push(finishResponse(response));
      response = undefined;
    }
  };

  // Most files have no CR at all: their line ends are then found natively (see lineEnd).
  const lfOnly = text.slice(span.start, span.end).indexOf('\r') < 0;
  let position = span.start;
  while (position < span.end) {
    const line = readLine(text, position, span.end, lfOnly);
    position = line.next;
    // Each regular expression below needs a particular first character: checking it first keeps
    // the common lines (JSON in bodies) away from the expressions altogether.
    const first = line.first;
    const blank = first === '';
    const maybeComment = first === '#' || first === '/';
    // A status line ends whatever came before: REST Client and httpYac paste responses this way.
    const status = first === 'H' || first === 'h' ? STATUS_LINE.exec(line.text) : null;
    if (status) {
      closeResponse();
      response = {
        start: line.start,
        statusLine: { start: line.start, end: line.end },
        httpVersion: status[1].toUpperCase(),
        status: Number(status[2]),
        reason: status[3] ?? '',
        headers: [],
        body: undefined,
        lastLineEnd: undefined,
      };
      state = 'responseHeaders';
      continue;
    }
    switch (state) {
      case 'preamble': {
        if (blank || (maybeComment && COMMENT_LINE.test(line.text)) || (first === '@' && FILE_VARIABLE.test(line.text))) {
          break;
        }
        request = startRequest(line);
        state = request ? 'requestHeaders' : 'preamble';
        break;
      }
      case 'requestHeaders': {
        if (request && (first === '?' || first === '&') && request.headers.length === 0) {
          request.url += line.text.trim();
          request.urlEnd = line.end;
          break;
        }
        if (maybeComment && COMMENT_LINE.test(line.text)) {
          break;
        }
        const header = blank ? undefined : parseHeader(line);
        if (header) {
          request?.headers.push(header);
          break;
        }
        // A blank line ends the headers; so does a line that is no header: REST Client sends it as the body.
        const scanned = scanBody(text, blank ? line.next : line.start, span.end, lfOnly);
        if (request) {
          request.body = scanned.body;
        }
        position = scanned.stop;
        state = 'afterBody';
        break;
      }
      case 'responseHeaders': {
        const header = blank ? undefined : parseHeader(line);
        if (header) {
          response?.headers.push(header);
          break;
        }
        // A blank line ends the headers, and so does a line that is no header: it starts the body.
        const scanned = scanResponseBody(text, blank ? line.next : line.start, span.end, lfOnly);
        if (response) {
          response.body = scanned.body;
          response.lastLineEnd = scanned.lastLineEnd;
        }
        position = scanned.stop;
        state = 'afterBody';
        break;
      }
      case 'afterBody':
        break;
    }
  }
  closeResponse();
  return {
    start: span.start,
    end: span.end,
    request: request ? finishRequest(request, responses, span.end) : undefined,
    responses,
  };
}

interface MutableRequest {
  start: number;
  method?: string;
  methodSpan?: Span;
  requestLine: Span;
  url: string;
  urlStart: number;
  urlEnd: number;
  headers: HttpHeader[];
  body?: HttpBody;
}

interface MutableResponse {
  start: number;
  statusLine: Span;
  httpVersion: string;
  status: number;
  reason: string;
  headers: HttpHeader[];
  body: Span | undefined;
  /** End of the last line read after the headers, blank or not. */
  lastLineEnd: number | undefined;
}

function startRequest(line: Line): MutableRequest | undefined {
  const match = REQUEST_LINE.exec(line.text);
  if (!match) {
    return undefined;
  }
  const [, indent, word, gap] = match;
  let method: string | undefined;
  let urlOffset = indent.length;
  if (word && METHODS.has(word.toUpperCase())) {
    method = word.toUpperCase();
    urlOffset += word.length + gap.length;
  }
  let url = line.text.slice(urlOffset).trimEnd();
  const version = HTTP_VERSION_SUFFIX.exec(url);
  if (version) {
    url = url.slice(0, version.index);
  }
  if (!method && !looksLikeUrl(url)) {
    return undefined;
  }
  const urlStart = line.start + urlOffset;
  return {
    start: line.start,
    method,
    methodSpan: method ? { start: line.start + indent.length, end: line.start + indent.length + method.length } : undefined,
    requestLine: { start: line.start, end: line.end },
    url,
    urlStart,
    urlEnd: urlStart + url.length,
    headers: [],
  };
}

function looksLikeUrl(candidate: string): boolean {
  return /^(https?:\/\/|\{\{|\/)/i.test(candidate);
}

function parseHeader(line: Line): HttpHeader | undefined {
  const match = HEADER_LINE.exec(line.text);
  if (!match) {
    return undefined;
  }
  return { name: match[1], value: match[2], start: line.start, end: line.end };
}

function finishRequest(request: MutableRequest, responses: HttpResponse[], blockEnd: number): HttpRequest {
  const firstResponse = responses[0];
  return {
    start: request.start,
    end: firstResponse ? firstResponse.start : blockEnd,
    method: request.method,
    methodSpan: request.methodSpan,
    requestLine: request.requestLine,
    url: request.url,
    urlSpan: { start: request.urlStart, end: request.urlEnd },
    headers: request.headers,
    body: request.body,
    responses,
  };
}

function finishResponse(response: MutableResponse): HttpResponse {
  const lastHeader = response.headers[response.headers.length - 1];
  return {
    start: response.start,
    end: response.lastLineEnd ?? lastHeader?.end ?? response.statusLine.end,
    statusLine: response.statusLine,
    httpVersion: response.httpVersion,
    status: response.status,
    reason: response.reason,
    headers: response.headers,
    body: response.body,
  };
}

interface ScannedBody {
  readonly body?: HttpBody;
  /** Where the body stopped: a response status line, a response handler line, or the end of the block. */
  readonly stop: number;
}

/**
 * Reads a request body from `from` to the first response status line or response handler line.
 * One allocation-free pass: most body lines are JSON, and only a line whose first character could
 * start a status line, a handler or a comment is cut out and given to a regular expression.
 */
function scanBody(text: string, from: number, to: number, lfOnly: boolean): ScannedBody {
  let contentStart = -1;
  let contentEnd = -1;
  let kind: HttpBody['kind'] | undefined;
  const commentLines: Span[] = [];
  const line = new LineCursor(text, from, to, lfOnly);
  while (line.next()) {
    if (line.first === line.end) {
      continue;
    }
    const lead = text[line.first];
    const special = lead === 'H' || lead === 'h' || lead === '>' || lead === '<' || lead === '#' || lead === '/';
    const lineText = special ? text.slice(line.start, line.end) : '';
    if (special && (STATUS_LINE.test(lineText) || RESPONSE_HANDLER.test(lineText))) {
      return { body: finishBody(contentStart, contentEnd, kind, commentLines), stop: line.start };
    }
    if (contentStart < 0) {
      contentStart = line.start;
    }
    contentEnd = line.end;
    if (special && COMMENT_LINE.test(lineText)) {
      commentLines.push({ start: line.start, end: line.end });
    } else if (kind === undefined) {
      kind = lead === '<' && FILE_INCLUDE.test(lineText) ? 'file' : 'inline';
    }
  }
  return { body: finishBody(contentStart, contentEnd, kind, commentLines), stop: to };
}

function finishBody(start: number, end: number, kind: HttpBody['kind'] | undefined, commentLines: Span[]): HttpBody | undefined {
  return start < 0 ? undefined : { start, end, kind: kind ?? 'inline', commentLines };
}

interface ScannedResponseBody {
  /** From the first to the last non-blank line; undefined when every line is blank. */
  readonly body?: Span;
  readonly lastLineEnd?: number;
  /** The next status line, or the end of the block. */
  readonly stop: number;
}

/**
 * Reads a pasted response's body up to the next status line, without keeping its lines: a response
 * shown by REST Client can be megabytes of JSON, and only its first and last lines matter here.
 */
function scanResponseBody(text: string, from: number, to: number, lfOnly: boolean): ScannedResponseBody {
  let contentStart = -1;
  let contentEnd = -1;
  let lastLineEnd: number | undefined;
  const line = new LineCursor(text, from, to, lfOnly);
  while (line.next()) {
    if (line.first < line.end) {
      const lead = text[line.first];
      if ((lead === 'H' || lead === 'h') && STATUS_LINE.test(text.slice(line.start, line.end))) {
        return { body: spanOrUndefined(contentStart, contentEnd), lastLineEnd, stop: line.start };
      }
      if (contentStart < 0) {
        contentStart = line.start;
      }
      contentEnd = line.end;
    }
    lastLineEnd = line.end;
  }
  return { body: spanOrUndefined(contentStart, contentEnd), lastLineEnd, stop: to };
}

function spanOrUndefined(start: number, end: number): Span | undefined {
  return start < 0 ? undefined : { start, end };
}

/** The value of the first header with this name, case-insensitively. */
export function headerValue(headers: readonly HttpHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find((header) => header.name.toLowerCase() === lower)?.value;
}
