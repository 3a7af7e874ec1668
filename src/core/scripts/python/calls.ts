/**
 * The calls that send a body: `requests`/`httpx` functions, methods of `requests.Session()`,
 * `httpx.Client()`/`AsyncClient()` and `aiohttp.ClientSession()` objects (assigned or opened with
 * `with … as s`), any other object's `.post(…)`, and the script's own helpers that take `json=` or
 * `data=`. Each says where its URL, method and body are written.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../http/httpParser';
import { namedChildren, unwrap } from './literals';
import type { TextResolver } from './resolve';
import type { PythonIndex } from './pythonIndex';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request']);
const MODULE_VERBS = new Set([...[...VERBS].flatMap((verb) => [`requests.${verb}`, `httpx.${verb}`]), 'aiohttp.request']);
const CLIENT_CLASSES = new Set(['requests.Session', 'requests.session', 'httpx.Client', 'httpx.AsyncClient', 'aiohttp.ClientSession']);
/** requests takes the body as the second positional argument of these (`data`). */
const POSITIONAL_DATA = new Set(['post', 'put', 'patch']);

export interface BodyArgument {
  readonly value: Node;
  readonly via: 'json' | 'data' | 'content' | 'positional-data';
  /** The keyword's name (`data`) for a keyword argument. */
  readonly keyword?: Node;
  /** A positional body that no positional argument follows can become `json=…`. */
  readonly lastPositional: boolean;
}

export interface SendCall {
  readonly call: Node;
  /** A known HTTP library, an unknown object's HTTP verb method, or the script's own helper. */
  readonly client: 'library' | 'verb' | 'helper';
  readonly method?: string;
  readonly methodSpan?: Span;
  readonly url?: Node;
  /** `base_url=` of the client object the call is made on. */
  readonly baseUrl?: Node;
  readonly body: BodyArgument;
  readonly hasJsonKeyword: boolean;
}

/** What names the script's imports give the HTTP libraries and their functions. */
export class ImportNames {
  private readonly modules = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(index: PythonIndex) {
    for (const statement of index.of('import_statement', 'import_from_statement')) {
      const from = statement.type === 'import_from_statement' ? normalize(statement.childForFieldName('module_name')?.text ?? '') : undefined;
      for (const imported of statement.childrenForFieldName('name')) {
        if (!imported) {
          continue;
        }
        const name = imported.type === 'aliased_import' ? imported.childForFieldName('name')?.text : imported.text;
        const alias = imported.type === 'aliased_import' ? imported.childForFieldName('alias')?.text : undefined;
        if (!name) {
          continue;
        }
        if (from !== undefined) {
          this.names.set(alias ?? name, `${from}.${name}`);
        } else if (alias) {
          this.modules.set(alias, normalize(name));
        }
      }
    }
  }

  /** `rq.post` after `import requests as rq` is `requests.post`; `Session` after `from requests import Session` is `requests.Session`. */
  qualify(node: Node): string | undefined {
    if (!/^[A-Za-z_][\w.]*$/.test(node.text) || (node.type !== 'identifier' && node.type !== 'attribute')) {
      return undefined;
    }
    const [first, ...rest] = node.text.split('.');
    const head = this.names.get(first) ?? this.modules.get(first) ?? first;
    return normalize([head, ...rest].join('.'));
  }
}

/** `requests.api.post` and `requests.sessions.Session` are the same functions as `requests.post` and `requests.Session`. */
function normalize(qualified: string): string {
  return qualified.replace(/^requests\.(?:api|sessions)\./, 'requests.');
}

function keywordArguments(args: readonly Node[]): Map<string, Node> {
  const keywords = new Map<string, Node>();
  for (const argument of args) {
    const name = argument.type === 'keyword_argument' ? argument.childForFieldName('name') : null;
    if (name) {
      keywords.set(name.text, argument);
    }
  }
  return keywords;
}

/** Every call that sends a body, in document order. */
export function sendCalls(index: PythonIndex, imports: ImportNames, resolver: TextResolver): SendCall[] {
  const clients = clientObjects(index, imports);
  const sends: SendCall[] = [];
  for (const call of index.of('call')) {
    const send = readSendCall(call, imports, clients, resolver);
    if (send) {
      sends.push(send);
    }
  }
  return sends;
}

/** `s = requests.Session()`, `self.client = httpx.Client(base_url=…)`, `async with aiohttp.ClientSession() as s`: the name and its constructor call. */
function clientObjects(index: PythonIndex, imports: ImportNames): Map<string, { library: string; constructor: Node }> {
  const clients = new Map<string, { library: string; constructor: Node }>();
  const record = (target: Node | null | undefined, value: Node | null | undefined) => {
    const call = value && unwrapAwait(value);
    const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
    const qualified = callee ? imports.qualify(callee) : undefined;
    if (target && call && qualified && CLIENT_CLASSES.has(qualified)) {
      clients.set(target.text, { library: qualified.split('.')[0], constructor: call });
    }
  };
  for (const assignment of index.of('assignment')) {
    record(assignment.childForFieldName('left'), assignment.childForFieldName('right'));
  }
  for (const pattern of index.of('as_pattern')) {
    const alias = pattern.childForFieldName('alias');
    record(alias && namedChildren(alias)[0], pattern.namedChild(0));
  }
  return clients;
}

function unwrapAwait(node: Node): Node {
  const value = unwrap(node);
  return value.type === 'await' ? unwrap(value.namedChild(0) ?? value) : value;
}

function readSendCall(call: Node, imports: ImportNames, clients: Map<string, { library: string; constructor: Node }>, resolver: TextResolver): SendCall | undefined {
  const callee = call.childForFieldName('function');
  const argumentList = call.childForFieldName('arguments');
  if (!callee || argumentList?.type !== 'argument_list') {
    return undefined;
  }
  const args = namedChildren(argumentList);
  const keywords = keywordArguments(args);
  const positional = args.filter((argument) => !/keyword_argument|splat/.test(argument.type));
  const qualified = imports.qualify(callee);
  const verbNode = callee.type === 'attribute' ? callee.childForFieldName('attribute') : callee;
  const verb = verbNode?.text;
  let client: SendCall['client'] = 'helper';
  let library: string | undefined;
  let baseUrl: Node | undefined;
  if (qualified && MODULE_VERBS.has(qualified)) {
    client = 'library';
    library = qualified.split('.')[0];
  } else if (callee.type === 'attribute' && verb && VERBS.has(verb)) {
    const owner = clients.get(callee.childForFieldName('object')?.text ?? '');
    client = owner ? 'library' : 'verb';
    library = owner?.library;
    baseUrl = owner ? keywordArguments(namedChildren(owner.constructor.childForFieldName('arguments') ?? owner.constructor)).get('base_url')?.childForFieldName('value') ?? undefined : undefined;
  }
  const body = bodyArgument(keywords, positional, args, library === 'requests' && verb !== undefined && POSITIONAL_DATA.has(verb));
  // `pd.DataFrame(data={…})` is no request: a helper must say it sends, by its name or a method or URL argument.
  if (!body || (client === 'helper' && !looksLikeSender(verb ?? '', keywords))) {
    return undefined;
  }
  const isRequest = verb === 'request' && client !== 'helper';
  const urlKeyword = keywords.get('url') ?? (client === 'helper' ? (keywords.get('endpoint') ?? keywords.get('path')) : undefined);
  const url = urlKeyword?.childForFieldName('value') ?? positional[isRequest ? 1 : 0];
  let method: string | undefined;
  let methodSpan: Span | undefined;
  if (client !== 'helper' && !isRequest && verbNode) {
    method = verbNode.text.toUpperCase();
    methodSpan = { start: verbNode.startIndex, end: verbNode.endIndex };
  } else {
    const methodNode = keywords.get('method')?.childForFieldName('value') ?? (isRequest ? positional[0] : undefined);
    method = methodNode ? resolver.methodName(methodNode) : undefined;
    methodSpan = methodNode && method ? { start: methodNode.startIndex, end: methodNode.endIndex } : undefined;
  }
  return { call, client, method, methodSpan, url: url ?? undefined, baseUrl, body, hasJsonKeyword: keywords.has('json') };
}

const SENDER_WORDS = new Set(['post', 'put', 'patch', 'request', 'requests', 'call', 'send', 'rest', 'api', 'http', 'invoke']);

/** `_make_rest_call`, `sendRequest`, `api_post`: a word of the name says it sends. */
function looksLikeSender(name: string, keywords: Map<string, Node>): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_');
  return words.some((word) => SENDER_WORDS.has(word)) || keywords.has('method') || keywords.has('url') || keywords.has('endpoint');
}

function bodyArgument(keywords: Map<string, Node>, positional: readonly Node[], args: readonly Node[], positionalData: boolean): BodyArgument | undefined {
  for (const via of ['json', 'data', 'content'] as const) {
    const keyword = keywords.get(via);
    const value = keyword?.childForFieldName('value');
    if (keyword && value && value.type !== 'none') {
      return { value, via, keyword: keyword.childForFieldName('name') ?? undefined, lastPositional: false };
    }
  }
  const second = positional[1];
  if (positionalData && second && second.type !== 'none') {
    return { value: second, via: 'positional-data', lastPositional: positional.length === 2 && !args.some((argument) => argument.type === 'list_splat') };
  }
  return undefined;
}
