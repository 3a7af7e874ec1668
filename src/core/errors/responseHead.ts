/** The status line, headers and request line that came with a pasted error response. */

export interface ResponseHeader {
  readonly name: string;
  readonly value: string;
}

export interface ResponseHead {
  readonly status?: number;
  readonly reason?: string;
  /** Headers worth showing: Retry-After, Date and the request ids, as sent. */
  readonly headers: readonly ResponseHeader[];
  /** `METHOD url` of the request this response answers (only the url when the text omits the method). */
  readonly requestLine?: string;
}

/** How far back a status line may stand from its body: headers are short. */
const LOOKBACK = 16 * 1024;
const STATUS_LINE = /^[ \t]*HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+([^\r\n]*?))?[ \t]*$/gm;
const PYTHON_STATUS = /(\d{3}) (?:Client|Server) Error: ([^\r\n]*?) for url: (\S+)/g;
const REQUEST_LINE = /^[ \t]*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)[ \t]+(\S+)/gm;
const HEADER_LINE = /^[ \t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const KEPT_HEADERS = new Set(['retry-after', 'date', 'request-id', 'x-ms-request-id', 'client-request-id', 'x-ms-correlation-request-id']);

export function findResponseHead(text: string, errorStart: number, notBefore: number): ResponseHead | undefined {
  const windowStart = Math.max(notBefore, errorStart - LOOKBACK);
  const window = text.slice(windowStart, errorStart);
  const status = lastMatch(STATUS_LINE, window);
  if (status) {
    const headers = readHeaders(window.slice(status.index + status[0].length));
    const requestLine = requestLineBefore(text, windowStart + status.index, notBefore);
    return { status: Number(status[1]), reason: status[2] || undefined, headers, requestLine };
  }
  const python = lastMatch(PYTHON_STATUS, window);
  if (python) {
    return { status: Number(python[1]), reason: python[2], headers: [], requestLine: redactUrl(python[3]) };
  }
  return undefined;
}

function readHeaders(afterStatusLine: string): ResponseHeader[] {
  const headers: ResponseHeader[] = [];
  for (const line of afterStatusLine.split(/\r\n|\r|\n/).slice(1)) {
    const match = HEADER_LINE.exec(line);
    if (!match) {
      break;
    }
    if (KEPT_HEADERS.has(match[1].toLowerCase())) {
      headers.push({ name: match[1], value: match[2] });
    }
  }
  return headers;
}

function requestLineBefore(text: string, statusStart: number, notBefore: number): string | undefined {
  const windowStart = Math.max(notBefore, statusStart - LOOKBACK);
  const request = lastMatch(REQUEST_LINE, text.slice(windowStart, statusStart));
  return request ? `${request[1]} ${redactUrl(request[2])}` : undefined;
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, pattern.flags);
  let last: RegExpExecArray | undefined;
  let match: RegExpExecArray | null;
  while ((match = global.exec(text))) {
    last = match;
  }
  return last;
}

/** Query values that look like credentials never leave the editor in what we copy. */
export function redactUrl(url: string): string {
  return (
    url
      // user:password@host
      .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1***@')
      // in the query, and in a fragment (where implicit-flow tokens travel)
      .replace(/([?&#](?:[^=&#]*(?:token|key|secret|sig|signature|password|code|assertion)[^=&#]*)=)[^&#]*/gi, '$1***')
  );
}

/** The value of a kept header, case-insensitively. */
export function headOf(head: ResponseHead | undefined, name: string): string | undefined {
  const lower = name.toLowerCase();
  return head?.headers.find((header) => header.name.toLowerCase() === lower)?.value;
}
