/** Parses one JSON body (never throwing) and runs the validator when its operation is known. */
import { ParseErrorCode, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { OperationSpec } from '../catalog/types';
import type { Finding, FixSpec, TextEditSpec } from '../findings';
import type { Span } from '../http/httpParser';
import type { ViewMap } from '../json/jsonView';
import { maskBody, type MaskedBody } from '../json/maskedBody';
import { parseStrictTree } from '../json/strictTree';
import { validateBody } from './bodyValidator';

export interface BodyOptions {
  readonly operation?: OperationSpec;
  /** JSONC files may hold comments; an .http body sends them, so there they are errors. */
  readonly allowComments: boolean;
  readonly commentLines?: readonly Span[];
}

/** A validated body. Its tree is not kept: holding the trees of thousands of bodies made every
 * validation pay for old-generation garbage collection (scripts/bench), and only hover and
 * completion need one, for one body at a time. */
export class BodyAnalysis {
  constructor(
    readonly masked: MaskedBody,
    readonly findings: Finding[],
    /** False when the body nests too deep to parse without overflowing the stack. */
    readonly parsable: boolean,
    private readonly allowComments: boolean,
  ) {}

  /** The same body with other findings (the operation was inferred, say). */
  withFindings(findings: Finding[]): BodyAnalysis {
    return new BodyAnalysis(this.masked, findings, this.parsable, this.allowComments);
  }

  /** The body's syntax tree, parsed again; undefined when there is none to be had. */
  tree(): Node | undefined {
    return this.parsable ? readTree(this.masked.text, this.allowComments) : undefined;
  }
}

/** A body's tree: the strict reader for plain JSON, jsonc-parser (which reports the errors) for the rest. */
export function readTree(text: string, allowComments: boolean, errors: ParseError[] = []): Node | undefined {
  return parseStrictTree(text, MAX_NESTING) ?? parseTree(text, errors, { disallowComments: !allowComments, allowTrailingComma: false });
}

/**
 * jsonc-parser reads nested values recursively, so `[[[[…` pasted thousands deep overflows the
 * stack. Real bodies nest a few levels, and the API's JSON reader refuses far shallower ones.
 */
const MAX_NESTING = 256;

export function analyzeBody(documentText: string, body: Span, options: BodyOptions): BodyAnalysis {
  return analyzeMasked(maskBody(documentText, body, options.commentLines), options);
}

/**
 * Validates a JSON view of a body written in another syntax (json/jsonView.ts). The validator works
 * in view offsets; findings and fixes are then carried over to the host text, and a fix the host
 * cannot express is dropped rather than offered wrong.
 */
export function analyzeView(view: MaskedBody, options: BodyOptions): BodyAnalysis {
  const analysis = analyzeMasked(view, options);
  const map = view.map;
  return map ? analysis.withFindings(analysis.findings.map((finding) => toHostFinding(finding, map))) : analysis;
}

function toHostFinding(finding: Finding, map: ViewMap): Finding {
  const start = map.toHost(finding.start);
  const end = finding.end > finding.start ? Math.max(start, map.toHostEnd(finding.end)) : start;
  const fixes = finding.fixes?.flatMap((fix) => {
    const edits: TextEditSpec[] = [];
    for (const edit of fix.edits) {
      const hostEdit = map.hostEdit(edit);
      if (!hostEdit) {
        return [];
      }
      edits.push(hostEdit);
    }
    return [{ ...fix, edits }];
  });
  return { ...finding, start, end, fixes: fixes && fixes.length > 0 ? fixes : undefined };
}

function analyzeMasked(masked: MaskedBody, options: BodyOptions): BodyAnalysis {
  const tooDeep = bracketCountExceedsLimit(masked.text) ? nestingLimitOffset(masked.text) : undefined;
  if (tooDeep !== undefined) {
    // No tree, so nothing downstream parses this text again.
    const start = masked.base + tooDeep;
    return new BodyAnalysis(
      masked,
      [
        {
          code: 'invalid-json',
          severity: 'error',
          start,
          end: start + 1,
          args: { error: 'NestingTooDeep' },
          docs: options.operation?.docs,
          preempts: 'InvalidRequestBody',
        },
      ],
      false,
      options.allowComments,
    );
  }
  const errors: ParseError[] = [];
  const root = readTree(masked.text, options.allowComments, errors);
  const findings: Finding[] = [];
  if (errors.length > 0) {
    // Only the first error: the rest are usually its echoes.
    findings.push(syntaxFinding(masked, errors[0], options.operation));
  }
  if (root && options.operation) {
    const checked = validateBody(root, { operation: options.operation, masked, partial: errors.length > 0 });
    // Past a syntax error the tree is guesswork: only what precedes it is worth reporting.
    const trustedEnd = errors.length > 0 ? masked.base + errors[0].offset : Infinity;
    findings.push(...checked.filter((finding) => finding.start < trustedEnd));
  }
  return new BodyAnalysis(masked, findings, true, options.allowComments);
}

/** Too deep a nesting needs more brackets than the limit; counting them natively spares nearly every body the exact scan. */
function bracketCountExceedsLimit(text: string): boolean {
  let count = 0;
  for (const bracket of ['{', '[']) {
    for (let i = text.indexOf(bracket); i >= 0; i = text.indexOf(bracket, i + 1)) {
      if (++count > MAX_NESTING) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Where the first bracket past MAX_NESTING opens, if any; brackets in strings and comments do not
 * count. A plain character loop: a second tokenizer pass would double the parse cost of every body.
 */
function nestingLimitOffset(text: string): number | undefined {
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      for (i++; i < length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c /* \ */) {
          i++;
        } else if (inner === 0x22 || inner === 0x0a || inner === 0x0d) {
          break;
        }
      }
    } else if (ch === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < length && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) {
        i++;
      }
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? length : close + 1;
    } else if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      if (++depth > MAX_NESTING) {
        return i;
      }
    } else if ((ch === 0x7d /* } */ || ch === 0x5d) /* ] */ && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

function syntaxFinding(masked: MaskedBody, error: ParseError, operation: OperationSpec | undefined): Finding {
  const start = masked.base + error.offset;
  const end = start + Math.max(error.length, 1);
  const common = { start, end: Math.min(end, masked.base + masked.text.length), docs: operation?.docs, preempts: 'InvalidRequestBody' };
  if (error.error === ParseErrorCode.InvalidCommentToken) {
    return { ...common, code: 'sent-comment', severity: 'error', args: {} };
  }
  const fix = error.error === ParseErrorCode.UnexpectedEndOfString ? escapeLineBreaksFix(masked, error.offset) : undefined;
  return {
    ...common,
    code: 'invalid-json',
    severity: 'error',
    args: { error: fix ? 'RawLineBreak' : printParseErrorCode(error.error) },
    fixes: fix ? [fix] : undefined,
  };
}

/** A string broken over lines by a raw line break: escape the breaks up to its closing quote. */
function escapeLineBreaksFix(masked: MaskedBody, quoteOffset: number): FixSpec | undefined {
  const text = masked.text;
  if (text[quoteOffset] !== '"') {
    return undefined;
  }
  let i = quoteOffset + 1;
  const edits: { start: number; end: number; newText: string }[] = [];
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '"') {
      return edits.length > 0 ? { kind: 'escape-line-breaks', edits, preferred: true, args: {} } : undefined;
    }
    if (ch === '\r' || ch === '\n') {
      const length = ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      edits.push({ start: masked.base + i, end: masked.base + i + length, newText: '\\n' });
      i += length;
      continue;
    }
    i++;
  }
  return undefined;
}
