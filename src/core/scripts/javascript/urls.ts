/**
 * The text of a URL (or method) expression as far as the file tells it: string and template
 * literals, `+`, `new URL(path, base)`, names and trivial members followed to their values.
 * Whatever is only known at run time is written `{{}}`.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { Bindings } from './bindings';
import { argumentsOf, unwrap } from './nodes';
import { stringPieces } from './strings';

const MAX_HOPS = 8;
const UNKNOWN = '{{}}';

export class UrlResolver {
  constructor(
    private readonly bindings: Bindings,
    private readonly text: string,
  ) {}

  resolve(node: Node): string {
    return this.textOf(node, MAX_HOPS).replace(/(?:\{\{\}\})+/g, UNKNOWN);
  }

  private textOf(node: Node, hops: number): string {
    const value = unwrap(node);
    switch (value.type) {
      case 'string':
      case 'template_string':
        return (stringPieces(value, this.text) ?? [])
          .map((piece) => {
            if (piece.kind === 'text') {
              return piece.text;
            }
            if (piece.kind === 'escape') {
              return piece.char;
            }
            const substitution = value.namedChildren.find((child) => child?.type === 'template_substitution' && child.startIndex === piece.hostStart);
            const inner = substitution?.firstNamedChild;
            return inner && hops > 0 ? this.textOf(inner, hops - 1) : UNKNOWN;
          })
          .join('');
      case 'number':
        return value.text;
      case 'binary_expression': {
        const left = value.childForFieldName('left');
        const right = value.childForFieldName('right');
        if (value.childForFieldName('operator')?.text !== '+' || !left || !right) {
          return UNKNOWN;
        }
        return this.textOf(left, hops) + this.textOf(right, hops);
      }
      case 'new_expression':
        return this.newUrl(value, hops);
      case 'call_expression': {
        // `new URL(…).toString()`, `url.toString()`
        const callee = value.childForFieldName('function');
        const object = callee?.type === 'member_expression' ? callee.childForFieldName('object') : null;
        return object && callee?.childForFieldName('property')?.text === 'toString' ? this.textOf(object, hops) : UNKNOWN;
      }
      case 'member_expression': {
        const object = value.childForFieldName('object');
        if (object && value.childForFieldName('property')?.text === 'href' && unwrap(object).type === 'new_expression') {
          return this.textOf(object, hops);
        }
        return this.followed(value, hops);
      }
      case 'identifier':
      case 'shorthand_property_identifier':
        return this.followed(value, hops);
      default:
        return UNKNOWN;
    }
  }

  private followed(node: Node, hops: number): string {
    const assigned = hops > 0 ? this.bindings.valueOf(node) : undefined;
    return assigned ? this.textOf(assigned, hops - 1) : UNKNOWN;
  }

  private newUrl(node: Node, hops: number): string {
    if (node.childForFieldName('constructor')?.text !== 'URL') {
      return UNKNOWN;
    }
    const [path, base] = argumentsOf(node);
    if (!path) {
      return UNKNOWN;
    }
    return resolveUrl(this.textOf(path, hops), base ? this.textOf(base, hops) : undefined);
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `new URL(path, base)`: an absolute path keeps only the base's origin, a relative one replaces its last segment. */
export function resolveUrl(path: string, base: string | undefined): string {
  if (base === undefined || SCHEME.test(path)) {
    return path;
  }
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(base)?.[0] ?? (base.startsWith(UNKNOWN) ? UNKNOWN : '');
  if (path.startsWith('//')) {
    return (/^[a-z][a-z0-9+.-]*:/i.exec(base)?.[0] ?? '') + path;
  }
  if (path.startsWith('/')) {
    return origin + path;
  }
  const withoutQuery = base.replace(/[?#].*$/, '');
  const lastSlash = withoutQuery.lastIndexOf('/');
  const directory = lastSlash >= origin.length ? withoutQuery.slice(0, lastSlash + 1) : `${withoutQuery}/`;
  return directory + path;
}

/** axios's `baseURL` and got's `prefixUrl`: joined with one slash unless the URL is absolute. */
export function joinBase(base: string | undefined, url: string): string {
  if (base === undefined || SCHEME.test(url)) {
    return url;
  }
  if (url === '') {
    return base;
  }
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

/** Whether a resolved URL says anything at all: `{{}}` alone names no operation. */
export function isKnownUrl(url: string): boolean {
  return url.replace(/\{\{\}\}/g, '').replace(/[/\s]/g, '').length > 0;
}
