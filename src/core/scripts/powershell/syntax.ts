/** Reading PowerShell syntax nodes: the expression wrappers the grammar nests, strings and their escapes. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { TokenWriter } from '../../json/jsonView';
import type { StringPiece } from '../stringView';

/** Grammar levels that wrap a single expression; a value is read through all of them. */
const WRAPPERS = new Set([
  'pipeline',
  'pipeline_chain',
  'logical_expression',
  'bitwise_expression',
  'comparison_expression',
  'additive_expression',
  'multiplicative_expression',
  'format_expression',
  'range_expression',
  'array_literal_expression',
  'unary_expression',
  'argument_expression',
  'logical_argument_expression',
  'bitwise_argument_expression',
  'comparison_argument_expression',
  'additive_argument_expression',
  'multiplicative_argument_expression',
  'format_argument_expression',
  'range_argument_expression',
  'parenthesized_expression',
  'statement_list',
  'left_assignment_expression',
]);

/** The expression a chain of single-child wrappers stands for. */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type) && current.namedChildCount === 1) {
    const child = current.namedChild(0);
    if (!child) {
      break;
    }
    current = child;
  }
  return current;
}

/** `[ordered]@{…}` and `[pscustomobject]@{…}` are hashtables too. */
export function castTarget(node: Node): { cast: string; value: Node } | undefined {
  if (node.type !== 'expression_with_unary_operator') {
    return undefined;
  }
  const cast = node.namedChild(0);
  if (cast?.type !== 'cast_expression') {
    return undefined;
  }
  const type = cast.namedChildren.find((child) => child?.type === 'type_literal');
  const value = cast.namedChildren.find((child) => child?.type === 'unary_expression');
  return type && value ? { cast: type.text.slice(1, -1).toLowerCase(), value: unwrap(value) } : undefined;
}

/** The kind of string literal a `string_literal` node is. */
export type StringKind = 'verbatim' | 'expandable' | 'verbatim-here' | 'expandable-here';

export function stringKind(node: Node): StringKind | undefined {
  switch (node.namedChild(0)?.type) {
    case 'verbatim_string_characters':
      return 'verbatim';
    case 'expandable_string_literal':
      return 'expandable';
    case 'verbatim_here_string_characters':
      return 'verbatim-here';
    case 'expandable_here_string_literal':
      return 'expandable-here';
    default:
      return undefined;
  }
}

/** The literal's content cut into plain text, escapes and interpolations, with document offsets. */
export function stringPieces(node: Node, text: string): StringPiece[] | undefined {
  const kind = stringKind(node);
  if (!kind) {
    return undefined;
  }
  const start = node.startIndex;
  const end = node.endIndex;
  let contentStart: number;
  let contentEnd: number;
  if (kind === 'verbatim-here' || kind === 'expandable-here') {
    // A here-string's content starts on the line after `@'` and ends before the line of `'@`.
    const firstBreak = text.indexOf('\n', start);
    contentStart = firstBreak + 1;
    contentEnd = Math.max(contentStart, text.lastIndexOf('\n', end - 2));
    if (text[contentEnd - 1] === '\r') {
      contentEnd--;
    }
  } else {
    contentStart = start + 1;
    contentEnd = end - 1;
  }
  const interpolations =
    kind === 'expandable' || kind === 'expandable-here'
      ? (node.namedChild(0)?.namedChildren ?? []).filter((child): child is Node => !!child && (child.type === 'variable' || child.type === 'sub_expression'))
      : [];
  const pieces: StringPiece[] = [];
  let plainStart = contentStart;
  const flush = (until: number) => {
    if (until > plainStart) {
      pieces.push({ kind: 'text', hostStart: plainStart, text: text.slice(plainStart, until) });
    }
  };
  let next = 0;
  for (let i = contentStart; i < contentEnd; i++) {
    const interpolation = interpolations[next];
    if (interpolation && interpolation.startIndex === i) {
      flush(i);
      pieces.push({ kind: 'interpolation', hostStart: i, hostEnd: interpolation.endIndex });
      i = interpolation.endIndex - 1;
      plainStart = interpolation.endIndex;
      next++;
      continue;
    }
    const ch = text[i];
    if (kind === 'verbatim' && ch === "'" && text[i + 1] === "'") {
      flush(i);
      pieces.push({ kind: 'escape', hostStart: i, hostEnd: i + 2, char: "'" });
      plainStart = i + 2;
      i++;
    } else if (kind === 'expandable' && ch === '"' && text[i + 1] === '"') {
      flush(i);
      pieces.push({ kind: 'escape', hostStart: i, hostEnd: i + 2, char: '"' });
      plainStart = i + 2;
      i++;
    } else if ((kind === 'expandable' || kind === 'expandable-here') && ch === '`' && i + 1 < contentEnd) {
      flush(i);
      pieces.push({ kind: 'escape', hostStart: i, hostEnd: i + 2, char: BACKTICK_ESCAPES[text[i + 1]] ?? text[i + 1] });
      plainStart = i + 2;
      i++;
    }
  }
  flush(contentEnd);
  return pieces;
}

const BACKTICK_ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b' };

/** The decoded value of a string literal, or undefined when it interpolates anything. */
export function stringValue(node: Node, text: string): string | undefined {
  const pieces = stringPieces(node, text);
  if (!pieces || pieces.some((piece) => piece.kind === 'interpolation')) {
    return undefined;
  }
  return pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'escape' ? piece.char : '')).join('');
}

/** Writes a new string value in the same kind of literal as the one it replaces. */
export function stringWriter(kind: StringKind | 'bare'): TokenWriter {
  return (value) => {
    if (typeof value !== 'string') {
      return undefined;
    }
    switch (kind) {
      case 'bare':
        return /^[A-Za-z_][A-Za-z0-9_]*$/.test(value) ? value : `'${value.replace(/'/g, "''")}'`;
      case 'verbatim':
        return `'${value.replace(/'/g, "''")}'`;
      case 'expandable':
        return `"${value.replace(/[`"$]/g, '`$&')}"`;
      default:
        return undefined;
    }
  };
}

/** How JSON text is written back into a string literal of this kind. */
export function stringEncoder(kind: StringKind): (jsonText: string) => string | undefined {
  switch (kind) {
    case 'verbatim':
      return (json) => json.replace(/'/g, "''");
    case 'expandable':
      return (json) => json.replace(/[`"$]/g, '`$&');
    case 'verbatim-here':
      return (json) => (/[\r\n]'@/.test(json) ? undefined : json);
    case 'expandable-here':
      return (json) => json.replace(/[`$]/g, '`$&');
  }
}

/** `$Script:base`, `${base}` and `$base` name the same variable; PowerShell names ignore case. */
export function variableName(text: string): string {
  return text
    .replace(/^[$@]\{?/, '')
    .replace(/\}$/, '')
    .replace(/^(?:script|global|local|private):/i, '')
    .toLowerCase();
}

/** `$script:x` and `$global:x` live in the script's own scope wherever they are written. */
export function namesScriptScope(text: string): boolean {
  return /^[$@]\{?(?:script|global):/i.test(text);
}

/** A command's name as PowerShell matches it: without case. */
export function commandName(command: Node): string | undefined {
  return command.childForFieldName('command_name')?.text.toLowerCase();
}

/** The anonymous operator token among a node's children (`+`, `-f`, `=`), if any. */
export function operatorOf(node: Node): string | undefined {
  for (const child of node.children) {
    if (child && !child.isNamed) {
      return child.text.toLowerCase();
    }
    if (child && (child.type === 'format_operator' || child.type === 'assignement_operator')) {
      return child.text.toLowerCase();
    }
  }
  return undefined;
}
