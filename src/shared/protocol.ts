/** Identifiers and custom messages shared by the client and the server: declared once, here. */
import type { SupportFacts } from '../core/errors/supportDetails';

export namespace CommandIds {
  export const copyTargetId = 'mdeApi.copyTargetId';
  export const copySupportDetails = 'mdeApi.copySupportDetails';
  export const fixAllInDocument = 'mdeApi.fixAllInDocument';
}

export namespace SettingIds {
  export const section = 'mdeApi';
  export const docsLanguage = 'mdeApi.docsLanguage';
  export const maxFileSizeMB = 'mdeApi.maxFileSizeMB';
  export const validationEnabled = 'mdeApi.validation.enabled';
  export const codeLensEnabled = 'mdeApi.codeLens.enabled';
}

/** The code action kind of "fix all", so `editor.codeActionsOnSave` can name it. */
export const FixAllKind = 'source.fixAll.mdeApi';

/** The diagnostics `source` users see and filter on. */
export const DiagnosticSource = 'mde-api';

/** A zero-based line/character position, as LSP has it (kept free of either side's types). */
export interface WirePosition {
  readonly line: number;
  readonly character: number;
}

export interface WireRange {
  readonly start: WirePosition;
  readonly end: WirePosition;
}

/** One recognized error response, as the copy commands need it. */
export interface ErrorSummary extends SupportFacts {
  readonly range: WireRange;
}

/** Asks for the error responses in a document, or only in the given ranges. */
export namespace ErrorsRequest {
  export const method = 'mde/errors';
  export interface Params {
    readonly uri: string;
    /** When set, only errors that overlap one of these ranges. */
    readonly ranges?: readonly WireRange[];
  }
  export type Result = ErrorSummary[];
}

/** Asks for the edits of every safe fix in a document (the same ones as `source.fixAll.mdeApi`). */
export namespace FixAllRequest {
  export const method = 'mde/fixAllEdits';
  export interface Params {
    readonly uri: string;
  }
  export interface Result {
    readonly version: number;
    readonly edits: readonly { readonly range: WireRange; readonly newText: string }[];
  }
}

/** Identifies the running server process: tools and tests use it to find (and kill) the process. */
export namespace ServerInfoRequest {
  export const method = 'mde/serverInfo';
  export interface Result {
    readonly pid: number;
    readonly language: string;
    /** How this process compiled its bundle: from the V8 code cache, or from source. */
    readonly compiledFrom: 'cache' | 'source';
  }
}

/** Sent once per document when it is larger than `mdeApi.maxFileSizeMB` and body validation is skipped. */
export namespace LargeDocumentNotification {
  export const method = 'mde/largeDocument';
  export interface Params {
    readonly uri: string;
    readonly sizeMB: number;
    readonly limitMB: number;
  }
}

/** Sent when a setting has a value the server cannot use; the default applies instead. */
export namespace SettingProblemNotification {
  export const method = 'mde/settingProblem';
  export interface Params {
    readonly setting: string;
    readonly value: string;
    readonly fallback: string;
  }
}
