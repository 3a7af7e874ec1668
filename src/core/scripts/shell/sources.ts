/**
 * Where the text curl sends is written: the data word itself, the string a `$BODY` variable was
 * given, a `$(cat <<EOF … EOF)`, or the heredoc, here-string or `echo` feeding `-d @-`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../http/httpParser';
import type { TextEncoder } from '../../json/jsonView';
import { wordEncoder } from './encoders';
import { expandedName, type ShellVariables } from './variables';
import { heredocPieces, piecesOf, readWord, wordSpan, type ShellPiece, type Word } from './words';

export interface BodySource {
  /** Where the literal is written: a quoted word, or a heredoc's lines. */
  readonly region: Span;
  readonly pieces: readonly ShellPiece[];
  readonly encode: TextEncoder;
}

/** What sources are read through. */
export interface ShellContext {
  readonly root: Node;
  readonly text: string;
  readonly variables: ShellVariables;
}

const MAX_HOPS = 8;

export function wordSource(word: Word): BodySource | undefined {
  const region = wordSpan(word);
  const pieces = piecesOf(word);
  return region ? { region, pieces, encode: wordEncoder(pieces) } : undefined;
}

export function heredocSource(body: Node, text: string): BodySource {
  const { pieces, delimiter } = heredocPieces(body, text);
  return { region: { start: body.startIndex, end: body.endIndex }, pieces, encode: wordEncoder(pieces, delimiter) };
}

/** A word, or what it expands to when it is one expansion and nothing else (`"$BODY"`, `"$(cat <<EOF …)"`). */
export function sourceOfWord(word: Word, context: ShellContext, hops = MAX_HOPS): BodySource | undefined {
  const pieces = piecesOf(word);
  const expansions = pieces.filter((piece) => piece.kind === 'interpolation');
  const alone = expansions.length === 1 && pieces.every((piece) => piece.kind === 'interpolation' || (piece.kind === 'text' && piece.text.trim() === ''));
  if (!alone) {
    return wordSource(word);
  }
  if (hops === 0) {
    return undefined;
  }
  const expansion = expansions[0];
  const name = expandedName(context.text.slice(expansion.hostStart, expansion.hostEnd));
  if (name) {
    const value = context.variables.valueOf(name, expansion.hostStart);
    return value ? sourceOfNode(value, context, hops - 1) : undefined;
  }
  const node = context.root.descendantForIndex(expansion.hostStart, expansion.hostEnd);
  return node ? sourceOfNode(node, context, hops - 1) : undefined;
}

/** The body an assigned value or a command substitution stands for. */
export function sourceOfNode(node: Node, context: ShellContext, hops = MAX_HOPS): BodySource | undefined {
  if (node.type === 'heredoc_body') {
    return heredocSource(node, context.text);
  }
  if (node.type === 'command_substitution') {
    const heredoc = catHeredoc(node.namedChild(0));
    return heredoc ? heredocSource(heredoc, context.text) : undefined;
  }
  const word = readWord(node, context.text);
  return word && sourceOfWord(word, context, hops);
}

/** `cat <<EOF … EOF`: the heredoc `cat` writes out. */
function catHeredoc(statement: Node | null): Node | undefined {
  return statement?.type === 'redirected_statement' && commandName(statement.childForFieldName('body')) === 'cat' ? heredocOf(statement) : undefined;
}

function heredocOf(statement: Node): Node | undefined {
  const redirect = statement.childrenForFieldName('redirect').find((child) => child?.type === 'heredoc_redirect');
  return redirect?.namedChildren.find((child) => child?.type === 'heredoc_body') ?? undefined;
}

export function commandName(command: Node | null | undefined): string | undefined {
  return command?.type === 'command' ? command.childForFieldName('name')?.text : undefined;
}

/** What `-d @-` reads: the command's heredoc or here-string, or what `cat <<EOF |` or `echo '…' |` pipes into it. */
export function stdinSource(command: Node, context: ShellContext): BodySource | undefined {
  let node = command;
  const parent = command.parent;
  if (parent?.type === 'redirected_statement' && parent.childForFieldName('body')?.equals(command)) {
    const heredoc = heredocOf(parent);
    if (heredoc) {
      return heredocSource(heredoc, context.text);
    }
    const herestring = parent.childrenForFieldName('redirect').find((child) => child?.type === 'herestring_redirect')?.namedChild(0);
    const word = herestring && readWord(herestring, context.text);
    if (word) {
      return sourceOfWord(word, context);
    }
    node = parent;
  }
  const pipeline = node.parent;
  if (pipeline?.type !== 'pipeline') {
    return undefined;
  }
  // `cat <<EOF | curl …`: the grammar hangs the rest of the pipeline on the heredoc's redirect.
  if (pipeline.parent?.type === 'heredoc_redirect' && pipeline.namedChild(0)?.equals(node)) {
    const statement = pipeline.parent.parent;
    const heredoc = statement && catHeredoc(statement);
    return heredoc ? heredocSource(heredoc, context.text) : undefined;
  }
  const index = pipeline.namedChildren.findIndex((child) => child?.equals(node));
  const writer = index > 0 ? pipeline.namedChild(index - 1) : null;
  const heredoc = catHeredoc(writer);
  if (heredoc) {
    return heredocSource(heredoc, context.text);
  }
  const args = writer?.type === 'command' && commandName(writer) === 'echo' ? writer.childrenForFieldName('argument') : [];
  const echoed = args.length === 1 && args[0] ? readWord(args[0], context.text) : undefined;
  return echoed ? sourceOfWord(echoed, context) : undefined;
}
