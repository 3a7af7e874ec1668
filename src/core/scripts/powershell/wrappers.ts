/**
 * Module helpers that wrap Invoke-RestMethod: `function Invoke-MdeApi($Path, $Body) { … -Uri
 * "$base$Path" -Body ($Body | ConvertTo-Json) }`. The body of each call is the argument its body
 * parameter receives, and the call's arguments complete the helper's URI. One level only: a helper
 * called from another helper's parameters is not followed.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { BoundCommand, CommandSignature } from './commands';
import type { CallEnv, ScriptModel, Value } from './model';
import { commandName } from './syntax';

export interface Wrapper {
  readonly function: Node;
  /** The Invoke-RestMethod inside it whose -Body reads one of its parameters. */
  readonly send: BoundCommand;
}

export interface WrapperCall {
  readonly node: Node;
  readonly env: CallEnv;
}

/** The function `send` is the heart of, when the parameter its body comes from (of scope `scope`) is that function's own. */
export function wrapperOf(model: ScriptModel, send: BoundCommand, scope: number): Wrapper | undefined {
  const owner = model.scopes.scopeOf(send.command);
  return owner.id === scope && owner.type === 'function_statement' ? { function: owner, send } : undefined;
}

/** The wrapper's calls among `commands` (not its own recursive ones), each with the arguments its parameters read. */
export function callsOf(model: ScriptModel, wrapper: Wrapper, commands: readonly Node[]): WrapperCall[] {
  const name = wrapper.function.namedChildren.find((child) => child?.type === 'function_name')?.text.toLowerCase();
  const parameters = model.scopes.parametersOf(wrapper.function);
  if (!name || parameters.length === 0) {
    return [];
  }
  // A plain function binds its parameters by name, by prefix, and by position in the order declared.
  const sig: CommandSignature = {
    parameters: parameters.map((parameter) => parameter.name),
    switches: new Set(parameters.filter((parameter) => parameter.isSwitch).map((parameter) => parameter.name)),
    positional: parameters.filter((parameter) => !parameter.isSwitch).map((parameter) => parameter.name),
  };
  const calls: WrapperCall[] = [];
  for (const command of commands) {
    if (commandName(command) !== name || within(command, wrapper.function)) {
      continue;
    }
    const bound = model.bind(command, sig);
    const args = new Map<string, Value>();
    for (const parameter of parameters) {
      const argument = model.argument(bound, parameter.name, undefined);
      if (argument) {
        args.set(parameter.name, argument);
      }
    }
    calls.push({ node: command, env: { scope: wrapper.function.id, arguments: args } });
  }
  return calls;
}

function within(node: Node, outer: Node): boolean {
  return outer.startIndex <= node.startIndex && node.endIndex <= outer.endIndex;
}
