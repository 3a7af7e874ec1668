/** Shapes of the operation catalog: the single source of truth for request bodies. */

/** A user-visible text in every language the extension ships. */
export interface Localized {
  readonly en: string;
  readonly fr: string;
}

/** JSON types a body value may have, as the docs name them. */
export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';

/**
 * Value formats the API checks server-side. Each pre-empts a documented error code:
 * hashes → InvalidHashValue, ip → InvalidIpAddress, domain → InvalidDomainName, url → InvalidUrl.
 * `indicatorValue` depends on `indicatorType`; the validator handles that pair specially.
 */
export type ValueFormat =
  | 'sha1'
  | 'sha256'
  | 'md5'
  | 'fileHash'
  | 'ip'
  | 'domain'
  | 'url'
  | 'guid'
  | 'dateTime'
  | 'indicatorValue';

/** A documented body parameter, or the element shape of an array parameter. */
export interface ParameterSpec {
  /** Exact documented casing: the canonical spelling. */
  readonly name: string;
  readonly type: JsonType;
  readonly required: boolean;
  readonly description: Localized;
  /** Allowed values, exact casing. Omitted when any value of the type is accepted. */
  readonly values?: readonly string[];
  readonly format?: ValueFormat;
  /** For arrays: the shape of one element (its `name` is unused). */
  readonly items?: ElementSpec;
  /** For objects: the nested parameters. */
  readonly properties?: readonly ParameterSpec[];
  /** For arrays: the documented maximum number of elements (pre-empts MaximumBatchSizeExceeded). */
  readonly maxItems?: number;
  /** For strings: documented maximum length. */
  readonly maxLength?: number;
  /**
   * Other spellings the docs use for this parameter or its values. Only the ones the operation's
   * own page uses for the request are tolerated (see `requestPages`); `conflict` explains where
   * each spelling appears, in hovers.
   */
  readonly alternateSpellings?: readonly AlternateSpelling[];
}

/** The element of an array parameter. */
export interface ElementSpec {
  readonly type: JsonType;
  readonly values?: readonly string[];
  readonly format?: ValueFormat;
  readonly properties?: readonly ParameterSpec[];
}

/** A spelling that conflicts with the canonical one, and why the canonical one was chosen. */
export type AlternateSpelling = NameSpelling | ValueSpelling;

interface SpellingConflict {
  /** The other spelling, for a parameter name or an enum value. */
  readonly spelling: string;
  /**
   * The docs pages (as named at the end of `OperationSpec.docs`) whose request-body table or
   * request example writes this spelling. On an operation documented by one of them the user
   * copied the spelling from that operation's own page, so it is only a `documented-variant`;
   * anywhere else (another endpoint's page, a resource or response entity) it is a plain mistake.
   * Field lists shared by several operations are why this names pages, not a single yes or no.
   */
  readonly requestPages: readonly string[];
  /** Where each spelling appears in the docs, and why the canonical one wins; shown in hovers. */
  readonly conflict: Localized;
}

/** A key spelt differently; the canonical spelling is the parameter's `name`. */
export interface NameSpelling extends SpellingConflict {
  readonly kind: 'name';
}

/** An allowed value spelt differently. */
export interface ValueSpelling extends SpellingConflict {
  readonly kind: 'value';
  /** The allowed value it stands for: the labels can differ by more than case (NotMalicious is Clean). */
  readonly canonical: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What kind of body the operation takes. */
export type BodyKind = 'json' | 'multipart' | 'none';

export interface Permissions {
  /** Application permissions, e.g. `Machine.Isolate`. */
  readonly application: readonly string[];
  /** Delegated (work or school account) permissions. */
  readonly delegated: readonly string[];
}

/** A documented limit, kept as structured numbers and as the docs' own wording. */
export interface RateLimit {
  readonly calls: number;
  readonly perSeconds: number;
}

/** A documented operation of the Defender for Endpoint API. */
export interface OperationSpec {
  /** Stable id, camelCase, e.g. `isolateMachine`. */
  readonly id: string;
  readonly title: Localized;
  readonly method: HttpMethod;
  /** Path template below the host, starting with `/api/`, parameters in braces: `/api/machines/{id}/isolate`. */
  readonly path: string;
  readonly permissions: Permissions;
  readonly rateLimits?: readonly RateLimit[];
  /** Extra limits in words (batch sizes, quotas) when the docs state them. */
  readonly limits?: Localized;
  readonly bodyKind: BodyKind;
  /** Top-level body parameters (empty when bodyKind is not `json`). */
  readonly body: readonly ParameterSpec[];
  /** The operation's docs page on learn.microsoft.com. */
  readonly docs: string;
  /** Contradictions inside the docs about this operation, in words (parameter-level ones live on the parameter). */
  readonly docConflicts?: readonly string[];
}
