/** Reading a jsonc-parser tree by property names, the way playbooks and collections are laid out. */
import type { Node } from 'jsonc-parser';
import type { Span } from '../http/httpParser';

/** The value of an object's property; the first one wins, as in the hosts that read these files. */
export function property(node: Node | undefined, name: string): Node | undefined {
  if (node?.type !== 'object') {
    return undefined;
  }
  for (const entry of node.children ?? []) {
    if (entry.children?.[0]?.value === name) {
      return entry.children[1];
    }
  }
  return undefined;
}

/** The value at a path of property names. */
export function at(node: Node | undefined, ...names: readonly string[]): Node | undefined {
  let current = node;
  for (const name of names) {
    current = property(current, name);
  }
  return current;
}

export function stringOf(node: Node | undefined): string | undefined {
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

/** An object's entries as (key, value) pairs, in document order. */
export function entries(node: Node | undefined): { key: string; value: Node }[] {
  if (node?.type !== 'object') {
    return [];
  }
  const result: { key: string; value: Node }[] = [];
  for (const entry of node.children ?? []) {
    const key = entry.children?.[0]?.value;
    const value = entry.children?.[1];
    if (typeof key === 'string' && value) {
      result.push({ key, value });
    }
  }
  return result;
}

export function elements(node: Node | undefined): readonly Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}
