/**
 * Whether a text writes any documented parameter name: a table that writes none cannot name an
 * operation by its keys, and is not read at all unless a directive or a call says where it goes.
 */
import { operations } from '../../catalog/catalog';
import type { ParameterSpec } from '../../catalog/types';

let pattern: RegExp | undefined;

function names(parameters: readonly ParameterSpec[], into: Set<string>): void {
  for (const parameter of parameters) {
    into.add(parameter.name.toLowerCase());
    for (const alternate of parameter.alternateSpellings ?? []) {
      if (alternate.kind === 'name') {
        into.add(alternate.spelling.toLowerCase());
      }
    }
    names(parameter.properties ?? [], into);
    names(parameter.items?.properties ?? [], into);
  }
}

export function writesParameterName(text: string): boolean {
  if (!pattern) {
    const all = new Set<string>();
    operations.forEach((operation) => names(operation.body, all));
    const escaped = [...all].sort((a, b) => b.length - a.length).map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = new RegExp(`(?<![\\w@.-])(?:${escaped.join('|')})(?![\\w.-])`, 'i');
  }
  return pattern.test(text);
}
