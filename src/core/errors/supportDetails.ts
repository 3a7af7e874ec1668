/** The plain-text block a user pastes into a support ticket. It never holds credentials. */
import type { Translate } from '../hover/environment';
import type { RecognizedError } from './errorRecognizer';

export interface SupportFacts {
  readonly code?: string;
  readonly message?: string;
  readonly target?: string;
  readonly status?: number;
  readonly reason?: string;
  readonly headers: readonly { readonly name: string; readonly value: string }[];
  readonly requestLine?: string;
}

/** The facts of a recognized error response that support and the copy commands care about. */
export function supportFactsOf(error: RecognizedError): SupportFacts {
  return {
    code: error.code?.value,
    message: error.message?.value,
    target: error.target?.value,
    status: error.head?.status,
    reason: error.head?.reason,
    headers: error.head?.headers ?? [],
    requestLine: error.head?.requestLine,
  };
}

/** Headers that identify the request to support; anything else (Authorization above all) is left out. */
const IDENTIFYING_HEADERS = ['date', 'request-id', 'x-ms-request-id', 'client-request-id', 'x-ms-correlation-request-id', 'retry-after'];

export function formatSupportDetails(facts: SupportFacts, t: Translate): string {
  const lines = [t('Microsoft Defender for Endpoint API error')];
  const add = (label: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') {
      lines.push(`${label}: ${oneLine(String(value))}`);
    }
  };
  add(t('Error code'), facts.code);
  add(t('HTTP status'), facts.status === undefined ? undefined : `${facts.status} ${facts.reason ?? ''}`.trim());
  add(t('Message'), facts.message);
  add(t('Correlation ID (target)'), facts.target);
  for (const header of facts.headers) {
    if (IDENTIFYING_HEADERS.includes(header.name.toLowerCase())) {
      add(header.name, header.value);
    }
  }
  add(t('Request'), facts.requestLine);
  return lines.join('\n');
}

/** Keeps one fact per line, and bounded, whatever was pasted. */
function oneLine(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return flat.length > 2000 ? `${flat.slice(0, 2000)}…` : flat;
}
