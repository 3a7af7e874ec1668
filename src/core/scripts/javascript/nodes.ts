/** Reading JavaScript and TypeScript syntax nodes: the wrappers that do not change a value, and small lookups. */
import type { Node } from '@vscode/tree-sitter-wasm';

/** `(x)`, `x as T`, `x satisfies T`, `<T>x`, `x!`: the value is x's. */
const TRANSPARENT = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'type_assertion', 'non_null_expression']);

export function unwrap(node: Node): Node {
  let current = node;
  for (let depth = 0; depth < 64 && TRANSPARENT.has(current.type); depth++) {
    // A type assertion writes its type first; the others write the expression first.
    const inner = current.type === 'type_assertion' ? current.lastNamedChild : current.firstNamedChild;
    if (!inner || inner.type === 'sequence_expression') {
      break;
    }
    current = inner;
  }
  return current;
}

export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/** The arguments of a call or `new`, spreads and all. */
export function argumentsOf(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  return list && list.type === 'arguments' ? namedChildren(list).filter((argument) => argument.type !== 'comment') : [];
}

/** The name a property key is written with (`a`, `'a'`, `"a"`, `1`), for looking properties up. */
export function propertyName(key: Node): string | undefined {
  switch (key.type) {
    case 'property_identifier':
    case 'private_property_identifier':
    case 'identifier':
    case 'shorthand_property_identifier':
      return key.text;
    case 'string':
      return key.text.length >= 2 ? key.text.slice(1, -1) : undefined;
    case 'number':
      return String(Number(key.text));
    default:
      return undefined;
  }
}

/** The value of an object literal's property `name`, the last one written winning as in JavaScript; `spread` when a spread may hide it. */
export function objectProperty(object: Node, name: string): Node | 'spread' | undefined {
  let found: Node | 'spread' | undefined;
  for (const entry of namedChildren(object)) {
    if (entry.type === 'pair') {
      const key = entry.childForFieldName('key');
      const value = entry.childForFieldName('value');
      if (key && value && propertyName(key) === name) {
        found = value;
      }
    } else if (entry.type === 'shorthand_property_identifier' && entry.text === name) {
      found = entry;
    } else if (entry.type === 'spread_element') {
      found = 'spread';
    }
  }
  return found;
}
