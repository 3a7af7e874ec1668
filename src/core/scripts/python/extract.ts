/**
 * Request bodies in Python: dicts, `dict(…)` calls and JSON strings that the script sends
 * (`json=`, `data=`, through variables, `json.dumps` and `json.loads`), serializes, or names with an
 * `# mde:` directive, with the URL and method of the call that sends them. A dict that is never
 * sent nor serialized (built from a response, a config, a log line) is none of ours.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BodyTarget, EmbeddedBody, HostSyntax, SendPitfall } from '../../embedded/embeddedBody';
import { directiveAbove } from '../directiveComment';
import { literalView, type HostValue } from '../literalView';
import type { ScriptExtractor } from '../scriptExtractor';
import { stringView, type StringPiece } from '../stringView';
import { ImportNames, sendCalls, type SendCall } from './calls';
import { isDictNode, namedChildren, readValue, unwrap } from './literals';
import { TextResolver, UNKNOWN, urlText } from './resolve';
import { Scopes, type Binding } from './scopes';
import { BodySteps } from './steps';
import { indexPython, type PythonIndex } from './pythonIndex';
import { stringEncoder, stringKind, stringPieces, type Template } from './strings';

const MAX_HOPS = 8;
/** Calls that print or log what they are given: a dict serialized for them is output, not a request. */
const OUTPUT_CALLS = new Set(['print', 'pprint', 'debug', 'info', 'warning', 'warn', 'error', 'exception', 'critical', 'log', 'write', 'echo', 'secho']);

/** Completion writes a property the way the dict around it does. */
export function pythonSyntax(quote: "'" | '"'): HostSyntax {
  return {
    property: (name, value) => `${quote}${name}${quote}: ${value}`,
    string: (text) => `${quote}${text}${quote}`,
  };
}

/** In `dict(…)` a property is a keyword argument. */
export const pythonKeywordSyntax: HostSyntax = {
  property: (name, value) => `${name}=${value}`,
  string: (text) => `"${text}"`,
};

export const pythonExtractor: ScriptExtractor = {
  extract(root, text) {
    return new PythonScript(root, text).bodies();
  },
};

/** Where a body's literal is, and how it got to where it is sent. */
interface BodySource {
  readonly node: Node;
  readonly template?: Template;
  /** Passed through `json.dumps`: sent as JSON whatever argument carries it. */
  readonly serialized: boolean;
  /** The variable assignment it came through, whose later steps add keys. */
  readonly binding?: Binding;
}

class PythonScript {
  private readonly scopes: Scopes;
  private readonly resolver: TextResolver;
  private readonly imports: ImportNames;
  private readonly steps: BodySteps;
  private readonly index: PythonIndex;
  private readonly claimed = new Set<string>();

  constructor(
    private readonly root: Node,
    private readonly text: string,
  ) {
    this.index = indexPython(root);
    this.scopes = new Scopes(this.index);
    this.resolver = new TextResolver(this.scopes, text);
    this.imports = new ImportNames(this.index);
    this.steps = new BodySteps(this.index, text, this.scopes);
  }

  bodies(): EmbeddedBody[] {
    const bodies: EmbeddedBody[] = [];
    const keep = (body: EmbeddedBody | undefined, source: BodySource) => {
      if (body) {
        this.claimed.add(idOf(source.node));
        bodies.push(body);
      }
    };
    for (const send of sendCalls(this.index, this.imports, this.resolver)) {
      const source = this.bodySource(send.body.value);
      if (!source || this.claimed.has(idOf(source.node))) {
        continue;
      }
      const target = this.directiveOf(source.node) ?? directiveAbove(this.text, statementOf(send.call).startIndex) ?? this.callTarget(send);
      keep(this.embed(source, target, send.call, this.formEncoded(send, source)), source);
    }
    // Serialized and sent some way the script does not show (a helper, a queue): the keys may still name the operation.
    for (const call of this.index.of('call')) {
      const argument = this.imports.qualify(call.childForFieldName('function') ?? call) === 'json.dumps' ? firstArgument(call) : undefined;
      const source = argument && !isOutput(call) ? this.bodySource(argument) : undefined;
      if (source && !this.claimed.has(idOf(source.node))) {
        keep(this.embed(source, this.directiveOf(source.node) ?? directiveAbove(this.text, statementOf(call).startIndex), call), source);
      }
    }
    for (const statement of this.directiveStatements()) {
      const value = assignedOrWritten(statement);
      const source = value && this.bodySource(value);
      if (source && !this.claimed.has(idOf(source.node))) {
        keep(this.embed(source, directiveAbove(this.text, statement.startIndex), undefined), source);
      }
    }
    return bodies.sort((a, b) => a.region.start - b.region.start);
  }

  private embed(source: BodySource, target: BodyTarget | undefined, use: Node | undefined, pitfalls?: SendPitfall[]): EmbeddedBody | undefined {
    const node = source.node;
    const region = { start: node.startIndex, end: node.endIndex };
    if (isDictNode(node)) {
      const value = readValue(node, this.text);
      if (value.kind !== 'object') {
        return undefined;
      }
      const withSteps: HostValue = source.binding ? { ...value, entries: [...value.entries, ...this.stepEntries(source.binding, use)] } : value;
      return { region, view: literalView(withSteps), target, allowComments: false, pitfalls, syntax: syntaxOf(node) };
    }
    const kind = stringKind(node);
    const pieces = stringPieces(node, this.text, source.template);
    if (!kind || !pieces || !opensAnObject(pieces)) {
      return undefined;
    }
    // In a triple-quoted literal quotes are escaped only where needed, unless the author escapes them
    // anyway or the JSON is cut short (an edit could then touch the closing quotes).
    const escapedQuote = pieces.some((piece) => piece.kind === 'escape' && piece.char === kind.quote && this.text[piece.hostStart] === '\\');
    const last = pieces[pieces.length - 1];
    const lastText = last?.kind === 'text' ? last.text : last?.kind === 'escape' ? last.char : '';
    const endsClosed = lastText.trimEnd().endsWith('}');
    return { region, view: stringView(pieces, stringEncoder(kind, source.template, escapedQuote || !endsClosed)), target, allowComments: false, pitfalls };
  }

  private stepEntries(binding: Binding, use: Node | undefined) {
    // Steps after the send are not in what it sends; a use in another scope runs later, after all of them.
    const sameScope = use && this.scopes.scopeOf(use).id === binding.scope.id;
    return this.steps.entriesFor(binding, sameScope ? use.startIndex : Infinity, this.scopes.following(binding));
  }

  /** The dict or JSON string an argument stands for, through variables, `json.dumps`, `json.loads` and templates. */
  private bodySource(node: Node, hops = MAX_HOPS, serialized = false): BodySource | undefined {
    const value = unwrap(node);
    if (isDictNode(value) || value.type === 'string') {
      return { node: value, serialized };
    }
    if (hops <= 0) {
      return undefined;
    }
    if (value.type === 'binary_operator' && value.childForFieldName('operator')?.text === '%') {
      const left = value.childForFieldName('left');
      return left && unwrap(left).type === 'string' ? { node: unwrap(left), template: 'percent', serialized } : undefined;
    }
    if (value.type === 'call') {
      const callee = value.childForFieldName('function');
      const name = callee && this.imports.qualify(callee);
      if (name === 'json.dumps' || name === 'json.loads') {
        const argument = firstArgument(value);
        return argument && this.bodySource(argument, hops - 1, serialized || name === 'json.dumps');
      }
      const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
      const method = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
      if (object && method === 'format' && unwrap(object).type === 'string') {
        return { node: unwrap(object), template: 'format', serialized };
      }
      if (object && method === 'encode') {
        return this.bodySource(object, hops - 1, serialized);
      }
      return undefined;
    }
    if (value.type === 'identifier') {
      const binding = this.scopes.lookup(value.text, value);
      if (!binding?.value || binding.augmented) {
        return undefined;
      }
      const source = this.bodySource(binding.value, hops - 1, serialized);
      // Steps add keys to the dict the variable holds itself, not to one it was copied or serialized from.
      return source && idOf(unwrap(binding.value)) === idOf(source.node) && isDictNode(source.node) ? { ...source, binding } : source;
    }
    return undefined;
  }

  private directiveOf(node: Node): BodyTarget | undefined {
    return directiveAbove(this.text, statementOf(node).startIndex);
  }

  /** What the call sends to; undefined for a helper whose arguments name no URL (the keys may then name the operation). */
  private callTarget(send: SendCall): BodyTarget | undefined {
    if (!send.url) {
      return undefined;
    }
    let resolved = this.resolver.resolve(send.url);
    if (send.client === 'helper' && !resolved.replaceAll(UNKNOWN, '').includes('/')) {
      return undefined;
    }
    if (send.baseUrl && !/^[a-z][a-z0-9+.-]*:/i.test(resolved)) {
      const base = this.resolver.resolve(send.baseUrl);
      resolved = base.endsWith('/') || resolved.startsWith('/') ? base + resolved : `${base}/${resolved}`;
    }
    return {
      source: 'call',
      method: send.method,
      url: urlText(resolved),
      urlSpan: { start: send.url.startIndex, end: send.url.endIndex },
      methodSpan: send.methodSpan,
    };
  }

  /** `data=` with a dict sends it form-encoded; `json=` sends the same dict as JSON. */
  private formEncoded(send: SendCall, source: BodySource): SendPitfall[] | undefined {
    const { body } = send;
    if ((body.via !== 'data' && body.via !== 'positional-data') || source.serialized || !isDictNode(source.node)) {
      return undefined;
    }
    const written = body.value.text;
    const text = `json=${written.length <= 40 && !/[\r\n]/.test(written) ? written : '…'}`;
    if (body.keyword) {
      const span = { start: body.keyword.startIndex, end: body.keyword.endIndex };
      const fix = send.hasJsonKeyword ? undefined : { kind: 'serialize-body' as const, edits: [{ ...span, newText: 'json' }], preferred: true, args: { text } };
      return [{ code: 'form-encoded-body', span, fix }];
    }
    const span = { start: body.value.startIndex, end: body.value.endIndex };
    const fix =
      send.hasJsonKeyword || !body.lastPositional
        ? undefined
        : { kind: 'serialize-body' as const, edits: [{ start: span.start, end: span.start, newText: 'json=' }], preferred: true, args: { text } };
    return [{ code: 'form-encoded-body', span, fix }];
  }

  /** The statements right below an `# mde:` comment. */
  private directiveStatements(): Node[] {
    const statements: Node[] = [];
    for (const comment of this.index.of('comment')) {
      if (!/\bmde:/.test(comment.text)) {
        continue;
      }
      const next = /\S/g;
      next.lastIndex = comment.endIndex;
      let match = next.exec(this.text);
      // Other comment lines may stand between the directive and its statement.
      while (match && this.text[match.index] === '#') {
        const lineEnd = this.text.indexOf('\n', match.index);
        if (lineEnd < 0) {
          match = null;
          break;
        }
        next.lastIndex = lineEnd;
        match = next.exec(this.text);
      }
      const start = match ? this.root.descendantForIndex(match.index) : null;
      if (start && start.startIndex === match!.index) {
        statements.push(statementOf(start));
      }
    }
    return statements;
  }
}

/** A body written by the statement itself: `body = {…}`, `return {…}`, a bare `{…}`. */
function assignedOrWritten(statement: Node): Node | undefined {
  const inner = statement.type === 'expression_statement' || statement.type === 'return_statement' ? statement.namedChild(0) : null;
  if (!inner) {
    return undefined;
  }
  if (inner.type === 'assignment') {
    return inner.childForFieldName('right') ?? undefined;
  }
  return inner;
}

/** The decoded text starts with `{`: in an f-string or a `.format` template that brace is written `{{`. */
function opensAnObject(pieces: readonly StringPiece[]): boolean {
  for (const piece of pieces) {
    const decoded = piece.kind === 'text' ? piece.text.trimStart() : piece.kind === 'escape' ? piece.char.trimStart() : undefined;
    if (decoded === undefined) {
      return false;
    }
    if (decoded.length > 0) {
      return decoded.startsWith('{');
    }
  }
  return false;
}

function firstArgument(call: Node): Node | undefined {
  const argumentList = call.childForFieldName('arguments');
  const first = argumentList?.type === 'argument_list' ? namedChildren(argumentList)[0] : undefined;
  return first && first.type !== 'keyword_argument' && !first.type.includes('splat') ? first : undefined;
}

/** A serialization printed or logged, up to the statement it is in. */
function isOutput(node: Node): boolean {
  for (let parent = node.parent; parent && parent.type !== 'block' && parent.type !== 'module'; parent = parent.parent) {
    if (parent.type === 'call') {
      const callee = parent.childForFieldName('function');
      const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
      if (name && OUTPUT_CALLS.has(name)) {
        return true;
      }
    }
  }
  return false;
}

/** The statement a node belongs to, where a directive comment above it is looked for. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type !== 'block' && current.parent.type !== 'module') {
    current = current.parent;
  }
  return current;
}

function idOf(node: Node): string {
  return `${node.startIndex}:${node.endIndex}`;
}

/** The quote style of a dict's first string key, for completions that write more keys like it. */
function syntaxOf(node: Node): HostSyntax {
  if (node.type !== 'dictionary') {
    return pythonKeywordSyntax;
  }
  for (const pair of namedChildren(node)) {
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
    const kind = key ? stringKind(unwrap(key)) : undefined;
    if (kind) {
      return pythonSyntax(kind.quote);
    }
  }
  return pythonSyntax('"');
}
