/**
 * One model for every place a request body is written: an .http request, a JSON file, a script's
 * hashtable or dict, a JSON string in a script, a playbook action, a Postman request. Each host
 * finds its bodies and says what they are sent to; this module alone decides the operation and
 * hands the body to the one validator.
 */
import { mayBeDefenderUrl } from '../catalog/hosts';
import type { OperationMatcher } from '../catalog/operationMatcher';
import type { OperationSpec } from '../catalog/types';
import type { Finding, FixSpec } from '../findings';
import type { Span } from '../http/httpParser';
import type { MaskedBody } from '../json/maskedBody';
import { analyzeView, type BodyAnalysis } from '../validate/analyzeBody';

/** How a body's operation was found, strongest first. */
export type OperationSource = 'request-line' | 'directive' | 'call' | 'inferred';

/** What the host says a body is sent to. Unknown parts of the URL are written `{{}}`. */
export interface BodyTarget {
  readonly source: Exclude<OperationSource, 'inferred'>;
  /** Upper-cased; undefined when the host does not say (a directive always does). */
  readonly method?: string;
  readonly url: string;
  /** Where the URL (or directive) is written, for hovers. */
  readonly urlSpan?: Span;
  /** Where the method is written, for a wrong-method or body-on-get finding. */
  readonly methodSpan?: Span;
}

/** A mistake of the host language in sending the body, reported only when the body goes to a JSON operation. */
export interface SendPitfall {
  readonly code: Extract<Finding['code'], 'shallow-json-depth' | 'form-encoded-body' | 'unserialized-body' | 'missing-content-type'>;
  readonly span: Span;
  readonly fix?: FixSpec;
}

/** How a host writes a property or a string in completions (VS Code snippet syntax). */
export interface HostSyntax {
  /** A whole `key: value` entry for a parameter name; the value is already a snippet. */
  property(name: string, valueSnippet: string): string;
  /** A string literal holding `text` (already snippet-escaped). */
  string(text: string): string;
  /** A key alone, as plain text (a bare `Name` where the host allows it); a JSON string when absent. */
  key?(name: string): string;
  /** `true`, `false` or `null` in the host's spelling (`$true`, `True`), as plain text; JSON's when absent. */
  keyword?(value: boolean | null): string;
  /** An array holding `inner` (a snippet); `[…]` when absent. */
  array?(inner: string): string;
  /** An object holding `inner` (a snippet); `{…}` when absent. */
  object?(inner: string): string;
}

export interface EmbeddedBody {
  /** Document offsets of the literal the body is written as. */
  readonly region: Span;
  /** The JSON the API would receive, with offsets back into the document. */
  readonly view: MaskedBody;
  readonly target?: BodyTarget;
  /** Set when the host has already matched the target (an .http request line, with its own method checks). */
  readonly operation?: OperationSpec;
  readonly allowComments: boolean;
  /**
   * The text is certainly a request body (an .http request's), so broken JSON is reported even when
   * no operation is known. JSON in a script string may be anything until an operation claims it.
   */
  readonly certainlyABody?: boolean;
  readonly pitfalls?: readonly SendPitfall[];
  /** Undefined for bodies written as JSON text, which complete as JSON. */
  readonly syntax?: HostSyntax;
}

/** A body and what is known about it, after validation. */
export interface AnalyzedBody {
  readonly span: Span;
  readonly operation?: OperationSpec;
  /** The operation was guessed from the body's keys, not named by a request line, directive or call. */
  readonly inferred: boolean;
  readonly analysis: BodyAnalysis;
  readonly target?: BodyTarget;
  readonly syntax?: HostSyntax;
}

export interface EmbeddedResult {
  readonly body?: AnalyzedBody;
  readonly findings: readonly Finding[];
}

/**
 * Decides the body's operation (its target, else its keys when they are strong evidence) and
 * validates it. A body sent to another API, or to no operation the keys can name, yields nothing.
 */
export function validateEmbedded(body: EmbeddedBody, matcher: OperationMatcher): EmbeddedResult {
  const findings: Finding[] = [];
  let operation = body.operation;
  let inferred = false;
  const target = body.target;
  /** Operations the target's URL fits equally well: the keys choose among them, or nothing is said. */
  let tied: readonly OperationSpec[] | undefined;
  // An .http request line was matched by its host, which also judged its method.
  if (target && !operation && target.source !== 'request-line') {
    if (!mayBeDefenderUrl(target.url)) {
      return { findings };
    }
    const match = matcher.matchUrl(target.method ?? 'POST', target.url);
    operation = match.operation;
    if (match.alternatives) {
      tied = operation ? [operation, ...match.alternatives] : match.alternatives;
      operation = undefined;
    }
    if (!operation && match.otherMethods.length > 0) {
      const expected = match.otherMethods[0];
      if (target.method === undefined) {
        // The host did not say which method: the path alone names the operation.
      } else if (target.method === 'GET' || target.method === 'HEAD') {
        findings.push(bodyOnGet(target, expected));
      } else {
        findings.push(wrongMethod(target, expected, match.otherMethods));
      }
      // The path names the operation even though the method is wrong: its body is still worth checking.
      operation = expected;
    }
  }
  if (operation && operation.bodyKind !== 'json' && !body.operation) {
    // A script's form fields for a multipart upload are no JSON body: the catalog lists none to check them against.
    return { findings };
  }
  let analysis = analyzeView(body.view, { operation, allowComments: body.allowComments });
  if (!operation && (!target || tied)) {
    const root = analysis.tree();
    if (root?.type === 'object') {
      operation = matcher.inferConfidently(topLevelKeys(root));
      if (operation && tied && !tied.includes(operation)) {
        operation = undefined;
      }
      if (operation) {
        inferred = true;
        analysis = analyzeView(body.view, { operation, allowComments: body.allowComments });
      }
    }
  }
  if (!operation) {
    return body.certainlyABody
      ? { findings: [...findings, ...analysis.findings], body: { span: body.region, inferred: false, analysis, target, syntax: body.syntax } }
      : { findings };
  }
  const own = inferred ? analysis.findings.map((finding) => ({ ...finding, args: { ...finding.args, inferred: operation.id } })) : analysis.findings;
  findings.push(...own);
  if (operation.bodyKind === 'json') {
    for (const pitfall of body.pitfalls ?? []) {
      // A missing Content-Type is a warning, as on an .http request: some clients get away with it.
      const advisory = pitfall.code === 'missing-content-type';
      findings.push({
        code: pitfall.code,
        severity: advisory ? 'warning' : 'error',
        start: pitfall.span.start,
        end: pitfall.span.end,
        args: { operation: operation.id },
        docs: operation.docs,
        preempts: advisory ? undefined : 'InvalidRequestBody',
        fixes: pitfall.fix ? [pitfall.fix] : undefined,
      });
    }
  }
  return {
    findings,
    body: { span: body.region, operation, inferred, analysis: analysis.withFindings(own), target, syntax: body.syntax },
  };
}

function topLevelKeys(root: { children?: { children?: { value?: unknown }[] }[] }): string[] {
  return (root.children ?? []).map((property) => String(property.children?.[0]?.value ?? ''));
}

function bodyOnGet(target: BodyTarget, operation: OperationSpec): Finding {
  const span = target.methodSpan ?? target.urlSpan ?? { start: 0, end: 0 };
  return { code: 'body-on-get', severity: 'warning', start: span.start, end: span.end, args: { method: target.method ?? 'GET' }, docs: operation.docs };
}

function wrongMethod(target: BodyTarget, operation: OperationSpec, candidates: readonly OperationSpec[]): Finding {
  const span = target.methodSpan ?? target.urlSpan ?? { start: 0, end: 0 };
  const expected = [...new Set(candidates.map((candidate) => candidate.method))].join(', ');
  return {
    code: 'wrong-method',
    severity: 'error',
    start: span.start,
    end: span.end,
    args: { method: target.method ?? '', expected, operation: operation.id },
    docs: operation.docs,
  };
}
