/** Finds the documented operation a request line or a JSON body is meant for. */
import type { OperationSpec, ParameterSpec } from './types';

export interface UrlMatch {
  /** The operation whose path and method both match, if any. */
  readonly operation?: OperationSpec;
  /** Operations with the same path but another method: the request uses the wrong method. */
  readonly otherMethods: readonly OperationSpec[];
  /** Whether the path lies under /api at all (an unknown path there deserves a note). */
  readonly underApi: boolean;
  /**
   * Operations the URL fits exactly as well as `operation` (or, when none was named, the ones it
   * fits with this method), because a placeholder stands where their paths differ
   * (`/machines/{{id}}/{{action}}`): the URL alone does not tell them apart.
   */
  readonly alternatives?: readonly OperationSpec[];
}

interface CompiledTemplate {
  readonly operation: OperationSpec;
  readonly segments: readonly (string | null)[];
}

const MAX_CACHED_URLS = 4096;

export class OperationMatcher {
  private readonly templates: CompiledTemplate[];
  /** .http files repeat the same few URLs thousands of times; matching is pure, so it is cached. */
  private readonly urlCache = new Map<string, UrlMatch>();

  constructor(readonly operations: readonly OperationSpec[]) {
    // Literal segments beat parameters: `/api/machines/findbytag` before `/api/machines/{id}`.
    this.templates = operations
      .map((operation) => ({
        operation,
        segments: toSegments(operation.path).map((segment) => (/^\{.*\}$/.test(segment) ? null : segment.toLowerCase())),
      }))
      .sort((a, b) => literalCount(b) - literalCount(a));
  }

  /** Matches a request URL on any host, `/api/` or `/api/v1.0/`, any letter case, query ignored. */
  matchUrl(method: string, url: string): UrlMatch {
    const key = `${method} ${url}`;
    let match = this.urlCache.get(key);
    if (!match) {
      if (this.urlCache.size >= MAX_CACHED_URLS) {
        this.urlCache.clear();
      }
      match = this.matchUrlUncached(method, url);
      this.urlCache.set(key, match);
    }
    return match;
  }

  private matchUrlUncached(method: string, url: string): UrlMatch {
    const path = normalizePath(url);
    if (path === undefined) {
      return { otherMethods: [], underApi: false };
    }
    // A placeholder segment first stands only for a parameter (`{{}}` in `/alerts/{{}}` is an id,
    // not `batchUpdate`); only a path that matches nothing that way may have hidden a literal.
    let candidates = this.templates.filter((template) => segmentsMatch(template.segments, path.segments, false));
    if (candidates.length === 0) {
      candidates = this.templates.filter((template) => segmentsMatch(template.segments, path.segments, true));
      // `/machines/{{}}/{{}}` fits every machine action: naming one would be a guess, but the
      // body's keys may still choose among those that take this method.
      if (new Set(candidates.map((template) => template.operation.id)).size > 1) {
        const alternatives = [...new Set(candidates.filter((template) => template.operation.method === method).map((template) => template.operation))];
        return { otherMethods: [], underApi: path.underApi, alternatives: alternatives.length > 0 ? alternatives : undefined };
      }
    }
    const operation = candidates.find((template) => template.operation.method === method)?.operation;
    const sameMethod = candidates.filter((template) => template.operation.method === method);
    const best = Math.max(...sameMethod.map((template) => literalHits(template, path.segments)));
    const alternatives = sameMethod.filter((template) => template.operation !== operation && literalHits(template, path.segments) === best).map((template) => template.operation);
    return {
      operation,
      otherMethods: operation ? [] : candidates.map((template) => template.operation),
      underApi: path.underApi,
      alternatives: alternatives.length > 0 ? alternatives : undefined,
    };
  }

  /**
   * The single JSON-body operation whose parameters take every key of the body, compared
   * case-insensitively; undefined when none or several fit.
   */
  inferFromKeys(keys: readonly string[]): OperationSpec | undefined {
    if (keys.length === 0) {
      return undefined;
    }
    const lowerKeys = keys.map((key) => key.toLowerCase());
    let candidates = this.operations.filter(
      (operation) =>
        operation.bodyKind === 'json' &&
        lowerKeys.every((key) => operation.body.some((parameter) => acceptsName(parameter, key))),
    );
    if (candidates.length > 1) {
      candidates = candidates.filter((operation) =>
        operation.body.filter((p) => p.required).every((p) => lowerKeys.includes(p.name.toLowerCase())),
      );
    }
    if (candidates.length > 1) {
      candidates = candidates.filter((operation) => operation.body.length === new Set(lowerKeys).size);
    }
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /**
   * `inferFromKeys`, when the keys are strong evidence: at least two of the operation's parameter
   * names, or one that no other operation takes. A lone `Comment`, `Value`, `status` or `query`
   * appears in too many bodies (the API's and other APIs') to name an operation.
   */
  inferConfidently(keys: readonly string[]): OperationSpec | undefined {
    const operation = this.inferFromKeys(keys);
    if (!operation) {
      return undefined;
    }
    const named = [...new Set(keys.map((key) => key.toLowerCase()))].filter((key) => operation.body.some((parameter) => acceptsName(parameter, key)));
    if (named.length >= 2) {
      return operation;
    }
    const others = this.operations.filter((other) => other !== operation && other.bodyKind === 'json');
    return named.some((key) => !others.some((other) => other.body.some((parameter) => acceptsName(parameter, key)))) ? operation : undefined;
  }

  findById(id: string): OperationSpec | undefined {
    return this.operations.find((operation) => operation.id === id);
  }
}

function acceptsName(parameter: ParameterSpec, lowerKey: string): boolean {
  return (
    parameter.name.toLowerCase() === lowerKey ||
    (parameter.alternateSpellings ?? []).some((alt) => alt.kind === 'name' && alt.spelling.toLowerCase() === lowerKey)
  );
}

function toSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

interface NormalizedPath {
  readonly segments: readonly string[];
  readonly underApi: boolean;
}

/**
 * Reduces a URL to the path segments after `/api` (version segment dropped), lower-cased.
 * A URL that starts with a `{{variable}}` may hide `/api` inside the variable, so it is assumed.
 */
export function normalizePath(url: string): NormalizedPath | undefined {
  let rest = url.trim();
  const query = rest.search(/[?#]/);
  if (query >= 0) {
    rest = rest.slice(0, query);
  }
  let hiddenBase = false;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(rest);
  if (scheme) {
    rest = rest.slice(scheme[0].length);
  } else {
    const variable = /^\{\{[^}]*\}\}/.exec(rest);
    if (variable) {
      rest = rest.slice(variable[0].length);
      hiddenBase = true;
    } else if (!rest.startsWith('/')) {
      // host/path without a scheme
      const slash = rest.indexOf('/');
      if (slash < 0) {
        return undefined;
      }
      rest = rest.slice(slash);
    }
  }
  let segments = toSegments(rest);
  if (segments[0]?.toLowerCase() === 'api') {
    segments = segments.slice(1);
  } else if (!hiddenBase) {
    return { segments: [], underApi: false };
  }
  if (/^v\d+(\.\d+)?$/i.test(segments[0] ?? '')) {
    segments = segments.slice(1);
  }
  return { segments: ['api', ...segments.map((segment) => segment.toLowerCase())], underApi: true };
}

/** A path segment that is wholly a placeholder (`{{id}}`, or a script's interpolation) stands for any segment. */
function segmentsMatch(template: readonly (string | null)[], actual: readonly string[], placeholdersMatchLiterals: boolean): boolean {
  return (
    template.length === actual.length &&
    template.every(
      (segment, index) => segment === null || segment === actual[index] || (placeholdersMatchLiterals && isPlaceholderSegment(actual[index])),
    )
  );
}

function isPlaceholderSegment(segment: string): boolean {
  return segment.startsWith('{{') && segment.endsWith('}}') && segment.indexOf('}}') === segment.length - 2;
}

/** How many of the template's literal segments the URL writes out (not through a placeholder). */
function literalHits(template: CompiledTemplate, actual: readonly string[]): number {
  return template.segments.filter((segment, index) => segment !== null && !isPlaceholderSegment(actual[index])).length;
}

function literalCount(template: CompiledTemplate): number {
  return template.segments.filter((segment) => segment !== null).length;
}
