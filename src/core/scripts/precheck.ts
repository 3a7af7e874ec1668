/**
 * The cheap look that spares unrelated scripts a parse: a script can only hold a body we check if
 * it names a Defender API host, carries an `mde:` directive, or writes a documented parameter name
 * that could make an operation inferable from keys.
 */
import { operations } from '../catalog/catalog';

/** Names common to many APIs say nothing alone; a body of only these never infers an operation. */
const TOO_COMMON = new Set(['comment', 'value', 'status', 'query', 'title', 'description', 'type', 'name', 'id', 'key', 'params']);

function distinctiveNames(): string[] {
  const names = new Set<string>();
  for (const operation of operations) {
    for (const parameter of operation.body) {
      for (const name of [parameter.name, ...(parameter.alternateSpellings ?? []).filter((alt) => alt.kind === 'name').map((alt) => alt.spelling)]) {
        if (!TOO_COMMON.has(name.toLowerCase())) {
          names.add(name.toLowerCase());
        }
      }
    }
  }
  // Longest first, so the alternation never stops at a prefix of a longer name.
  return [...names].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

let signal: RegExp | undefined;

export function mayHoldDefenderBodies(text: string): boolean {
  // A name right before `/` is a path or a media type (`application/json`, which every script that
  // sends JSON writes), never a key.
  signal ??= new RegExp(`securitycenter|security\\.microsoft|\\bmde:|\\b(?:${distinctiveNames().join('|')})\\b(?!/)`, 'i');
  return signal.test(text);
}
