/**
 * What the extractor knows of one script: its scopes, and what a variable or a command's argument
 * stands for, through splatted tables and, for a wrapper function, the arguments of one call.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { bindCommand, resolveParameter, type BoundCommand, type CommandSignature } from './commands';
import { hashtableOf } from './literals';
import { Layout } from './layout';
import { indexPowerShell, type PowerShellIndex } from './powershellIndex';
import { Scopes, type Parameter } from './scopes';
import { TableSteps } from './steps';
import { unwrap } from './syntax';

/** The arguments one call passes to a wrapper function: its parameters read them. */
export interface CallEnv {
  readonly scope: number;
  readonly arguments: ReadonlyMap<string, Value>;
}

/** A node to read, with the call (if any) its wrapper's parameters stand for. */
export interface Value {
  readonly node: Node;
  readonly env?: CallEnv;
}

export type Resolved =
  | { readonly kind: 'value'; readonly value: Value; readonly operator: string; readonly assignment?: Node }
  /** A parameter no call binds: only known when the function runs. */
  | { readonly kind: 'parameter'; readonly parameter: Parameter }
  | { readonly kind: 'unknown' };

/** Bounds how far values are followed through variables, so a cycle (`$a = $b; $b = $a`) ends. */
export const MAX_HOPS = 12;

export class ScriptModel {
  readonly nodes: PowerShellIndex;
  readonly layout: Layout;
  readonly scopes: Scopes;
  readonly steps: TableSteps;
  private readonly bound = new Map<number, BoundCommand>();

  constructor(
    readonly root: Node,
    readonly text: string,
  ) {
    this.nodes = indexPowerShell(root);
    this.layout = new Layout(this.nodes);
    this.scopes = new Scopes(this.nodes, this.layout);
    this.steps = new TableSteps(this);
  }

  /** What a variable reads at its place; `reference` is the variable node (or any node at the place of the read). */
  resolve(name: string, at: Node, env: CallEnv | undefined): Resolved {
    const binding = this.scopes.lookup(name, at);
    if (!binding) {
      return { kind: 'unknown' };
    }
    if (binding.kind === 'assigned') {
      const { assignment } = binding;
      return assignment.value ? { kind: 'value', value: { node: assignment.value, env }, operator: assignment.operator, assignment: assignment.node } : { kind: 'unknown' };
    }
    const { parameter } = binding;
    const argument = env?.scope === parameter.scope ? env.arguments.get(parameter.name) : undefined;
    if (argument) {
      return { kind: 'value', value: argument, operator: '=' };
    }
    return parameter.defaultValue ? { kind: 'value', value: { node: parameter.defaultValue, env }, operator: '=' } : { kind: 'parameter', parameter };
  }

  bind(command: Node, sig: CommandSignature): BoundCommand {
    let bound = this.bound.get(command.id);
    if (!bound || bound.signature !== sig) {
      bound = bindCommand(command, sig);
      this.bound.set(command.id, bound);
    }
    return bound;
  }

  /** A parameter's argument: written on the command, else an entry of a splatted table. */
  argument(bound: BoundCommand, parameter: string, env: CallEnv | undefined): Value | undefined {
    const written = bound.arguments.get(parameter);
    if (written) {
      return { node: written, env };
    }
    for (const splat of this.splatTables(bound, env)) {
      // `$request.Body = …` after the table is written binds -Body as well as an entry would.
      for (const [key, value] of this.steps.entryNodes(splat.node, splat.readAt)) {
        if (resolveParameter(key, bound.signature) === parameter) {
          return { node: value, env: splat.env };
        }
      }
    }
    return undefined;
  }

  /** The tables a command's `@params` splat, where the script assigns them literally. */
  splatTables(bound: BoundCommand, env: CallEnv | undefined): (Value & { readAt: number })[] {
    const tables: (Value & { readAt: number })[] = [];
    for (const splat of bound.splats) {
      const resolved = this.resolve(splat.text, splat, env);
      const table = resolved.kind === 'value' && resolved.operator === '=' ? hashtableOf(unwrap(resolved.value.node)) : undefined;
      if (table && resolved.kind === 'value') {
        tables.push({ node: table, env: resolved.value.env, readAt: splat.startIndex });
      }
    }
    return tables;
  }

  /** The ids of the tables the script splats into a command (`@params`): they hold parameters, not a body. */
  splattedTables(): Set<number> {
    const tables = new Set<number>();
    for (const variable of this.nodes.of('variable')) {
      if (variable?.text.startsWith('@')) {
        const resolved = this.resolve(variable.text, variable, undefined);
        const table = resolved.kind === 'value' ? hashtableOf(unwrap(resolved.value.node)) : undefined;
        if (table) {
          tables.add(table.id);
        }
      }
    }
    return tables;
  }
}
