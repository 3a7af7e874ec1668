/**
 * Bodies built in steps: `$body = @{…}` then `$body += @{…}`, `$body.Add('Key', …)`,
 * `$body['Key'] = …`, `$body.Key = …` in the same function or script block. The added entries join
 * the table's view after its own, each keeping its own place in the text, so a fix lands on the
 * step that wrote the key.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { spanOf, type HostEntry, type HostValue } from '../literalView';
import { hashtableOf, keyOf, namedChildren, readValue } from './literals';
import type { ScriptModel } from './model';
import { ASSIGNED_VARIABLE, STARTS_TABLE } from './scopes';
import { unwrap, variableName } from './syntax';

const ADD_OR_REMOVE = /^\$[\w:{}]+\s*\.\s*(?:add|remove)\s*\(/i;

type HostObject = Extract<HostValue, { kind: 'object' }>;

type Step =
  | { readonly kind: 'merge'; readonly node: Node; readonly table: Node }
  | { readonly kind: 'add'; readonly node: Node; readonly key: Node; readonly value?: Node }
  /** `$body['Key'] = …` and `$body.Key = …` replace the value of a key the table already has. */
  | { readonly kind: 'set'; readonly node: Node; readonly key: Node; readonly value?: Node }
  | { readonly kind: 'remove'; readonly node: Node; readonly key: Node }
  /** `$body = …` again: what follows belongs to another value. */
  | { readonly kind: 'reassign'; readonly node: Node };

export interface BuiltTable {
  readonly value: HostObject;
  /** Where the last step ends, or the table itself when there is none. */
  readonly end: number;
  /** The `+=` tables taken in, which are not bodies of their own. */
  readonly merged: readonly Node[];
}

export class TableSteps {
  private index: Map<string, Step[]> | undefined;

  constructor(private readonly model: ScriptModel) {}

  /**
   * The table with the steps the script takes on the variable it is assigned to, up to the read
   * at `readAt` (when the body is sent from that variable) or the variable's next assignment.
   */
  build(table: Node, readAt: number | undefined): BuiltTable {
    const value = readValue(table, this.model.text) as HostObject;
    const steps = this.stepsAfter(table, readAt);
    if (steps.length === 0) {
      return { value, end: table.endIndex, merged: [] };
    }
    const entries: HostEntry[] = [...value.entries];
    const merged: Node[] = [];
    const layout = this.model.layout;
    const block = layout.blockOf(table);
    for (const step of steps) {
      this.apply(step, entries, merged, layout.blockOf(step.node) === block);
    }
    const end = steps[steps.length - 1].node.endIndex;
    // The view closes after the last step, so its order stays the order of the text.
    return { value: { ...value, entries, close: { start: end, end } }, end, merged };
  }

  /**
   * The entries' value nodes by lower-case key, steps included: what a splatted table binds.
   * A key set again takes the step's value.
   */
  entryNodes(table: Node, readAt: number | undefined): Map<string, Node> {
    const nodes = new Map<string, Node>();
    const take = (hashtable: Node) => {
      const body = hashtable.namedChildren.find((child) => child?.type === 'hash_literal_body');
      for (const entry of body ? namedChildren(body) : []) {
        const key = entry.namedChildren.find((child) => child?.type === 'key_expression');
        const value = entry.namedChildren.find((child) => child?.type === 'pipeline');
        const name = key && keyOf(unwrap(key.namedChild(0) ?? key), this.model.text)?.name;
        if (name && value) {
          nodes.set(name.toLowerCase(), value);
        }
      }
    };
    take(table);
    for (const step of this.stepsAfter(table, readAt)) {
      if (step.kind === 'merge') {
        take(step.table);
        continue;
      }
      const name = keyOf(unwrap(step.key), this.model.text)?.name.toLowerCase();
      if (name && step.kind === 'remove') {
        nodes.delete(name);
      } else if (name && step.kind !== 'remove' && step.value) {
        nodes.set(name, step.value);
      }
    }
    return nodes;
  }

  /** The steps taken on the variable the table is assigned to, before `readAt` and before it is assigned again. */
  private stepsAfter(table: Node, readAt: number | undefined): Exclude<Step, { kind: 'reassign' }>[] {
    const assignment = this.model.scopes.assignmentHolding(table);
    if (!assignment) {
      return [];
    }
    const scope = this.model.scopes.scopeOf(assignment.node);
    const steps: Exclude<Step, { kind: 'reassign' }>[] = [];
    for (const step of this.stepsOf(scope, assignment.name)) {
      if (step.node.startIndex < assignment.node.endIndex) {
        continue;
      }
      if (step.kind === 'reassign' || (readAt !== undefined && step.node.endIndex > readAt)) {
        break;
      }
      steps.push(step);
    }
    return steps;
  }

  /** `always`: the step is in the table's own block, not under an `if` or a loop, so it certainly happens. */
  private apply(step: Exclude<Step, { kind: 'reassign' }>, entries: HostEntry[], merged: Node[], always: boolean): void {
    const text = this.model.text;
    if (step.kind === 'merge') {
      merged.push(step.table);
      entries.push(...(readValue(step.table, text) as HostObject).entries);
      return;
    }
    const key = keyOf(unwrap(step.key), text);
    const same = (entry: HostEntry) => key !== undefined && entry.key?.name.toLowerCase() === key.name.toLowerCase();
    if (step.kind === 'remove') {
      if (!always) {
        return;
      }
      const kept = entries.filter((entry) => !same(entry));
      entries.splice(0, entries.length, ...kept);
      return;
    }
    const existing = entries.findIndex(same);
    if (step.kind === 'set' && existing >= 0) {
      // PowerShell keys ignore case: the key keeps its first spelling, and the value is the step's,
      // which cannot sit at the first entry's place in the view: it reads as unknown there. Under
      // an `if`, the first value is still sent on the other path, and still checked.
      if (!always) {
        return;
      }
      const old = entries[existing];
      const span = old.value ? spanOf(old.value) : { start: old.keySpan.end, end: old.keySpan.end };
      entries[existing] = { ...old, value: { kind: 'unknown', span } };
      return;
    }
    entries.push({
      key,
      keySpan: { start: step.key.startIndex, end: step.key.endIndex },
      value: step.value ? readValue(step.value, text) : { kind: 'unknown', span: { start: step.key.endIndex, end: step.key.endIndex } },
    });
  }

  private stepsOf(scope: Node, name: string): Step[] {
    this.index ??= this.buildIndex();
    return this.index.get(`${scope.id}:${name}`) ?? [];
  }

  private buildIndex(): Map<string, Step[]> {
    const index = new Map<string, Step[]>();
    const add = (variable: string, step: Step) => {
      const key = `${this.model.scopes.scopeOf(step.node).id}:${variableName(variable)}`;
      const list = index.get(key) ?? [];
      list.push(step);
      index.set(key, list);
    };
    for (const node of this.model.nodes.of('assignment_expression', 'invokation_expression')) {
      // Most calls are not `$x.Add(…)`: the text says so before any node is read.
      const found =
        node && (node.type === 'assignment_expression' ? assignmentStep(node) : ADD_OR_REMOVE.test(node.text) ? callStep(node) : undefined);
      if (found) {
        add(found.variable, found.step);
      }
    }
    for (const list of index.values()) {
      list.sort((a, b) => a.node.startIndex - b.node.startIndex);
    }
    return index;
  }
}

function assignmentStep(node: Node): { variable: string; step: Step } | undefined {
  const leftNode = node.namedChild(0);
  const value = node.namedChildren.find((child) => child?.type === 'pipeline' || child?.type === 'statement') ?? undefined;
  if (!leftNode || !value) {
    return undefined;
  }
  const operator = node.text.slice(leftNode.endIndex - node.startIndex, value.startIndex - node.startIndex).trim();
  const whole = ASSIGNED_VARIABLE.exec(leftNode.text)?.[1];
  if (whole) {
    const table = operator === '+=' && STARTS_TABLE.test(value.text) ? hashtableOf(unwrap(value)) : undefined;
    return { variable: whole, step: table ? { kind: 'merge', node, table } : { kind: 'reassign', node } };
  }
  // Only `$x.Key = …` and `$x[…] = …` are worth reading further.
  if (operator !== '=' || !/^\$[\w:{}]+\s*[.[]/.test(leftNode.text)) {
    return undefined;
  }
  const left = unwrap(leftNode);
  const object = left.namedChild(0);
  if (object?.type !== 'variable') {
    return undefined;
  }
  if (left.type === 'element_access') {
    const key = left.namedChildren.find((child, index) => index > 0 && child !== null);
    return key ? { variable: object.text, step: { kind: 'set', node, key: unwrap(key), value } } : undefined;
  }
  if (left.type === 'member_access') {
    const member = left.namedChildren.find((child) => child?.type === 'member_name')?.namedChild(0);
    return member ? { variable: object.text, step: { kind: 'set', node, key: member, value } } : undefined;
  }
  return undefined;
}

function callStep(node: Node): { variable: string; step: Step } | undefined {
  const object = node.namedChild(0);
  const method = node.namedChildren.find((child) => child?.type === 'member_name')?.text.toLowerCase();
  const list = node.namedChildren.find((child) => child?.type === 'argument_list')?.namedChildren.find((child) => child?.type === 'argument_expression_list');
  const items = list ? namedChildren(list).filter((child) => child.type !== 'comment') : [];
  if (object?.type !== 'variable' || !items[0] || (method !== 'add' && method !== 'remove')) {
    return undefined;
  }
  return method === 'add'
    ? { variable: object.text, step: { kind: 'add', node, key: unwrap(items[0]), value: items[1] } }
    : { variable: object.text, step: { kind: 'remove', node, key: unwrap(items[0]) } };
}
