/**
 * The text of a URI or method expression as far as the script tells it: literals, expandable
 * strings, `+`, `-f`, Join-Path, [uri]::new and variables assigned in this scope or the ones
 * around it. What only the running script knows is written `{{}}`, which matches any one path
 * segment.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { JOIN_PATH } from './commands';
import { namedChildren } from './literals';
import { MAX_HOPS, type ScriptModel, type Value } from './model';
import { castTarget, commandName, operatorOf, stringPieces, unwrap } from './syntax';

/** Stands for an unknown part while the text is assembled: `{{}}` itself would read as braces in a `-f` format. */
const UNKNOWN = '\u0001';

export interface UrlText {
  readonly text: string;
  /** Arguments of a wrapper's call the text was built from, in reading order. */
  readonly arguments: readonly Node[];
}

export function urlText(model: ScriptModel, value: Value): UrlText {
  const reader = new TextReader(model);
  const text = reader.read(value, MAX_HOPS);
  return { text: text.replace(/\u0001+/g, '{{}}'), arguments: reader.arguments };
}

class TextReader {
  readonly arguments: Node[] = [];

  constructor(private readonly model: ScriptModel) {}

  read(value: Value, hops: number): string {
    if (hops <= 0) {
      return UNKNOWN;
    }
    const node = unwrap(value.node);
    const next = (child: Node) => this.read({ node: child, env: value.env }, hops - 1);
    switch (node.type) {
      case 'generic_token':
        // A bare word: `-Uri https://host/api/machines`.
        return node.text.replace(/\$\{?[\w:]+\}?/g, UNKNOWN);
      case 'string_literal':
        return this.readString(node, value, hops);
      case 'variable':
        return this.readVariable(node, value, hops);
      case 'additive_expression': {
        const parts = namedChildren(node);
        return operatorOf(node) === '+' ? parts.map(next).join('') : UNKNOWN;
      }
      case 'format_expression':
        return operatorOf(node) === '-f' ? this.format(node, value, hops) : UNKNOWN;
      case 'sub_expression': {
        // `$($base)`: a sub-expression of one plain expression reads as that expression.
        const statements = node.namedChildren.find((child) => child?.type === 'statement_list');
        return statements && statements.namedChildCount === 1 ? next(statements) : UNKNOWN;
      }
      case 'command':
        return commandName(node) === 'join-path' ? this.joinPath(node, value, hops) : UNKNOWN;
      case 'invokation_expression':
        return this.invocation(node, value, hops);
      case 'expression_with_unary_operator': {
        // `[uri]"https://…"`, `[string]$base`
        const cast = castTarget(node);
        return cast && ['uri', 'system.uri', 'string', 'system.string'].includes(cast.cast) ? next(cast.value) : UNKNOWN;
      }
      case 'member_access': {
        // `[Microsoft.PowerShell.Commands.WebRequestMethod]::Post`
        const type = node.namedChild(0);
        const member = node.namedChildren.find((child) => child?.type === 'member_name');
        return type?.type === 'type_literal' && /webrequestmethod\]$/i.test(type.text) && member ? member.text : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private readVariable(node: Node, value: Value, hops: number): string {
    const resolved = this.model.resolve(node.text, node, value.env);
    if (resolved.kind !== 'value') {
      return UNKNOWN;
    }
    if (resolved.value.env !== value.env) {
      this.arguments.push(resolved.value.node);
    }
    const own = this.read(resolved.value, hops - 1);
    if (resolved.operator === '+=' && resolved.assignment) {
      // `$uri += "/isolate"` adds to what the variable held before.
      const before = this.model.resolve(node.text, resolved.assignment, value.env);
      return (before.kind === 'value' ? this.read(before.value, hops - 1) : UNKNOWN) + own;
    }
    return resolved.operator === '=' ? own : UNKNOWN;
  }

  private readString(node: Node, value: Value, hops: number): string {
    const pieces = stringPieces(node, this.model.text) ?? [];
    const interpolations = new Map<number, Node>();
    for (const child of node.namedChild(0)?.namedChildren ?? []) {
      if (child) {
        interpolations.set(child.startIndex, child);
      }
    }
    return pieces
      .map((piece) => {
        switch (piece.kind) {
          case 'text':
            return piece.text;
          case 'escape':
            return piece.char;
          case 'interpolation': {
            const inner = interpolations.get(piece.hostStart);
            return inner ? this.read({ node: inner, env: value.env }, hops - 1) : UNKNOWN;
          }
        }
      })
      .join('');
  }

  /** `'{0}/machines/{1}/isolate' -f $base, $id`, with .NET's `{{`/`}}` escapes and `{0,5:x}` items. */
  private format(node: Node, value: Value, hops: number): string {
    const [formatNode, , argumentsNode] = namedChildren(node);
    if (!formatNode || !argumentsNode) {
      return UNKNOWN;
    }
    const list = unwrap(argumentsNode);
    const items = list.type === 'array_literal_expression' ? namedChildren(list) : [list];
    return this.applyFormat(this.read({ node: formatNode, env: value.env }, hops - 1), items, value, hops);
  }

  private applyFormat(format: string, items: readonly Node[], value: Value, hops: number): string {
    return format.replace(/\{\{|\}\}|\{(\d+)(?:,[^}:]*)?(?::[^}]*)?\}/g, (match, index: string | undefined) => {
      if (match === '{{') {
        return '{';
      }
      if (match === '}}') {
        return '}';
      }
      const item = items[Number(index)];
      return item ? this.read({ node: item, env: value.env }, hops - 1) : UNKNOWN;
    });
  }

  /** `Join-Path $base 'machines'`: PowerShell joins with one separator (`\` on Windows, which the API also takes). */
  private joinPath(node: Node, value: Value, hops: number): string {
    const bound = this.model.bind(node, JOIN_PATH);
    const parts = ['path', 'childpath', 'additionalchildpath']
      .map((name) => bound.arguments.get(name))
      .filter((part): part is Node => part !== undefined)
      .map((part) => this.read({ node: part, env: value.env }, hops - 1));
    return parts.length === 0 ? UNKNOWN : parts.reduce((joined, part) => `${joined.replace(/[/\\]+$/, '')}/${part.replace(/^[/\\]+/, '')}`);
  }

  private invocation(node: Node, value: Value, hops: number): string {
    const target = node.namedChild(0);
    const member = node.namedChildren.find((child) => child?.type === 'member_name')?.text.toLowerCase();
    const list = node.namedChildren.find((child) => child?.type === 'argument_list')?.namedChildren.find((child) => child?.type === 'argument_expression_list');
    const items = list ? namedChildren(list).filter((child) => child.type !== 'comment') : [];
    const type = target?.type === 'type_literal' ? target.text.slice(1, -1).toLowerCase() : undefined;
    const read = (item: Node) => this.read({ node: item, env: value.env }, hops - 1);
    if ((type === 'uri' || type === 'system.uri') && member === 'new' && items.length >= 1) {
      return items.length === 1 ? read(items[0]) : relativeTo(read(items[0]), read(items[1]));
    }
    if ((type === 'string' || type === 'system.string') && member === 'format' && items.length >= 1) {
      return this.applyFormat(read(items[0]), items.slice(1), value, hops);
    }
    return UNKNOWN;
  }
}

/** `[uri]::new($base, $relative)`: RFC 3986 resolution, for the shapes scripts write. */
function relativeTo(base: string, relative: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(relative)) {
    return relative;
  }
  if (relative.startsWith('/')) {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(base);
    return origin ? origin[0] + relative : UNKNOWN + relative;
  }
  return base.slice(0, base.lastIndexOf('/') + 1) + relative;
}
