/**
 * Request bodies in shell scripts: the JSON a `curl -d`/`--json` sends, with the method and URL of
 * the same command (resolved through the script's variables), and JSON strings elsewhere that a
 * `# mde:` directive or their own keys tie to an operation.
 */
import { indexShell, WORD_KINDS, type ShellIndex } from './shellIndex';
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BodyTarget, EmbeddedBody, SendPitfall } from '../../embedded/embeddedBody';
import type { Span } from '../../http/httpParser';
import { directiveAbove } from '../directiveComment';
import type { ScriptExtractor } from '../scriptExtractor';
import { looksLikeJsonObject, stringView } from '../stringView';
import { readCurl, type CurlCall, type CurlData } from './curl';
import { commandName, heredocSource, sourceOfWord, stdinSource, wordSource, type BodySource, type ShellContext } from './sources';
import { ShellVariables } from './variables';
import { EXPANSION_MARK, readWord } from './words';
import { partitionPoint } from '../../partitionPoint';

/** Commands whose arguments look like JSON but are programs in their own language. */
const NOT_BODIES = new Set(['jq', 'gojq', 'yq', 'jo']);

/** Grammar nodes that hold statements: a statement is the outermost node below one of these. */
const BLOCKS = new Set(['program', 'compound_statement', 'do_group', 'if_statement', 'elif_clause', 'else_clause', 'case_item', 'subshell', 'while_statement', 'for_statement', 'c_style_for_statement']);

export const shellExtractor: ScriptExtractor = {
  extract(root, text) {
    return new ShellScript(root, text).bodies();
  },
};

class ShellScript {
  private readonly context: ShellContext;
  private readonly nodes: ShellIndex;
  private readonly claimed: Span[] = [];

  constructor(
    root: Node,
    private readonly text: string,
  ) {
    this.nodes = indexShell(root);
    this.context = { root, text, variables: new ShellVariables(this.nodes, text) };
  }

  bodies(): EmbeddedBody[] {
    const bodies: EmbeddedBody[] = [];
    for (const command of this.nodes.of('command')) {
      for (const call of readCurl(command, this.text)) {
        bodies.push(...this.curlBodies(command, call));
      }
    }
    const claimed = overlapTest(this.claimed);
    for (const candidate of this.nodes.of(...WORD_KINDS)) {
      if (candidate.parent?.type === 'concatenation' || claimed(candidate) || NOT_BODIES.has(commandName(candidate.parent) ?? '')) {
        continue;
      }
      const word = candidate.type === 'heredoc_body' ? undefined : readWord(candidate, this.text);
      const source = candidate.type === 'heredoc_body' ? heredocSource(candidate, this.text) : word && wordSource(word);
      // The directive is looked for only above what may be a body: most strings are not.
      const body = source && looksLikeJsonObject(source.pieces) && this.embed(source, directiveAbove(this.text, statementOf(candidate).startIndex));
      if (body) {
        bodies.push(body);
      }
    }
    return bodies.sort((a, b) => a.region.start - b.region.start);
  }

  private curlBodies(command: Node, call: CurlCall): EmbeddedBody[] {
    const bodies: EmbeddedBody[] = [];
    let target: BodyTarget | undefined;
    for (const data of call.data) {
      this.claimed.push(data.value.span);
      const source = this.dataSource(command, data);
      if (!source) {
        continue;
      }
      this.claimed.push(source.region);
      // `-G` puts the data in the URL's query: it is no body.
      if (call.dataInQuery) {
        continue;
      }
      target ??= this.target(command, call);
      const pitfall = missingContentType(call, data);
      const body = this.embed(source, target, pitfall && [pitfall]);
      if (body) {
        bodies.push(body);
      }
    }
    return bodies;
  }

  /** The text a data option sends; undefined for a file (`@path`) or what the script does not show. */
  private dataSource(command: Node, data: CurlData): BodySource | undefined {
    const written = data.value.text;
    if (data.option !== 'data-raw' && written.startsWith('@')) {
      return written === '@-' ? stdinSource(command, this.context) : undefined;
    }
    return sourceOfWord(data.value.word, this.context);
  }

  private target(command: Node, call: CurlCall): BodyTarget | undefined {
    const directive = directiveAbove(this.text, statementOf(command).startIndex);
    if (directive) {
      return directive;
    }
    const url = call.url && this.context.variables.resolveText(call.url.word);
    // A URL made only of unknowns says nothing: the body's keys may still name the operation.
    if (!call.url || !url || url.replace(/\{\{\}\}/g, '').trim() === '') {
      return undefined;
    }
    const method = this.method(call);
    return { source: 'call', method: method?.name, methodSpan: method?.span, url, urlSpan: call.url.span };
  }

  /** `-X`, else what curl picks: HEAD for `-I`, PUT for `-T`, POST for data. */
  private method(call: CurlCall): { name: string; span: Span } | undefined {
    if (call.request) {
      const name = this.context.variables.resolveText(call.request.word);
      return name.includes('{{') || name === '' ? undefined : { name: name.toUpperCase(), span: call.request.span };
    }
    return { name: call.head ? 'HEAD' : call.upload ? 'PUT' : 'POST', span: call.name };
  }

  private embed(source: BodySource, target: BodyTarget | undefined, pitfalls?: readonly SendPitfall[]): EmbeddedBody | undefined {
    if (!looksLikeJsonObject(source.pieces)) {
      return undefined;
    }
    this.claimed.push(source.region);
    return { region: source.region, view: stringView(source.pieces, source.encode), target, allowComments: false, pitfalls };
  }
}

/**
 * Without `-H 'Content-Type: application/json'`, `-d` sends `application/x-www-form-urlencoded`;
 * `--json` sets the header itself. Headers the script does not show are given the benefit of the doubt.
 */
function missingContentType(call: CurlCall, data: CurlData): SendPitfall | undefined {
  if (data.option === 'json' || call.opaque) {
    return undefined;
  }
  for (const header of call.headers) {
    if (header.text.startsWith(EXPANSION_MARK) || header.text.startsWith('@')) {
      return undefined;
    }
    const contentType = /^\s*content-type\s*:(.*)$/is.exec(header.text);
    if (contentType && (/json/i.test(contentType[1]) || contentType[1].includes(EXPANSION_MARK))) {
      return undefined;
    }
  }
  return { code: 'missing-content-type', span: call.name };
}

/** Whether a node overlaps any of the spans, in logarithmic time: a script may hold thousands of curl commands. */
function overlapTest(spans: readonly Span[]): (node: Node) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  for (const span of sorted) {
    reach.push(Math.max(span.end, reach[reach.length - 1] ?? 0));
  }
  return (node) => {
    const end = node.endIndex;
    const low = partitionPoint(sorted, (span) => span.start < end);
    // Spans starting before the node ends overlap it if the farthest of them reaches past its start.
    return low > 0 && reach[low - 1] > node.startIndex;
  };
}

/** The statement a node belongs to, where a directive comment above it is looked for. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !BLOCKS.has(current.parent.type)) {
    current = current.parent;
  }
  return current;
}
