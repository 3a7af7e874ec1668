/**
 * Shell words as the command receives them: a word is made of parts written in different quotings
 * (`'…'`, `"…"`, `$'…'`, bare, heredoc lines), each cut into plain text, escapes and expansions with
 * their document offsets. Which quoting each character came from decides how a fix is written back.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../http/httpParser';
import type { StringPiece } from '../stringView';

export type Quoting = 'bare' | 'single' | 'double' | 'ansi-c' | 'heredoc' | 'heredoc-literal';

export type ShellPiece = StringPiece & { readonly quoting: Quoting };

/** One quoted or bare stretch of a word, or one expansion. */
export interface WordPart {
  readonly span: Span;
  readonly pieces: readonly ShellPiece[];
}

export type Word = readonly WordPart[];

/** Stands for an expansion in a word's decoded text: no character a script writes literally. */
export const EXPANSION_MARK = '\uFFFF';

const EXPANSIONS = new Set(['simple_expansion', 'expansion', 'command_substitution', 'arithmetic_expansion', 'process_substitution']);

/** A command argument or assigned value as a word, or undefined for syntax that is not one (arrays, globs being typed). */
export function readWord(node: Node, text: string): Word | undefined {
  if (node.type === 'concatenation') {
    const parts: WordPart[] = [];
    for (const child of node.children) {
      if (!child) {
        continue;
      }
      const part = child.isNamed ? readPart(child, text) : barePart(child, text);
      parts.push(part ?? expansionPart(child));
    }
    return parts;
  }
  const part = readPart(node, text);
  return part ? [part] : undefined;
}

function readPart(node: Node, text: string): WordPart | undefined {
  const span = { start: node.startIndex, end: node.endIndex };
  switch (node.type) {
    case 'word':
    case 'number':
      return barePart(node, text);
    case 'raw_string':
      return { span, pieces: textPieces(node.startIndex + 1, closedBy(node, text, "'") ? node.endIndex - 1 : node.endIndex, text, 'single', []) };
    case 'string':
      return { span, pieces: textPieces(node.startIndex + 1, closedBy(node, text, '"') ? node.endIndex - 1 : node.endIndex, text, 'double', expansionsIn(node)) };
    case 'ansi_c_string':
      return { span, pieces: textPieces(node.startIndex + 2, closedBy(node, text, "'") ? node.endIndex - 1 : node.endIndex, text, 'ansi-c', []) };
    default:
      return EXPANSIONS.has(node.type) ? expansionPart(node) : undefined;
  }
}

function barePart(node: Node, text: string): WordPart {
  return { span: { start: node.startIndex, end: node.endIndex }, pieces: textPieces(node.startIndex, node.endIndex, text, 'bare', []) };
}

function expansionPart(node: Node): WordPart {
  return { span: { start: node.startIndex, end: node.endIndex }, pieces: [{ kind: 'interpolation', hostStart: node.startIndex, hostEnd: node.endIndex, quoting: 'bare' }] };
}

/** A literal being typed has no closing quote yet: its content runs to the node's end. */
function closedBy(node: Node, text: string, quote: string): boolean {
  const last = node.lastChild;
  if (last && !last.isNamed && last.isMissing) {
    return false;
  }
  const openLength = node.type === 'ansi_c_string' ? 2 : 1;
  return node.endIndex - node.startIndex > openLength && text[node.endIndex - 1] === quote;
}

function expansionsIn(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && EXPANSIONS.has(child.type));
}

/** A heredoc's lines as the command reads them: literal when the delimiter is quoted, else with `$` expansions and `\` escapes. */
export function heredocPieces(body: Node, text: string): { pieces: ShellPiece[]; quoting: Quoting; delimiter: string } {
  const start = body.parent?.namedChildren.find((child) => child?.type === 'heredoc_start')?.text ?? '';
  const quoted = /['"\\]/.test(start);
  const quoting: Quoting = quoted ? 'heredoc-literal' : 'heredoc';
  const pieces = textPieces(body.startIndex, body.endIndex, text, quoting, quoted ? [] : expansionsIn(body));
  const tabsStripped = body.parent?.children.some((child) => child?.type === '<<-');
  return { pieces: tabsStripped ? withoutLeadingTabs(pieces, text) : pieces, quoting, delimiter: start.replace(/['"\\]/g, '') };
}

/** `<<-`: the tabs that start each line are not part of the text. */
function withoutLeadingTabs(pieces: readonly ShellPiece[], text: string): ShellPiece[] {
  const kept: ShellPiece[] = [];
  for (const piece of pieces) {
    if (piece.kind !== 'text') {
      kept.push(piece);
      continue;
    }
    const keep = (from: number, to: number) => {
      if (to > from) {
        kept.push({ ...piece, hostStart: piece.hostStart + from, text: piece.text.slice(from, to) });
      }
    };
    let from = 0;
    for (const tabs of piece.text.matchAll(/\t+/g)) {
      if (text[piece.hostStart + tabs.index - 1] === '\n') {
        keep(from, tabs.index);
        from = tabs.index + tabs[0].length;
      }
    }
    keep(from, piece.text.length);
  }
  return kept;
}

/**
 * The content [start, end) of one quoting cut into pieces. Escapes follow bash: in `"…"` a backslash
 * only escapes `$`, `` ` ``, `"`, `\` and a line break; in a heredoc the same but `"`; bare, any
 * character; `$'…'` has C escapes; `'…'` none.
 */
function textPieces(start: number, end: number, text: string, quoting: Quoting, expansions: readonly Node[]): ShellPiece[] {
  const pieces: ShellPiece[] = [];
  let plainStart = start;
  const flush = (until: number) => {
    if (until > plainStart) {
      pieces.push({ kind: 'text', hostStart: plainStart, text: text.slice(plainStart, until), quoting });
    }
  };
  let next = 0;
  for (let i = start; i < end; i++) {
    const expansion = expansions[next];
    if (expansion && expansion.startIndex === i) {
      flush(i);
      const hostEnd = Math.min(expansion.endIndex, end);
      pieces.push({ kind: 'interpolation', hostStart: i, hostEnd, quoting });
      i = hostEnd - 1;
      plainStart = hostEnd;
      next++;
      continue;
    }
    if (text[i] !== '\\' || i + 1 >= end || quoting === 'single' || quoting === 'heredoc-literal') {
      continue;
    }
    const escape = quoting === 'ansi-c' ? cEscape(text, i + 1, end) : backslashEscape(text, i + 1, quoting);
    if (escape) {
      flush(i);
      if (escape.char !== '') {
        pieces.push({ kind: 'escape', hostStart: i, hostEnd: escape.end, char: escape.char, quoting });
      }
      plainStart = escape.end;
      i = escape.end - 1;
    }
  }
  flush(end);
  return pieces;
}

const ESCAPED_IN: Readonly<Record<'bare' | 'double' | 'heredoc', RegExp>> = {
  bare: /[^\r\n]/,
  double: /[$`"\\]/,
  heredoc: /[$`\\]/,
};

function backslashEscape(text: string, at: number, quoting: Quoting): { char: string; end: number } | undefined {
  // A backslash before a line break joins the lines: both vanish.
  if (text[at] === '\n') {
    return { char: '', end: at + 1 };
  }
  if (text[at] === '\r' && text[at + 1] === '\n') {
    return { char: '', end: at + 2 };
  }
  const pattern = ESCAPED_IN[quoting as keyof typeof ESCAPED_IN];
  return pattern?.test(text[at]) ? { char: text[at], end: at + 1 } : undefined;
}

const C_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

const C_NUMERIC: readonly { readonly lead: RegExp; readonly digits: RegExp; readonly max: number; readonly radix: number }[] = [
  { lead: /x/, digits: /[0-9a-fA-F]/, max: 2, radix: 16 },
  { lead: /u/, digits: /[0-9a-fA-F]/, max: 4, radix: 16 },
  { lead: /U/, digits: /[0-9a-fA-F]/, max: 8, radix: 16 },
];

/** One `$'…'` escape after its backslash; undefined leaves the backslash as written (bash keeps unknown escapes). */
function cEscape(text: string, at: number, end: number): { char: string; end: number } | undefined {
  const ch = text[at];
  if (Object.hasOwn(C_ESCAPES, ch)) {
    return { char: C_ESCAPES[ch], end: at + 1 };
  }
  if (ch === 'c' && at + 1 < end) {
    return { char: String.fromCharCode(text.charCodeAt(at + 1) & 0x1f), end: at + 2 };
  }
  if (/[0-7]/.test(ch)) {
    const digits = digitsAt(text, at, end, /[0-7]/, 3);
    return { char: String.fromCharCode(parseInt(digits, 8) & 0xff), end: at + digits.length };
  }
  for (const numeric of C_NUMERIC) {
    if (numeric.lead.test(ch)) {
      const digits = digitsAt(text, at + 1, end, numeric.digits, numeric.max);
      const code = digits ? parseInt(digits, numeric.radix) : NaN;
      return code <= 0x10ffff ? { char: String.fromCodePoint(code), end: at + 1 + digits.length } : undefined;
    }
  }
  return undefined;
}

function digitsAt(text: string, at: number, end: number, digit: RegExp, max: number): string {
  let stop = at;
  while (stop < end && stop - at < max && digit.test(text[stop])) {
    stop++;
  }
  return text.slice(at, stop);
}

/** The word's pieces, in order. */
export function piecesOf(word: Word): ShellPiece[] {
  return word.flatMap((part) => part.pieces);
}

/** What the command receives, with each expansion written as EXPANSION_MARK. */
export function decodedText(word: Word): string {
  return piecesOf(word)
    .map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'escape' ? piece.char : EXPANSION_MARK))
    .join('');
}

/** The word without its first `count` decoded characters (an option's `--data=` or `-d`). */
export function dropChars(word: Word, count: number): Word {
  const parts: WordPart[] = [];
  let left = count;
  for (const part of word) {
    if (left === 0) {
      parts.push(part);
      continue;
    }
    const kept: ShellPiece[] = [];
    for (const piece of part.pieces) {
      if (left === 0) {
        kept.push(piece);
      } else if (piece.kind === 'text' && piece.text.length > left) {
        kept.push({ ...piece, hostStart: piece.hostStart + left, text: piece.text.slice(left) });
        left = 0;
      } else {
        left = Math.max(0, left - (piece.kind === 'text' ? piece.text.length : piece.kind === 'escape' ? piece.char.length : 1));
      }
    }
    if (kept.length > 0) {
      // The part was cut: it now starts where its first kept piece does.
      const cut = kept.length < part.pieces.length || kept[0] !== part.pieces[0];
      parts.push(cut ? { span: { start: kept[0].hostStart, end: part.span.end }, pieces: kept } : part);
    }
  }
  return parts;
}

/** Where the word is written. */
export function wordSpan(word: Word): Span | undefined {
  return word.length > 0 ? { start: word[0].span.start, end: word[word.length - 1].span.end } : undefined;
}
