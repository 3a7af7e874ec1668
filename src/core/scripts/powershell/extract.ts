/**
 * Request bodies in PowerShell: hashtables and JSON strings, and the Invoke-RestMethod /
 * Invoke-WebRequest calls that send them, with the URI resolved through the script's variables.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BodyTarget, EmbeddedBody, HostSyntax } from '../../embedded/embeddedBody';
import { directiveAbove } from '../directiveComment';
import { literalView } from '../literalView';
import type { ScriptExtractor } from '../scriptExtractor';
import { looksLikeJsonObject, stringView } from '../stringView';
import { hashtableOf, namedChildren, readValue } from './literals';
import { stringEncoder, stringKind, stringPieces, unwrap } from './syntax';

const SEND_COMMANDS = new Set(['invoke-restmethod', 'invoke-webrequest', 'irm', 'iwr']);
const MAX_HOPS = 8;

export const powershellSyntax: HostSyntax = {
  property: (name, value) => `${name} = ${value}`,
  string: (text) => `'${text}'`,
};

interface Assignment {
  readonly offset: number;
  readonly value: Node;
}

interface SendCall {
  readonly command: Node;
  readonly arguments: ReadonlyMap<string, Node>;
  /** `@params`: the hashtable whose entries stand for parameters. */
  readonly splat?: Node;
}

export const powershellExtractor: ScriptExtractor = {
  extract(root, text) {
    return new PowerShellScript(root, text).bodies();
  },
};

class PowerShellScript {
  private readonly assignments = new Map<string, Assignment[]>();
  private readonly claimed = new Set<number>();

  constructor(
    private readonly root: Node,
    private readonly text: string,
  ) {
    for (const assignment of root.descendantsOfType('assignment_expression')) {
      const left = assignment && unwrap(assignment.namedChild(0) ?? assignment);
      const value = assignment?.namedChildren.find((child) => child?.type === 'pipeline');
      if (assignment && left?.type === 'variable' && value) {
        const name = variableName(left.text);
        const list = this.assignments.get(name) ?? [];
        list.push({ offset: assignment.startIndex, value });
        this.assignments.set(name, list);
      }
    }
  }

  bodies(): EmbeddedBody[] {
    const bodies: EmbeddedBody[] = [];
    for (const call of this.sendCalls()) {
      const bodyNode = this.argument(call, 'body');
      const source = bodyNode && this.bodySource(bodyNode);
      if (!source || this.claimed.has(source.startIndex)) {
        continue;
      }
      const body = this.embed(source, this.target(call));
      if (body) {
        this.claimed.add(source.startIndex);
        bodies.push(body);
      }
    }
    for (const candidate of [...this.root.descendantsOfType('hash_literal_expression'), ...this.root.descendantsOfType('string_literal')]) {
      if (!candidate || this.claimed.has(candidate.startIndex) || this.insideClaimed(candidate)) {
        continue;
      }
      const body = this.embed(candidate, directiveAbove(this.text, statementOf(candidate).startIndex));
      if (body) {
        this.claimed.add(candidate.startIndex);
        bodies.push(body);
      }
    }
    return bodies.sort((a, b) => a.region.start - b.region.start);
  }

  private embed(source: Node, target: BodyTarget | undefined): EmbeddedBody | undefined {
    const region = { start: source.startIndex, end: source.endIndex };
    if (source.type === 'hash_literal_expression') {
      return { region, view: literalView(readValue(source, this.text)), target, allowComments: false, syntax: powershellSyntax };
    }
    const kind = stringKind(source);
    const pieces = stringPieces(source, this.text);
    if (!kind || !pieces || !looksLikeJsonObject(pieces)) {
      return undefined;
    }
    return { region, view: stringView(pieces, stringEncoder(kind)), target, allowComments: false };
  }

  /** Nested tables belong to the body that holds them. */
  private insideClaimed(node: Node): boolean {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (parent.type === 'hash_literal_expression' && (this.claimed.has(parent.startIndex) || !this.isSplat(parent))) {
        return true;
      }
    }
    return false;
  }

  /** A table splatted into a send command holds parameters, not a body. */
  private isSplat(hashtable: Node): boolean {
    return this.sendCalls().some((call) => call.splat?.startIndex === hashtable.startIndex);
  }

  private cachedCalls: SendCall[] | undefined;

  private sendCalls(): SendCall[] {
    if (this.cachedCalls) {
      return this.cachedCalls;
    }
    this.cachedCalls = [];
    for (const command of this.root.descendantsOfType('command')) {
      const name = command?.childForFieldName('command_name')?.text.toLowerCase();
      if (!command || !name || !SEND_COMMANDS.has(name)) {
        continue;
      }
      const args = new Map<string, Node>();
      let splat: Node | undefined;
      let pending: string | undefined;
      const elements = command.childForFieldName('command_elements');
      for (const element of elements ? namedChildren(elements) : []) {
        if (element.type === 'command_argument_sep') {
          continue;
        }
        if (element.type === 'command_parameter') {
          pending = element.text.replace(/^-/, '').replace(/:$/, '').toLowerCase();
          continue;
        }
        const value = unwrap(element);
        if (pending) {
          args.set(pending, element);
          pending = undefined;
        } else if (value.type === 'variable' && value.text.startsWith('@')) {
          const assigned = this.valueOf(variableName(value.text), value.startIndex);
          splat = assigned && hashtableOf(assigned);
        }
      }
      this.cachedCalls.push({ command, arguments: args, splat });
    }
    return this.cachedCalls;
  }

  /** A parameter's value, by any unambiguous prefix PowerShell accepts, or from the splatted table. */
  private argument(call: SendCall, name: string): Node | undefined {
    for (const [given, value] of call.arguments) {
      if (name.startsWith(given) && given.length >= 2) {
        return value;
      }
    }
    if (call.splat) {
      const body = call.splat.namedChildren.find((child) => child?.type === 'hash_literal_body');
      for (const entry of body ? namedChildren(body) : []) {
        const key = entry.namedChildren.find((child) => child?.type === 'key_expression')?.text.replace(/^['"]|['"]$/g, '').toLowerCase();
        const value = entry.namedChildren.find((child) => child?.type === 'pipeline');
        if (key === name && value) {
          return value;
        }
      }
    }
    return undefined;
  }

  private target(call: SendCall): BodyTarget | undefined {
    const directive = directiveAbove(this.text, statementOf(call.command).startIndex);
    if (directive) {
      return directive;
    }
    const uri = this.argument(call, 'uri');
    if (!uri) {
      return undefined;
    }
    const methodNode = this.argument(call, 'method');
    const method = methodNode ? this.resolveText(methodNode, MAX_HOPS) : undefined;
    return {
      source: 'call',
      method: method && !method.includes('{{') ? method.toUpperCase() : undefined,
      url: this.resolveText(uri, MAX_HOPS),
      urlSpan: { start: uri.startIndex, end: uri.endIndex },
      methodSpan: methodNode ? { start: methodNode.startIndex, end: methodNode.endIndex } : undefined,
    };
  }

  /** What a -Body argument sends: the hashtable or JSON string it comes from, through variables and ConvertTo-Json. */
  private bodySource(node: Node, hops = MAX_HOPS): Node | undefined {
    const value = unwrap(node);
    const hashtable = hashtableOf(value);
    if (hashtable) {
      return hashtable;
    }
    if (value.type === 'string_literal') {
      return value;
    }
    if (hops > 0 && value.type === 'variable') {
      const assigned = this.valueOf(variableName(value.text), value.startIndex);
      return assigned && this.bodySource(assigned, hops - 1);
    }
    // `$body | ConvertTo-Json`, `@{…} | ConvertTo-Json -Depth 5`
    if (hops > 0 && value.type === 'pipeline') {
      const first = value.namedChild(0);
      return first ? this.bodySource(first, hops - 1) : undefined;
    }
    return undefined;
  }

  /** The value last assigned to a variable before `offset`. */
  private valueOf(name: string, offset: number): Node | undefined {
    const list = this.assignments.get(name);
    let found: Assignment | undefined;
    for (const assignment of list ?? []) {
      if (assignment.offset < offset) {
        found = assignment;
      }
    }
    return found?.value;
  }

  /** A string expression's text, with what cannot be known written `{{}}`. */
  private resolveText(node: Node, hops: number): string {
    const value = unwrap(node);
    switch (value.type) {
      case 'generic_token':
        return value.text;
      case 'string_literal': {
        const pieces = stringPieces(value, this.text) ?? [];
        return pieces
          .map((piece) => {
            if (piece.kind === 'text') {
              return piece.text;
            }
            if (piece.kind === 'escape') {
              return piece.char;
            }
            const inner = this.text.slice(piece.hostStart, piece.hostEnd);
            const assigned = hops > 0 && /^\$\{?[\w:]+\}?$/.test(inner) ? this.valueOf(variableName(inner), piece.hostStart) : undefined;
            return assigned ? this.resolveText(assigned, hops - 1) : '{{}}';
          })
          .join('');
      }
      case 'variable': {
        const assigned = hops > 0 ? this.valueOf(variableName(value.text), value.startIndex) : undefined;
        return assigned ? this.resolveText(assigned, hops - 1) : '{{}}';
      }
      case 'additive_expression': {
        const parts = namedChildren(value);
        return parts.map((part) => this.resolveText(part, hops)).join('');
      }
      default:
        return '{{}}';
    }
  }
}

/** `$Script:base`, `${base}` and `$base` name the same variable; PowerShell names ignore case. */
function variableName(text: string): string {
  return text
    .replace(/^[$@]\{?/, '')
    .replace(/\}$/, '')
    .replace(/^(?:script|global|local|private):/i, '')
    .toLowerCase();
}

/** The statement a node belongs to, where a directive comment above it is looked for. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type !== 'statement_list' && current.parent.type !== 'program') {
    current = current.parent;
  }
  return current;
}
