/**
 * Where a value sent as a body is written: followed back through variables, pipelines into
 * ConvertTo-Json, `-InputObject` and `[Text.Encoding]::UTF8.GetBytes(…)`, to the hashtable or JSON
 * string literal it starts as, noting every ConvertTo-Json on the way.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { CONVERT_TO_JSON } from './commands';
import { hashtableOf, namedChildren } from './literals';
import { MAX_HOPS, type ScriptModel, type Value } from './model';
import type { Parameter } from './scopes';
import { castTarget, commandName, unwrap } from './syntax';

export interface BodyTrace {
  /** The hashtable (`hash_literal_expression`) or string literal the body is written as. */
  readonly source?: Value;
  /** `pscustomobject` for `[pscustomobject]@{…}`, `ordered` for `[ordered]@{…}`. */
  readonly cast?: string;
  /** The function parameter the body comes in through, when no call binds it. */
  readonly parameter?: Parameter;
  /** The ConvertTo-Json commands the body goes through. */
  readonly converters: readonly Node[];
  /** Where the script reads the variable the literal is assigned to: what it adds later is not in this body. */
  readonly readAt?: number;
}

export function traceBody(model: ScriptModel, value: Value): BodyTrace {
  const converters: Node[] = [];
  let readAt: number | undefined;
  let current: Value | undefined = value;
  for (let hops = MAX_HOPS; current && hops > 0; hops--) {
    const node = unwrap(current.node);
    const table = hashtableOf(node);
    if (table) {
      return { source: { node: table, env: current.env }, cast: castTarget(node)?.cast, converters, readAt };
    }
    if (node.type === 'string_literal') {
      return { source: { node, env: current.env }, converters, readAt };
    }
    switch (node.type) {
      case 'variable': {
        readAt = node.startIndex;
        let resolved = model.resolve(node.text, node, current.env);
        // `$body += @{…}` adds to the table assigned before: the body starts there.
        for (let steps = 0; resolved.kind === 'value' && resolved.operator === '+=' && resolved.assignment && steps < MAX_HOPS; steps++) {
          resolved = model.resolve(node.text, resolved.assignment, current.env);
        }
        if (resolved.kind === 'parameter') {
          return { parameter: resolved.parameter, converters, readAt };
        }
        current = resolved.kind === 'value' && resolved.operator === '=' ? resolved.value : undefined;
        break;
      }
      case 'pipeline_chain': {
        const stages = namedChildren(node);
        const last = stages[stages.length - 1];
        current = last && isConvertToJson(last) ? jsonInput(model, last, stages[stages.length - 2], current, converters) : undefined;
        break;
      }
      case 'command':
        // A ConvertTo-Json in the middle of a pipeline (`… | ConvertTo-Json | Invoke-RestMethod`) reads the stage before it.
        current = isConvertToJson(node) ? jsonInput(model, node, pipedInto(node), current, converters) : undefined;
        break;
      case 'invokation_expression':
        current = getBytesArgument(node, current);
        break;
      default:
        current = undefined;
    }
  }
  return { converters, readAt };
}

export function isConvertToJson(node: Node): boolean {
  return node.type === 'command' && commandName(node) === 'convertto-json';
}

/** What a ConvertTo-Json command serializes: its -InputObject, else what is piped into it. */
function jsonInput(model: ScriptModel, command: Node, piped: Node | undefined, at: Value, converters: Node[]): Value | undefined {
  converters.push(command);
  const input = model.bind(command, CONVERT_TO_JSON).arguments.get('inputobject') ?? piped;
  return input ? { node: input, env: at.env } : undefined;
}

/** `[System.Text.Encoding]::UTF8.GetBytes($json)`: the bytes of a JSON string, sent as it is. */
function getBytesArgument(node: Node, at: Value): Value | undefined {
  const member = node.namedChildren.find((child) => child?.type === 'member_name')?.text.toLowerCase();
  const list = node.namedChildren.find((child) => child?.type === 'argument_list')?.namedChildren.find((child) => child?.type === 'argument_expression_list');
  const first = list?.namedChild(0);
  return member === 'getbytes' && first ? { node: first, env: at.env } : undefined;
}

/** Tables the script pipes into (or hands to) ConvertTo-Json, with the ConvertTo-Json commands on the way, by table id. */
export function serializedTables(model: ScriptModel, commands: readonly Node[]): Map<number, Node[]> {
  const tables = new Map<number, Node[]>();
  for (const command of commands) {
    if (!isConvertToJson(command)) {
      continue;
    }
    const input = model.bind(command, CONVERT_TO_JSON).arguments.get('inputobject') ?? pipedInto(command);
    const trace = input && traceBody(model, { node: input });
    const table = trace?.source && hashtableOf(trace.source.node);
    if (table) {
      tables.set(table.id, [...(tables.get(table.id) ?? []), command, ...trace.converters]);
    }
  }
  return tables;
}

/** What the pipeline stage before a command hands it. */
export function pipedInto(command: Node): Node | undefined {
  const chain = command.parent;
  if (chain?.type !== 'pipeline_chain') {
    return undefined;
  }
  let previous: Node | undefined;
  for (const stage of chain.namedChildren) {
    if (stage?.id === command.id) {
      return previous;
    }
    previous = stage ?? undefined;
  }
  return undefined;
}
