/**
 * Which assignment a variable reads, PowerShell scopes taken as written: a function, a script
 * block or a class method sees its own variables and those of the blocks around it, never those
 * of another function. A function's parameters hide the variables around it.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { hashtableOf } from './literals';
import type { Layout } from './layout';
import type { PowerShellIndex } from './powershellIndex';
import { namesScriptScope, unwrap, variableName } from './syntax';

/** The left side of an assignment to a whole variable, cast or not; the variable is group 1. */
export const ASSIGNED_VARIABLE = /^(?:\[[\w.\s[\]]+\]\s*)?(\$(?:\{[^}]+\}|[\w:?]+))$/;
/** A value that may be a table: `@{`, or a cast one. */
export const STARTS_TABLE = /^(?:\[[\w.\s]+\]\s*)?@\{/;

export interface Assignment {
  readonly name: string;
  readonly node: Node;
  /** `=`, `+=`, …; a `foreach` loop variable reads as `in`. */
  readonly operator: string;
  /** The assigned value; undefined when the script says nothing about it (a loop variable). */
  readonly value?: Node;
}

export interface Parameter {
  readonly name: string;
  readonly scope: number;
  /** Position among the scope's parameters, for positional arguments. */
  readonly index: number;
  readonly isSwitch: boolean;
  readonly defaultValue?: Node;
}

export type Binding = { readonly kind: 'assigned'; readonly assignment: Assignment } | { readonly kind: 'parameter'; readonly parameter: Parameter };

export class Scopes {
  private readonly assignments = new Map<string, Assignment[]>();
  private readonly parameters = new Map<string, Parameter>();
  private readonly parameterLists = new Map<number, Parameter[]>();
  /** `$name = @{…}`: the assignment each table is the whole value of, by the table's id. */
  private readonly tableAssignments = new Map<number, Assignment>();

  private readonly root: Node;

  constructor(
    nodes: PowerShellIndex,
    private readonly layout: Layout,
  ) {
    this.root = nodes.root;
    for (const node of nodes.of('assignment_expression')) {
      if (node) {
        this.addAssignment(node);
      }
    }
    for (const loop of nodes.of('foreach_statement')) {
      const variable = loop?.namedChildren.find((child) => child?.type === 'variable');
      if (loop && variable) {
        this.record(this.scopeOf(loop).id, { name: variableName(variable.text), node: loop, operator: 'in' });
      }
    }
    for (const parameter of nodes.of('script_parameter', 'class_method_parameter')) {
      if (parameter) {
        this.addParameter(parameter);
      }
    }
  }

  /** The function, script block or method a node is written in; the script itself at the top. */
  scopeOf(node: Node): Node {
    return this.layout.scopeOf(node);
  }

  /** The `$name = <table>` assignment a table is the whole value of. */
  assignmentHolding(table: Node): Assignment | undefined {
    return this.tableAssignments.get(table.id);
  }

  isRoot(scope: Node): boolean {
    return scope.id === this.root.id;
  }

  /** The parameters a function or script block declares, in order. */
  parametersOf(scope: Node): readonly Parameter[] {
    return this.parameterLists.get(scope.id) ?? [];
  }

  /** Assignments to a variable in one scope (not the scopes inside it), in text order. */
  assignmentsIn(scope: Node, name: string): readonly Assignment[] {
    return this.assignments.get(key(scope.id, name)) ?? [];
  }

  /**
   * What `reference` (a variable as written) reads at node `at`: the last assignment before it in
   * its own scope, else its scope's parameter, else the same in the scopes around it. Around it,
   * an assignment made after the function is written still counts when it is the only one: the
   * function runs when called, usually after the script has set its variables up.
   */
  lookup(reference: string, at: Node): Binding | undefined {
    const name = variableName(reference);
    let scope = namesScriptScope(reference) ? this.root : this.scopeOf(at);
    for (let own = true; ; own = false) {
      // `$x = $x + 1` reads the value before it; a loop variable is read inside its loop.
      const list = this.assignmentsIn(scope, name).filter((assignment) => assignment.operator === 'in' || !contains(assignment.node, at));
      const before = list.filter((assignment) => assignment.node.startIndex < at.startIndex);
      const found = before.length > 0 ? before[before.length - 1] : !own && list.length === 1 ? list[0] : undefined;
      if (found) {
        return { kind: 'assigned', assignment: found };
      }
      const parameter = this.parameters.get(key(scope.id, name));
      if (parameter) {
        return { kind: 'parameter', parameter };
      }
      if (this.isRoot(scope)) {
        return undefined;
      }
      scope = this.scopeOf(scope);
    }
  }

  private addAssignment(node: Node): void {
    const left = node.namedChild(0);
    const value = node.namedChildren.find((child) => child?.type === 'pipeline' || child?.type === 'statement');
    // Read from the text: `$x`, `${x}` or `[string]$x` on the left (not `$x.y`, `$x[0]`).
    const variable = left && ASSIGNED_VARIABLE.exec(left.text)?.[1];
    if (!left || !value || !variable) {
      return;
    }
    const scope = namesScriptScope(variable) ? this.root : this.scopeOf(node);
    const operator = node.text.slice(left.endIndex - node.startIndex, value.startIndex - node.startIndex).trim().toLowerCase() || '=';
    const assignment: Assignment = { name: variableName(variable), node, operator, value };
    this.record(scope.id, assignment);
    const table = operator === '=' && STARTS_TABLE.test(value.text) ? hashtableOf(unwrap(value)) : undefined;
    if (table) {
      this.tableAssignments.set(table.id, assignment);
    }
  }

  private addParameter(node: Node): void {
    const variable = node.namedChildren.find((child) => child?.type === 'variable');
    if (!variable) {
      return;
    }
    const scope = this.scopeOf(node);
    const list = this.parameterLists.get(scope.id) ?? [];
    const defaultNode = node.namedChildren.find((child) => child?.type === 'script_parameter_default')?.namedChild(0) ?? undefined;
    const types = node.descendantsOfType('type_name').map((type) => type?.text.toLowerCase());
    const parameter: Parameter = {
      name: variableName(variable.text),
      scope: scope.id,
      index: list.length,
      isSwitch: types.includes('switch'),
      defaultValue: defaultNode,
    };
    list.push(parameter);
    this.parameterLists.set(scope.id, list);
    this.parameters.set(key(scope.id, parameter.name), parameter);
  }

  private record(scope: number, assignment: Assignment): void {
    const list = this.assignments.get(key(scope, assignment.name)) ?? [];
    list.push(assignment);
    this.assignments.set(key(scope, assignment.name), list);
  }
}

function key(scope: number, name: string): string {
  return `${scope}:${name}`;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
