/**
 * What text a Python expression evaluates to, as far as the script itself says: string literals,
 * f-strings, `.format(…)`, `%`, `+`, `urljoin`, `posixpath.join`, and names assigned in the scopes
 * the expression sees. What only the running script knows stands as one UNKNOWN character.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren, unwrap } from './literals';
import type { Binding, Scopes } from './scopes';
import { stringPieces, stringValue } from './strings';

/** Stands for text only known at run time; a private-use character no URL literal holds. */
export const UNKNOWN = '\uE000';
const MAX_HOPS = 8;

const URLJOIN = new Set(['urljoin', 'urllib.parse.urljoin', 'parse.urljoin', 'urlparse.urljoin']);
const PATH_JOIN = new Set(['posixpath.join']);

export class TextResolver {
  constructor(
    private readonly scopes: Scopes,
    private readonly text: string,
  ) {}

  resolve(node: Node, hops = MAX_HOPS): string {
    const value = unwrap(node);
    switch (value.type) {
      case 'string':
        return this.stringText(value, hops);
      case 'concatenated_string':
        return namedChildren(value)
          .map((part) => this.resolve(part, hops))
          .join('');
      case 'integer':
        return value.text;
      case 'binary_operator': {
        const left = value.childForFieldName('left');
        const right = value.childForFieldName('right');
        const operator = value.childForFieldName('operator')?.text;
        if (!left || !right) {
          return UNKNOWN;
        }
        if (operator === '+') {
          return this.resolve(left, hops) + this.resolve(right, hops);
        }
        return operator === '%' ? this.percent(this.resolve(left, hops), right, hops) : UNKNOWN;
      }
      case 'call':
        return this.call(value, hops);
      case 'identifier': {
        const binding = hops > 0 ? this.scopes.lookup(value.text, value) : undefined;
        return binding ? this.binding(binding, hops - 1) : UNKNOWN;
      }
      case 'attribute': {
        const object = value.childForFieldName('object');
        const attribute = value.childForFieldName('attribute');
        const binding = hops > 0 && object?.type === 'identifier' && attribute ? this.scopes.attribute(object.text, attribute.text, value) : undefined;
        return binding ? this.binding(binding, hops - 1) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  /** A resolved method name (`"POST"`, `method`), upper-cased; undefined when not wholly known. */
  methodName(node: Node): string | undefined {
    const resolved = this.resolve(node);
    return /^[A-Za-z]+$/.test(resolved) ? resolved.toUpperCase() : undefined;
  }

  private binding(binding: Binding, hops: number): string {
    if (!binding.value || hops < 0) {
      return UNKNOWN;
    }
    if (binding.augmented) {
      const before = this.scopes.before(binding);
      return (before ? this.binding(before, hops - 1) : UNKNOWN) + this.resolve(binding.value, hops);
    }
    return this.resolve(binding.value, hops);
  }

  private stringText(node: Node, hops: number): string {
    const pieces = stringPieces(node, this.text);
    if (!pieces) {
      return UNKNOWN;
    }
    const interpolations = node.children.filter((child): child is Node => child?.type === 'interpolation');
    return pieces
      .map((piece) => {
        switch (piece.kind) {
          case 'text':
            return piece.text.replaceAll(UNKNOWN, '');
          case 'escape':
            return piece.char;
          case 'interpolation': {
            const expression = interpolations.find((candidate) => candidate.startIndex === piece.hostStart)?.childForFieldName('expression');
            return expression && hops > 0 ? this.resolve(expression, hops - 1) : UNKNOWN;
          }
        }
      })
      .join('');
  }

  private call(call: Node, hops: number): string {
    const callee = call.childForFieldName('function');
    const argumentList = call.childForFieldName('arguments');
    if (!callee || argumentList?.type !== 'argument_list') {
      return UNKNOWN;
    }
    const args = namedChildren(argumentList);
    const positional = args.filter((argument) => !/keyword_argument|splat/.test(argument.type));
    const name = callee.text;
    if (URLJOIN.has(name) && positional.length >= 2) {
      return urljoin(this.resolve(positional[0], hops), this.resolve(positional[1], hops));
    }
    if (PATH_JOIN.has(name) && positional.length >= 1 && positional.length === args.length) {
      return positional.map((part) => this.resolve(part, hops)).reduce(pathJoin);
    }
    if (name === 'str' && positional.length === 1) {
      return this.resolve(positional[0], hops);
    }
    if (callee.type !== 'attribute') {
      return UNKNOWN;
    }
    const object = callee.childForFieldName('object');
    const method = callee.childForFieldName('attribute')?.text;
    if (!object) {
      return UNKNOWN;
    }
    switch (method) {
      case 'format':
        return this.format(this.resolve(object, hops), args, hops);
      case 'rstrip':
      case 'lstrip':
      case 'strip': {
        const chars = positional.length === 1 ? stringValue(unwrap(positional[0]), this.text) : positional.length === 0 ? ' \t\r\n' : undefined;
        return chars === undefined ? UNKNOWN : strip(this.resolve(object, hops), chars, method);
      }
      case 'join': {
        const separator = stringValue(unwrap(object), this.text);
        const list = positional.length === 1 && args.length === 1 ? unwrap(positional[0]) : undefined;
        if (separator === undefined || !list || (list.type !== 'list' && list.type !== 'tuple')) {
          return UNKNOWN;
        }
        return namedChildren(list)
          .map((part) => this.resolve(part, hops))
          .join(separator);
      }
      default:
        return UNKNOWN;
    }
  }

  /** `"{}/api/{id}".format(base, id=…)`: fields filled from the arguments, `{{`/`}}` as braces. */
  private format(template: string, args: readonly Node[], hops: number): string {
    const positional: Node[] = [];
    const keywords = new Map<string, Node>();
    let splatted = false;
    for (const argument of args) {
      if (argument.type === 'keyword_argument') {
        const name = argument.childForFieldName('name')?.text;
        const value = argument.childForFieldName('value');
        if (name && value) {
          keywords.set(name, value);
        }
      } else if (argument.type.includes('splat')) {
        splatted = true;
      } else {
        positional.push(argument);
      }
    }
    let automatic = 0;
    return template.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, field: string | undefined) => {
      if (field === undefined) {
        return match[0];
      }
      const reference = /^([^.[!:]*)(.*)$/.exec(field)!;
      const name = reference[1];
      // `{0.attr}` or `{0[key]}` reaches inside the argument: unknown.
      const inner = /^[.[]/.test(reference[2]);
      const argument = name === '' ? positional[automatic++] : /^\d+$/.test(name) ? positional[Number(name)] : keywords.get(name);
      return argument && !inner && !splatted ? this.resolve(argument, hops) : UNKNOWN;
    });
  }

  /** `"%s/api/%s" % (base, id)` and `"%(base)s" % {"base": …}`. */
  private percent(template: string, right: Node, hops: number): string {
    const value = unwrap(right);
    const positional = value.type === 'tuple' ? namedChildren(value) : [value];
    const named = new Map<string, Node>();
    if (value.type === 'dictionary') {
      for (const pair of namedChildren(value)) {
        const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
        const name = key && stringValue(unwrap(key), this.text);
        const entry = pair.childForFieldName('value');
        if (name !== undefined && name !== null && entry) {
          named.set(name, entry);
        }
      }
    }
    let index = 0;
    return template.replace(/%%|%(?:\(([^)]*)\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]/g, (match, name: string | undefined) => {
      if (match === '%%') {
        return '%';
      }
      const argument = name === undefined ? positional[index++] : named.get(name);
      return argument ? this.resolve(argument, hops) : UNKNOWN;
    });
  }
}

/** `urllib.parse.urljoin`: an absolute reference wins, `/path` keeps the base's scheme and host, `path` replaces its last segment. */
export function urljoin(base: string, reference: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference) || base === '') {
    return reference;
  }
  if (reference === '') {
    return base;
  }
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(base)?.[0];
  if (reference.startsWith('//')) {
    return (/^[a-z][a-z0-9+.-]*:/i.exec(base)?.[0] ?? '') + reference;
  }
  if (reference.startsWith('/')) {
    // An unknown base hides its host: keep it unknown.
    return (origin ?? (base.startsWith(UNKNOWN) ? UNKNOWN : '')) + reference;
  }
  if (base.endsWith(UNKNOWN)) {
    return `${base}/${reference}`;
  }
  const path = origin ? base.slice(origin.length) : base;
  const slash = path.lastIndexOf('/');
  return slash < 0 ? `${origin ?? base}/${reference}` : `${origin ?? ''}${path.slice(0, slash + 1)}${reference}`;
}

/** `posixpath.join`: an absolute part starts over, others are joined with one slash. */
export function pathJoin(left: string, right: string): string {
  if (right.startsWith('/')) {
    return right;
  }
  return left === '' || left.endsWith('/') ? left + right : `${left}/${right}`;
}

function strip(value: string, chars: string, side: 'strip' | 'lstrip' | 'rstrip'): string {
  let start = 0;
  let end = value.length;
  if (side !== 'rstrip') {
    while (start < end && chars.includes(value[start])) {
      start++;
    }
  }
  if (side !== 'lstrip') {
    while (end > start && chars.includes(value[end - 1])) {
      end--;
    }
  }
  return value.slice(start, end);
}

/**
 * The URL as the operation matcher reads it: an unknown path segment is `{{}}` (any one segment),
 * an unknown start hides the `https://host/api` base, and a path the script only writes relative
 * to a base it does not show gets that hidden base. A URL with no literal path segment names nothing.
 */
export function urlText(resolved: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(resolved);
  const head = scheme ? scheme[1] + scheme[2].replace(/\uE000+/g, '{{}}') : '';
  let rest = resolved.slice(scheme ? scheme[0].length : 0);
  const queryAt = rest.search(/[?#]/);
  const query = queryAt >= 0 ? rest.slice(queryAt).replace(/\uE000+/g, '{{}}') : '';
  rest = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const segments = rest.split('/').map((segment) => (segment.includes(UNKNOWN) ? '{{}}' : segment));
  let path = segments.join('/');
  if (!scheme && !path.startsWith('{{}}') && !/^\/?api(?:\/|$)/i.test(path)) {
    // `/machines/1/isolate`, `machines/1/isolate`: sent relative to a base the script keeps elsewhere.
    path = `{{}}${path.startsWith('/') ? '' : '/'}${path}`;
  }
  const named = path
    .split('/')
    .filter((segment) => segment !== '' && segment !== '{{}}')
    .filter((segment, index) => !(index === 0 && /^api$/i.test(segment)))
    .filter((segment) => !/^v\d+(?:\.\d+)?$/i.test(segment));
  return named.length === 0 ? '{{}}' : head + path + query;
}
