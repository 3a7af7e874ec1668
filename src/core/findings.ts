/** What the validator reports: language-neutral, so the server can word it in the user's language. */

/** Stable diagnostic codes. Never renamed or localized: users' settings and other tools key on them. */
export type FindingCode =
  | 'wrong-case'
  | 'unknown-parameter'
  | 'missing-required'
  | 'wrong-type'
  | 'invalid-value'
  | 'invalid-format'
  | 'batch-too-large'
  | 'duplicate-key'
  | 'invalid-json'
  | 'sent-comment'
  | 'documented-variant'
  | 'body-on-get'
  | 'missing-content-type'
  | 'wrong-method'
  | 'unknown-path'
  | 'shallow-json-depth'
  | 'form-encoded-body'
  | 'unserialized-body';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit as offsets into the document: replace [start, end) with `newText`. */
export interface TextEditSpec {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A fix the editor can offer. `preferred` fixes are safe to apply in bulk (fix all). */
export interface FixSpec {
  /** Which wording the server uses for the fix's title. */
  readonly kind: 'rename-key' | 'fix-value-case' | 'add-required' | 'remove-duplicate' | 'escape-line-breaks' | 'add-json-depth' | 'serialize-body';
  readonly edits: readonly TextEditSpec[];
  readonly preferred: boolean;
  /** Values the title names, e.g. the new spelling. */
  readonly args: Readonly<Record<string, string>>;
}

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly start: number;
  readonly end: number;
  /** Values the message names: parameter, expected spelling, operation title, and so on. */
  readonly args: Readonly<Record<string, string>>;
  /** The documented API error this finding pre-empts, e.g. `InvalidRequestBody`. */
  readonly preempts?: string;
  /** The operation's docs page, for the diagnostic's code description link. */
  readonly docs?: string;
  readonly fixes?: readonly FixSpec[];
}
