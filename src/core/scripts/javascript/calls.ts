/**
 * The calls that send a request body from JavaScript and TypeScript: `fetch`, axios (its verbs,
 * its config form and instances from `axios.create`), got (and `got.extend` instances), and the
 * Graph SDK's `client.api(path).post(body)`. Each is read into where it sends what, with which method.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Span } from '../../http/httpParser';
import type { Bindings } from './bindings';
import { argumentsOf, objectProperty, unwrap } from './nodes';

export type Library = 'fetch' | 'axios' | 'got' | 'graph';

/** The method a call uses: written somewhere, or the library's own for that call, shown on `span`. */
export type MethodSource = { readonly node: Node } | { readonly implied: string; readonly span: Span };

export interface SendCall {
  readonly call: Node;
  readonly library: Library;
  readonly url?: Node;
  /** axios's `baseURL`, got's `prefixUrl`. */
  readonly base?: Node;
  /** A base the library implies for relative paths (Microsoft Graph for its SDK). */
  readonly impliedBase?: string;
  /** Undefined when a spread or variable config may set it. */
  readonly method?: MethodSource;
  /** The expression given as the body (`body:`, `data`, `json:`), before any JSON.stringify. */
  readonly body?: Node;
  /** Whether the library turns an object into JSON itself; fetch sends "[object Object]". */
  readonly serializesObjects: boolean;
}

const AXIOS_DATA_VERBS = new Set(['post', 'put', 'patch']);
const AXIOS_PLAIN_VERBS = new Set(['get', 'delete', 'head', 'options']);
const GOT_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
const GRAPH_VERBS = new Set(['post', 'put', 'patch']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);
const GRAPH_BASE = 'https://graph.microsoft.com/v1.0';

interface Instance {
  readonly library: 'axios' | 'got';
  readonly base?: Node;
}

export class SendCallReader {
  constructor(private readonly bindings: Bindings) {}

  read(call: Node): SendCall | undefined {
    const callee = call.childForFieldName('function');
    if (!callee) {
      return undefined;
    }
    if (callee.type === 'identifier') {
      switch (callee.text) {
        case 'fetch':
          return this.fetchCall(call, callee);
        case 'axios':
          return this.axiosConfig(call, callee, undefined);
        case 'got':
          return this.got(call, callee, undefined, undefined);
      }
      const instance = this.instanceOf(callee);
      return instance?.library === 'axios' ? this.axiosConfig(call, callee, instance.base) : instance ? this.got(call, callee, undefined, instance.base) : undefined;
    }
    if (callee.type !== 'member_expression') {
      return undefined;
    }
    const object = callee.childForFieldName('object');
    const property = callee.childForFieldName('property');
    if (!object || !property) {
      return undefined;
    }
    const verb = property.text;
    if (verb === 'fetch' && GLOBAL_OBJECTS.has(object.text)) {
      return this.fetchCall(call, callee);
    }
    const graph = GRAPH_VERBS.has(verb) ? this.graph(call, object, property) : undefined;
    if (graph) {
      return graph;
    }
    const instance: Instance | undefined =
      object.text === 'axios' ? { library: 'axios' } : object.text === 'got' ? { library: 'got' } : isVerb(verb) ? this.instanceOf(object) : undefined;
    if (instance?.library === 'axios') {
      return this.axiosVerb(call, callee, property, instance.base);
    }
    if (instance?.library === 'got' && GOT_VERBS.has(verb)) {
      return this.got(call, callee, property, instance.base);
    }
    return undefined;
  }

  private fetchCall(call: Node, callee: Node): SendCall {
    const [url, initArgument] = argumentsOf(call);
    const init = initArgument && this.objectOf(initArgument);
    const body = init && property(init, 'body');
    return { call, library: 'fetch', url, method: this.method(init, initArgument, 'GET', callee), body, serializesObjects: false };
  }

  /** `axios(config)`, `axios(url, config)`, `axios.request(config)` and the same on an instance. */
  private axiosConfig(call: Node, callee: Node, instanceBase: Node | undefined): SendCall | undefined {
    const [first, second] = argumentsOf(call);
    if (!first) {
      return undefined;
    }
    const firstObject = this.objectOf(first);
    const configArgument = firstObject ? first : second;
    const config = firstObject ?? (second && this.objectOf(second));
    return {
      call,
      library: 'axios',
      url: firstObject ? property(config, 'url') : first,
      base: property(config, 'baseURL') ?? instanceBase,
      method: this.method(config, configArgument, 'GET', callee),
      body: property(config, 'data'),
      serializesObjects: true,
    };
  }

  private axiosVerb(call: Node, callee: Node, verbNode: Node, base: Node | undefined): SendCall | undefined {
    const verb = verbNode.text;
    if (verb === 'request') {
      return this.axiosConfig(call, callee, base);
    }
    const args = argumentsOf(call);
    if (AXIOS_DATA_VERBS.has(verb)) {
      const config = args[2] && this.objectOf(args[2]);
      return { call, library: 'axios', url: args[0], base: property(config, 'baseURL') ?? base, method: implied(verb, verbNode), body: args[1], serializesObjects: true };
    }
    if (AXIOS_PLAIN_VERBS.has(verb)) {
      const config = args[1] && this.objectOf(args[1]);
      return { call, library: 'axios', url: args[0], base: property(config, 'baseURL') ?? base, method: implied(verb, verbNode), body: property(config, 'data'), serializesObjects: true };
    }
    return undefined;
  }

  /** `got(url, options)`, `got(options)`, `got.post(url, options)`: `json` is serialized by got, `body` is sent as written. */
  private got(call: Node, callee: Node, verbNode: Node | undefined, instanceBase: Node | undefined): SendCall | undefined {
    const [first, second] = argumentsOf(call);
    if (!first) {
      return undefined;
    }
    const firstObject = this.objectOf(first);
    const optionsArgument = firstObject ? first : second;
    const options = firstObject ?? (second && this.objectOf(second));
    const json = property(options, 'json');
    return {
      call,
      library: 'got',
      url: firstObject ? property(options, 'url') : first,
      base: property(options, 'prefixUrl') ?? instanceBase,
      method: verbNode ? implied(verbNode.text, verbNode) : this.method(options, optionsArgument, 'GET', callee),
      body: json ?? property(options, 'body'),
      serializesObjects: true,
    };
  }

  /** `client.api('/security/runHuntingQuery').version('beta').post(body)`: relative paths are Graph's. */
  private graph(call: Node, object: Node, verbNode: Node): SendCall | undefined {
    let current: Node | null = unwrap(object);
    for (let depth = 0; current && current.type === 'call_expression' && depth < 16; depth++) {
      const callee = current.childForFieldName('function');
      if (callee?.type !== 'member_expression') {
        return undefined;
      }
      if (callee.childForFieldName('property')?.text === 'api') {
        const [path] = argumentsOf(current);
        return { call, library: 'graph', url: path, impliedBase: GRAPH_BASE, method: implied(verbNode.text, verbNode), body: argumentsOf(call)[0], serializesObjects: true };
      }
      const inner = callee.childForFieldName('object');
      current = inner && unwrap(inner);
    }
    return undefined;
  }

  /** The method a config sets; the library's default when the config is written out without one. */
  private method(config: Node | undefined, configArgument: Node | undefined, fallback: string, callee: Node): MethodSource | undefined {
    const written = config && objectProperty(config, 'method');
    if (written === 'spread' || (configArgument && !config)) {
      return undefined;
    }
    return written ? { node: written } : implied(fallback, callee);
  }

  private objectOf(node: Node): Node | undefined {
    const value = this.bindings.valueOf(node);
    return value?.type === 'object' ? value : undefined;
  }

  /** `api` in `api.post(…)`: an axios or got instance, made by `axios.create({ baseURL })` or `got.extend({ prefixUrl })`. */
  private instanceOf(node: Node): Instance | undefined {
    const value = this.bindings.valueOf(node);
    const callee = value?.type === 'call_expression' ? value.childForFieldName('function') : undefined;
    if (!value || callee?.type !== 'member_expression') {
      return undefined;
    }
    const maker = `${callee.childForFieldName('object')?.text}.${callee.childForFieldName('property')?.text}`;
    const config = argumentsOf(value)[0];
    const options = config && this.objectOf(config);
    if (maker === 'axios.create') {
      return { library: 'axios', base: property(options, 'baseURL') };
    }
    if (maker === 'got.extend') {
      return { library: 'got', base: property(options, 'prefixUrl') };
    }
    return undefined;
  }
}

function isVerb(name: string): boolean {
  return AXIOS_DATA_VERBS.has(name) || AXIOS_PLAIN_VERBS.has(name) || name === 'request';
}

function implied(verb: string, node: Node): MethodSource {
  return { implied: verb.toUpperCase(), span: { start: node.startIndex, end: node.endIndex } };
}

function property(object: Node | undefined, name: string): Node | undefined {
  const value = object && objectProperty(object, name);
  return value === 'spread' ? undefined : value;
}
