/**
 * Two ways PowerShell sends a JSON body wrong, whatever its keys: ConvertTo-Json cuts anything
 * nested deeper than its default depth of 2, and a hashtable given to -Body as it is goes out
 * form-encoded. Reported only when the body's operation takes JSON (embeddedBody.ts decides).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { SendPitfall } from '../../embedded/embeddedBody';
import type { HostValue } from '../literalView';
import { CONVERT_TO_JSON } from './commands';
import type { ScriptModel } from './model';
import { unwrap } from './syntax';

/** ConvertTo-Json's default -Depth. */
const DEFAULT_DEPTH = 2;
const DEPTH_FIX = ' -Depth 10';

/**
 * Whether ConvertTo-Json at its default depth would cut the value. PowerShell counts tables and
 * arrays alike: the root is at depth 0, and a table or array below depth 2 is written as its type
 * name ("System.Collections.Hashtable"); plain values there are still written.
 */
export function tooDeepForDefaultDepth(value: HostValue, depth = 0): boolean {
  switch (value.kind) {
    case 'object':
      return depth > DEFAULT_DEPTH || value.entries.some((entry) => entry.value !== undefined && tooDeepForDefaultDepth(entry.value, depth + 1));
    case 'array':
      return depth > DEFAULT_DEPTH || value.elements.some((element) => tooDeepForDefaultDepth(element, depth + 1));
    default:
      return false;
  }
}

/** A ConvertTo-Json without -Depth (or any parameter that may be it). */
export function lacksDepth(model: ScriptModel, converter: Node): boolean {
  const bound = model.bind(converter, CONVERT_TO_JSON);
  // `-D` is ambiguous (-Depth, -Debug): PowerShell refuses it, and nothing is said about such a command.
  return !bound.arguments.has('depth') && !bound.unresolved.some((given) => 'depth'.startsWith(given));
}

export function shallowDepth(converter: Node): SendPitfall {
  const name = converter.childForFieldName('command_name') ?? converter;
  return {
    code: 'shallow-json-depth',
    span: { start: name.startIndex, end: name.endIndex },
    fix: { kind: 'add-json-depth', edits: [{ start: name.endIndex, end: name.endIndex, newText: DEPTH_FIX }], preferred: true, args: {} },
  };
}

/** `-Body $body` with a hashtable: the fix serializes it there, touching nothing but the argument. */
export function formEncoded(model: ScriptModel, argument: Node): SendPitfall {
  const node = unwrap(argument);
  const written = model.text.slice(node.startIndex, node.endIndex);
  const shown = written.length > 30 || /[\r\n]/.test(written) ? `${written.slice(0, 2)}…` : written;
  const suffix = ` | ConvertTo-Json${DEPTH_FIX})`;
  // A table written in place is marked on its first line only, not over every key it holds.
  const lineBreak = written.search(/[\r\n]/);
  const end = lineBreak < 0 ? node.endIndex : node.startIndex + model.text.slice(node.startIndex, node.startIndex + lineBreak).trimEnd().length;
  return {
    code: 'form-encoded-body',
    span: { start: node.startIndex, end },
    fix: {
      kind: 'serialize-body',
      edits: [
        { start: node.startIndex, end: node.startIndex, newText: '(' },
        { start: node.endIndex, end: node.endIndex, newText: suffix },
      ],
      preferred: true,
      args: { text: `(${shown}${suffix}` },
    },
  };
}
