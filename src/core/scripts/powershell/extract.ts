/**
 * Request bodies in PowerShell: hashtables (grown in steps or not) and JSON strings, what sends
 * them (Invoke-RestMethod / Invoke-WebRequest, directly or through a module's wrapper function),
 * where to (the URI resolved through the script's variables, scope by scope) and how (through
 * ConvertTo-Json or not).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { mayBeDefenderUrl } from '../../catalog/hosts';
import type { BodyTarget, EmbeddedBody, HostSyntax, SendPitfall } from '../../embedded/embeddedBody';
import { directiveAbove } from '../directiveComment';
import { literalView, type HostValue } from '../literalView';
import type { ScriptExtractor } from '../scriptExtractor';
import { looksLikeJsonObject, stringView } from '../stringView';
import { pipedInto, serializedTables, traceBody, type BodyTrace } from './bodyTrace';
import { WEB_REQUEST, WEB_REQUEST_COMMANDS, type BoundCommand } from './commands';
import { unclosedTable } from './literals';
import { ScriptModel, type CallEnv, type Value } from './model';
import { writesParameterName } from './parameterNames';
import { formEncoded, lacksDepth, shallowDepth, tooDeepForDefaultDepth } from './pitfalls';
import type { TableSteps } from './steps';
import { commandName, stringEncoder, stringKind, stringPieces } from './syntax';
import { urlText } from './urlText';
import { callsOf, wrapperOf, type Wrapper } from './wrappers';

export const powershellSyntax: HostSyntax = {
  property: (name, value) => `${name} = ${value}`,
  string: (text) => `'${text}'`,
  key: (name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`),
  keyword: (value) => `$${String(value)}`,
  array: (inner) => `@(${inner})`,
  object: (inner) => `@{${inner}}`,
};

export const powershellExtractor: ScriptExtractor = {
  extract(root, text) {
    return new PowerShellScript(root, text).bodies();
  },
};

/** How a body literal is sent, as far as the script tells. */
interface Sending {
  readonly trace: BodyTrace;
  readonly send?: BoundCommand;
  /** The -Body argument (or splatted Body entry) on the send command. */
  readonly bodyArgument?: Value;
  readonly env?: CallEnv;
  /** The wrapper's call, when the send is inside a wrapper. */
  readonly call?: Node;
}

class PowerShellScript {
  private readonly model: ScriptModel;
  private readonly steps: TableSteps;
  private readonly claimed = new Set<number>();
  /** Pitfalls already reported: a wrapper's ConvertTo-Json is one place, however many calls reach it. */
  private readonly reported = new Set<string>();
  private readonly hasDirectives: boolean;
  private splats: Set<number> | undefined;

  constructor(
    root: Node,
    private readonly text: string,
  ) {
    this.model = new ScriptModel(root, text);
    this.steps = this.model.steps;
    this.hasDirectives = /\bmde:/i.test(text);
  }

  /** In this order: what is sent claims its literal first; what is left is a body only if a directive or its keys say so. */
  bodies(): EmbeddedBody[] {
    const bodies = [...this.sentBodies(), ...this.unsentTables(), ...this.unclosedTables(), ...this.jsonStrings()];
    return bodies.sort((a, b) => a.region.start - b.region.start);
  }

  /** Bodies sent by Invoke-RestMethod and the like, directly or through a wrapper function's calls. */
  private sentBodies(): EmbeddedBody[] {
    const bodies: EmbeddedBody[] = [];
    const wrappers: Wrapper[] = [];
    for (const send of this.sendCommands()) {
      // `$json | Invoke-RestMethod …`: -Body takes what is piped in.
      const piped = pipedInto(send.command);
      const bodyArgument = this.model.argument(send, 'body', undefined) ?? (piped && { node: piped });
      const trace = bodyArgument && traceBody(this.model, bodyArgument);
      if (trace?.source) {
        bodies.push(...present(this.sent({ trace, send, bodyArgument })));
      } else if (trace?.parameter) {
        wrappers.push(...present(wrapperOf(this.model, send, trace.parameter.scope)));
      }
    }
    for (const wrapper of wrappers) {
      for (const call of callsOf(this.model, wrapper, this.commands())) {
        const bodyArgument = this.model.argument(wrapper.send, 'body', call.env);
        const trace = bodyArgument && traceBody(this.model, bodyArgument);
        if (trace?.source) {
          bodies.push(...present(this.sent({ trace, send: wrapper.send, bodyArgument, env: call.env, call: call.node })));
        }
      }
    }
    return bodies;
  }

  private unsentTables(): EmbeddedBody[] {
    const serialized = serializedTables(this.model, this.commands());
    return this.model.nodes
      .of('hash_literal_expression')
      .flatMap((table) => (!this.claimed.has(table.id) && !this.insideAnotherTable(table) ? present(this.unsent(table, serialized.get(table.id))) : []));
  }

  /** A table still being typed, whose `@{` is not closed: named by a directive or by its keys. */
  private unclosedTables(): EmbeddedBody[] {
    return this.model.nodes.errors().flatMap((error) => {
      const table = unclosedTable(error, this.text);
      if (!table || table.kind !== 'object' || table.entries.length === 0) {
        return [];
      }
      const directive = this.hasDirectives ? directiveAbove(this.text, table.open.start) : undefined;
      return [this.tableBody(table, { start: table.open.start, end: table.close.end }, directive, [])];
    });
  }

  /** JSON in a string no call is seen sending. */
  private jsonStrings(): EmbeddedBody[] {
    return this.model.nodes
      .of('string_literal')
      .flatMap((literal) => (!this.claimed.has(literal.id) && !this.insideAnotherTable(literal) ? present(this.stringBody(literal, this.directiveAbove(literal))) : []));
  }

  /** A literal an Invoke-RestMethod sends: its target from a directive or the call, its send pitfalls. */
  private sent(sending: Sending): EmbeddedBody | undefined {
    const source = sending.trace.source!.node;
    if (this.claimed.has(source.id)) {
      return undefined;
    }
    const target = this.directiveAbove(source) ?? this.target(sending);
    // Sent to another API: none of ours, whatever its keys; not worth reading. A table given as it
    // is to a GET (the default method) is the query string (`@{ '$top' = 10 }`), not a body.
    if ((target && !mayBeDefenderUrl(target.url)) || this.isQueryString(sending)) {
      this.claimed.add(source.id);
      return undefined;
    }
    const body =
      source.type === 'hash_literal_expression'
        ? this.table(source, sending.trace.readAt, target, (value) => this.sendPitfalls(sending, value))
        : this.stringBody(source, target);
    if (body) {
      this.claimed.add(source.id);
    }
    return body;
  }

  private isQueryString({ send, env, trace }: Sending): boolean {
    if (!send || trace.converters.length > 0 || trace.source?.node.type !== 'hash_literal_expression') {
      return false;
    }
    const method = this.model.argument(send, 'method', env) ?? this.model.argument(send, 'custommethod', env);
    return !method || /^(?:get|head)$/i.test(urlText(this.model, method).text);
  }

  private sendPitfalls(sending: Sending, value: HostValue): SendPitfall[] {
    const { trace } = sending;
    const pitfalls: SendPitfall[] = [];
    if (trace.converters.length === 0 && sending.bodyArgument && trace.cast !== 'pscustomobject') {
      pitfalls.push(formEncoded(this.model, sending.bodyArgument.node));
    } else if (tooDeepForDefaultDepth(value)) {
      pitfalls.push(...trace.converters.filter((converter) => lacksDepth(this.model, converter)).map(shallowDepth));
    }
    return this.once(pitfalls);
  }

  /** A table no send command is seen sending: a body only if a directive names it or its keys name an operation. */
  private unsent(table: Node, converters: readonly Node[] | undefined): EmbeddedBody | undefined {
    this.splats ??= this.model.splattedTables();
    if (this.splats.has(table.id)) {
      return undefined;
    }
    const target = this.directiveAbove(table);
    if (!target && !writesParameterName(table.text)) {
      return undefined;
    }
    return this.table(table, undefined, target, (value) => {
      // An object built from a response (`[pscustomobject]@{ comment = $m.Comment }`), a splat or a
      // settings table is no body: without a directive, a table only stands for one when the
      // script serializes it, or writes a literal value in it (and is not an output object).
      if (!target && !converters && (castBefore(this.text, table) === 'pscustomobject' || !holdsLiteral(value))) {
        return undefined;
      }
      return tooDeepForDefaultDepth(value) ? this.once((converters ?? []).filter((converter) => lacksDepth(this.model, converter)).map(shallowDepth)) : [];
    });
  }

  /** `pitfalls` returns undefined when the table is not a body after all. */
  private table(table: Node, readAt: number | undefined, target: BodyTarget | undefined, pitfalls: (value: HostValue) => SendPitfall[] | undefined): EmbeddedBody | undefined {
    const built = this.steps.build(table, readAt);
    const found = pitfalls(built.value);
    if (!found) {
      return undefined;
    }
    this.claimed.add(table.id);
    built.merged.forEach((merged) => this.claimed.add(merged.id));
    return this.tableBody(built.value, { start: table.startIndex, end: built.end }, target, found);
  }

  private tableBody(value: HostValue, region: { start: number; end: number }, target: BodyTarget | undefined, pitfalls: readonly SendPitfall[]): EmbeddedBody {
    return { region, view: literalView(value), target, allowComments: false, pitfalls: pitfalls.length > 0 ? pitfalls : undefined, syntax: powershellSyntax };
  }

  private stringBody(literal: Node, target: BodyTarget | undefined): EmbeddedBody | undefined {
    const kind = stringKind(literal);
    const pieces = stringPieces(literal, this.text);
    if (!kind || !pieces || !looksLikeJsonObject(pieces)) {
      return undefined;
    }
    this.claimed.add(literal.id);
    return { region: { start: literal.startIndex, end: literal.endIndex }, view: stringView(pieces, stringEncoder(kind)), target, allowComments: false };
  }

  private target(sending: Sending): BodyTarget | undefined {
    const { send, env, call } = sending;
    if (!send) {
      return undefined;
    }
    const directive = (call && this.directiveAbove(call)) ?? this.directiveAbove(send.command);
    if (directive) {
      return directive;
    }
    const uri = this.model.argument(send, 'uri', env);
    if (!uri) {
      return undefined;
    }
    const url = urlText(this.model, uri);
    // Nothing literal in the URI (`$uri` a parameter): the call names no operation; the keys may.
    if (!/[A-Za-z0-9]/.test(url.text.replace(/\{\{\}\}/g, ''))) {
      return undefined;
    }
    const methodValue = this.model.argument(send, 'method', env) ?? this.model.argument(send, 'custommethod', env);
    const method = methodValue && urlText(this.model, methodValue);
    // Through a helper, the call's own argument is the URL to point at: its longest one, the path.
    const urlNode = longest(url.arguments) ?? uri.node;
    const methodNode = longest(method?.arguments ?? []) ?? methodValue?.node;
    return {
      source: 'call',
      method: method && /^[A-Za-z]+$/.test(method.text) ? method.text.toUpperCase() : undefined,
      url: url.text,
      urlSpan: { start: urlNode.startIndex, end: urlNode.endIndex },
      methodSpan: methodNode ? { start: methodNode.startIndex, end: methodNode.endIndex } : undefined,
    };
  }

  private cachedSends: BoundCommand[] | undefined;

  private sendCommands(): BoundCommand[] {
    this.cachedSends ??= this.commands()
      .filter((command) => WEB_REQUEST_COMMANDS.has(commandName(command) ?? ''))
      .map((command) => this.model.bind(command, WEB_REQUEST));
    return this.cachedSends;
  }

  private commands(): Node[] {
    return this.model.nodes.of('command');
  }

  /** Nested tables and strings belong to the table that holds them, complete or still being typed. */
  private insideAnotherTable(node: Node): boolean {
    return this.model.layout.insideTable(node);
  }

  /** The `# mde:` directive above the statement a node is part of; the text is only searched when it has one. */
  private directiveAbove(node: Node): BodyTarget | undefined {
    return this.hasDirectives ? directiveAbove(this.text, this.model.layout.statementOf(node).startIndex) : undefined;
  }

  /** Reports each pitfall once: a wrapper's ConvertTo-Json or -Body is one place, however many calls reach it. */
  private once(pitfalls: readonly SendPitfall[]): SendPitfall[] {
    return pitfalls.filter((pitfall) => {
      const key = `${pitfall.code}:${pitfall.span.start}`;
      if (this.reported.has(key)) {
        return false;
      }
      this.reported.add(key);
      return true;
    });
  }
}

/** The type a table is cast to, read from the text before it (`[pscustomobject]@{`). */
function castBefore(text: string, table: Node): string | undefined {
  const before = /\[\s*([\w.]+)\s*\]\s*$/.exec(text.slice(Math.max(0, table.startIndex - 80), table.startIndex));
  return before?.[1].toLowerCase().replace(/^system\.management\.automation\./, '');
}

function holdsLiteral(value: HostValue): boolean {
  switch (value.kind) {
    case 'literal':
      return true;
    case 'object':
      return value.entries.some((entry) => entry.value !== undefined && holdsLiteral(entry.value));
    case 'array':
      return value.elements.some(holdsLiteral);
    default:
      return false;
  }
}

function present<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

function longest(nodes: readonly Node[]): Node | undefined {
  return nodes.reduce<Node | undefined>((best, node) => (!best || node.endIndex - node.startIndex > best.endIndex - best.startIndex ? node : best), undefined);
}
