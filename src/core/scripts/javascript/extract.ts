/**
 * Request bodies in JavaScript and TypeScript (and JSX/TSX): object literals, JSON in string and
 * template literals, bodies built in steps, and the calls that send them with their URLs resolved
 * through the file's names. One extractor serves the javascript, typescript and tsx grammars,
 * whose expression nodes are the same.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BodyTarget, EmbeddedBody, HostSyntax, SendPitfall } from '../../embedded/embeddedBody';
import type { Span } from '../../http/httpParser';
import { ClaimedSpans } from '../claimedSpans';
import { directiveAbove } from '../directiveComment';
import { literalView, spanOf, type HostValue } from '../literalView';
import { mayHoldDefenderBodies } from '../precheck';
import type { ScriptExtractor } from '../scriptExtractor';
import { looksLikeJsonObject, stringView } from '../stringView';
import { Bindings } from './bindings';
import { indexJavaScript, type JavaScriptIndex } from './javascriptIndex';
import { SendCallReader, type SendCall } from './calls';
import { isTestFile, mayInferFrom, roleOf, talksOnlyToOtherApis } from './candidates';
import { javascriptSyntax, preferredQuote } from './completionSyntax';
import { LiteralReader } from './literals';
import { argumentsOf, unwrap } from './nodes';
import { StepWrites } from './steps';
import { Structure } from './structure';
import { quotingOf, stringEncoder, stringPieces } from './strings';
import { helperTarget } from './helperCalls';
import { unserializedBody } from './pitfalls';
import { isKnownUrl, joinBase, UrlResolver } from './urls';

const MAX_HOPS = 8;

export const javascriptExtractor: ScriptExtractor = {
  extract(root, text) {
    return new JavaScriptFile(root, text).bodies();
  },
};

/** What a body expression sends: an object or string literal, and whether JSON.stringify stands between. */
interface BodySource {
  readonly node: Node;
  readonly serialized: boolean;
}

class JavaScriptFile {
  private readonly nodes: JavaScriptIndex;
  private readonly structure: Structure;
  private readonly bindings: Bindings;
  private readonly urls: UrlResolver;
  private readonly reader: LiteralReader;
  private readonly steps: StepWrites;
  private readonly syntax: HostSyntax;
  private readonly found: EmbeddedBody[] = [];
  private readonly claimedIds = new Set<number>();
  private readonly claimedSpans = new ClaimedSpans();
  /** Statements whose directive already named a body: the other objects there are configs, not bodies. */
  private readonly directed = new Set<number>();

  constructor(
    private readonly root: Node,
    private readonly text: string,
  ) {
    this.nodes = indexJavaScript(root);
    this.structure = new Structure(this.nodes);
    this.bindings = new Bindings(this.nodes, this.structure);
    this.urls = new UrlResolver(this.bindings, text);
    const quote = preferredQuote(root, text);
    this.reader = new LiteralReader(text, quote);
    this.steps = new StepWrites(this.nodes, this.bindings, this.structure);
    this.syntax = javascriptSyntax(quote);
  }

  bodies(): EmbeddedBody[] {
    const callReader = new SendCallReader(this.bindings);
    const others: Node[] = [];
    for (const call of this.nodes.of('call_expression')) {
      const send = callReader.read(call);
      if (send) {
        this.addSent(send);
      } else {
        others.push(call);
      }
    }
    const testFile = isTestFile(this.root);
    if (!testFile) {
      others.forEach((call) => this.addHandedWithUrl(call));
    }
    this.addFree(!testFile && !talksOnlyToOtherApis(this.text));
    return this.found.sort((a, b) => a.region.start - b.region.start);
  }

  private addSent(send: SendCall): void {
    const source = send.body && this.bodySource(send.body);
    if (!send.body || !source || this.isClaimed(source.node)) {
      return;
    }
    const callStatement = this.structure.statementOf(send.call);
    const sourceStatement = this.structure.statementOf(source.node);
    const target = directiveAbove(this.text, callStatement.startIndex) ?? directiveAbove(this.text, sourceStatement.startIndex) ?? this.callTarget(send);
    const pitfalls = !send.serializesObjects && !source.serialized && source.node.type === 'object' ? [unserializedBody(send.body)] : [];
    // Keys set after the call are not sent by it.
    const until = send.call.startIndex > source.node.startIndex ? send.call.startIndex : undefined;
    if (this.add(source.node, target, pitfalls, until)) {
      this.directed.add(callStatement.id).add(sourceStatement.id);
    }
  }

  /**
   * A call of the script's own helper (`this.post(url, body)`, `request('POST', url, body)`) that
   * hands a body literal together with a URL: the URL names the operation as a library call's would.
   */
  private addHandedWithUrl(call: Node): void {
    const args = argumentsOf(call);
    if (args.length < 2) {
      return;
    }
    let source: BodySource | undefined;
    let bodyIndex = -1;
    for (let i = 0; i < args.length && !source; i++) {
      const candidate = BODY_LIKE.has(unwrap(args[i]).type) ? this.bodySource(args[i]) : undefined;
      if (candidate && (candidate.node.type === 'object' || this.jsonPieces(candidate.node))) {
        source = candidate;
        bodyIndex = i;
      }
    }
    if (!source || this.isClaimed(source.node)) {
      return;
    }
    const statement = this.structure.statementOf(call);
    const directive = this.directed.has(statement.id) ? undefined : directiveAbove(this.text, statement.startIndex);
    const target = directive ?? helperTarget(call, args, bodyIndex, this.urls, this.text);
    if (!target) {
      return;
    }
    if (this.add(source.node, target, [], undefined) && directive) {
      this.directed.add(statement.id);
    }
  }

  /** Literals no call sends: bodies when a directive names their operation, or when their keys may. */
  private addFree(inferring: boolean): void {
    const directives = this.text.includes('mde:');
    if (!directives && !inferring) {
      return;
    }
    const candidates = this.nodes.of('object', 'string', 'template_string').filter((node) => node.type === 'object' || this.opensObject(node));
    for (const candidate of candidates) {
      if (this.isClaimed(candidate) || this.structure.isNested(candidate)) {
        continue;
      }
      const statement = directives ? this.structure.statementOf(candidate) : undefined;
      const directive = statement && !this.directed.has(statement.id) ? directiveAbove(this.text, statement.startIndex) : undefined;
      if (statement && directive) {
        if (this.add(candidate, directive, [], undefined)) {
          this.directed.add(statement.id);
        }
        continue;
      }
      // Keys name an operation only if one of them is a parameter name: most objects are let go here, unread.
      if (!inferring || (statement && this.directed.has(statement.id)) || !mayHoldDefenderBodies(this.text.slice(candidate.startIndex, candidate.endIndex))) {
        continue;
      }
      const role = roleOf(candidate);
      if (role.kind !== 'argument' && mayInferFrom(role, candidate.type === 'object' ? this.objectValue(candidate, undefined) : undefined)) {
        this.add(candidate, undefined, [], undefined);
      }
    }
  }

  /** Embeds a literal as a body and claims it, so no other call or rule reads it again. */
  private add(node: Node, target: BodyTarget | undefined, pitfalls: readonly SendPitfall[], until: number | undefined): boolean {
    if (node.type === 'object') {
      const value = this.objectValue(node, until);
      const region = { start: node.startIndex, end: spanOf(value).end };
      this.found.push({ region, view: literalView(value), target, allowComments: false, pitfalls, syntax: this.syntax });
      this.claim(node, value);
      return true;
    }
    const pieces = this.jsonPieces(node);
    const quoting = quotingOf(node);
    if (!pieces || !quoting || quoting === 'bare') {
      return false;
    }
    this.found.push({ region: spanOfNode(node), view: stringView(pieces, stringEncoder(quoting)), target, allowComments: false, pitfalls });
    this.claim(node, undefined);
    return true;
  }

  private objectValue(node: Node, until: number | undefined): HostValue {
    return this.reader.readBuiltObject(node, this.steps.entries(node, this.reader, until));
  }

  private claim(node: Node, value: HostValue | undefined): void {
    this.claimedIds.add(node.id);
    this.claimedSpans.add(spanOfNode(node));
    if (value?.kind === 'object') {
      // Values assigned in later steps belong to the body too.
      for (const entry of value.entries) {
        if (entry.value && entry.keySpan.start > node.endIndex) {
          this.claimedSpans.add(spanOf(entry.value));
        }
      }
    }
  }

  private isClaimed(node: Node): boolean {
    return this.claimedIds.has(node.id) || this.claimedSpans.covers(node.startIndex, node.endIndex);
  }

  private jsonPieces(node: Node) {
    const pieces = stringPieces(node, this.text);
    return pieces && looksLikeJsonObject(pieces) ? pieces : undefined;
  }

  /** A cheap look before cutting a string into pieces: its text must open with `{`. */
  private opensObject(node: Node): boolean {
    return /^\s*\{/.test(this.text.slice(node.startIndex + 1, Math.min(node.endIndex, node.startIndex + 64)));
  }

  /** The literal a body expression comes from, through names, `as`, parentheses and JSON.stringify. */
  private bodySource(node: Node, hops = MAX_HOPS): BodySource | undefined {
    const value = unwrap(node);
    switch (value.type) {
      case 'object':
        return { node: value, serialized: false };
      case 'string':
      case 'template_string':
        return { node: value, serialized: true };
      case 'call_expression': {
        const [argument] = argumentsOf(value);
        const source = value.childForFieldName('function')?.text === 'JSON.stringify' && argument && hops > 0 ? this.bodySource(argument, hops - 1) : undefined;
        return source && { node: source.node, serialized: true };
      }
      case 'identifier':
      case 'shorthand_property_identifier':
      case 'member_expression': {
        const assigned = hops > 0 ? this.bindings.valueOf(value) : undefined;
        return assigned && assigned.id !== value.id ? this.bodySource(assigned, hops - 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  private callTarget(send: SendCall): BodyTarget | undefined {
    if (!send.url) {
      return undefined;
    }
    const base = send.base ? this.urls.resolve(send.base) : send.impliedBase;
    const url = joinBase(base, this.urls.resolve(send.url));
    if (!isKnownUrl(url)) {
      // Nothing of the URL is known: the keys may still name the operation.
      return undefined;
    }
    let method: string | undefined;
    let methodSpan: Span | undefined;
    if (send.method && 'node' in send.method) {
      const written = this.urls.resolve(send.method.node);
      method = written.includes('{{') ? undefined : written.toUpperCase();
      methodSpan = method ? spanOfNode(send.method.node) : undefined;
    } else if (send.method) {
      method = send.method.implied;
      methodSpan = send.method.span;
    }
    return { source: 'call', method, url, urlSpan: spanOfNode(send.url), methodSpan };
  }
}

/** Expressions that may hold a body literal, directly or by name. */
const BODY_LIKE = new Set(['object', 'string', 'template_string', 'identifier', 'member_expression', 'call_expression']);

function spanOfNode(node: Node): Span {
  return { start: node.startIndex, end: node.endIndex };
}
