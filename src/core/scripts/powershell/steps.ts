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
import { castTarget, operatorOf, statementOf, unwrap, variableName } from './syntax';

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
    const assignment = assignmentHolding(table);
    if (!assignment) {
      return { value, end: table.endIndex, merged: [] };
    }
    const scope = this.model.scopes.scopeOf(assignment.node);
    const steps = this.stepsOf(scope, assignment.name).filter((step) => step.node.startIndex >= assignment.node.endIndex && (readAt === undefined || step.node.endIndex <= readAt));
    const entries: HostEntry[] = [...value.entries];
    const merged: Node[] = [];
    let end = table.endIndex;
    for (const step of steps) {
      if (step.kind === 'reassign') {
        break;
      }
      this.apply(step, entries, merged);
      end = step.node.endIndex;
    }
    if (end === table.endIndex) {
      return { value, end, merged };
    }
    // The view closes after the last step, so its order stays the order of the text.
    return { value: { ...value, entries, close: { start: end, end } }, end, merged };
  }

  private apply(step: Exclude<Step, { kind: 'reassign' }>, entries: HostEntry[], merged: Node[]): void {
    const text = this.model.text;
    if (step.kind === 'merge') {
      merged.push(step.table);
      entries.push(...(readValue(step.table, text) as HostObject).entries);
      return;
    }
    const key = keyOf(unwrap(step.key), text);
    const same = (entry: HostEntry) => key !== undefined && entry.key?.name.toLowerCase() === key.name.toLowerCase();
    if (step.kind === 'remove') {
      const kept = entries.filter((entry) => !same(entry));
      entries.splice(0, entries.length, ...kept);
      return;
    }
    const existing = entries.findIndex(same);
    if (step.kind === 'set' && existing >= 0) {
      // PowerShell keys ignore case: the key keeps its first spelling, and the value is the step's,
      // which cannot sit at the first entry's place in the view: it reads as unknown there.
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
    const add = (variable: Node, step: Step) => {
      const key = `${this.model.scopes.scopeOf(step.node).id}:${variableName(variable.text)}`;
      const list = index.get(key) ?? [];
      list.push(step);
      index.set(key, list);
    };
    for (const node of this.model.root.descendantsOfType(['assignment_expression', 'invokation_expression'])) {
      const found = node && (node.type === 'assignment_expression' ? assignmentStep(node) : callStep(node));
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

function assignmentStep(node: Node): { variable: Node; step: Step } | undefined {
  const left = node.namedChild(0) && unwrap(node.namedChild(0)!);
  const value = node.namedChildren.find((child) => child?.type === 'pipeline' || child?.type === 'statement') ?? undefined;
  if (!left) {
    return undefined;
  }
  const operator = operatorOf(node);
  const statement = statementOf(node);
  const target = castTarget(left)?.value ?? left;
  if (target.type === 'variable') {
    const table = operator === '+=' && value ? hashtableOf(unwrap(value)) : undefined;
    return { variable: target, step: table ? { kind: 'merge', node: statement, table } : { kind: 'reassign', node } };
  }
  if (operator !== '=') {
    return undefined;
  }
  const object = left.namedChild(0);
  if (object?.type !== 'variable') {
    return undefined;
  }
  if (left.type === 'element_access') {
    const key = left.namedChildren.find((child, index) => index > 0 && child !== null);
    return key ? { variable: object, step: { kind: 'set', node: statement, key: unwrap(key), value } } : undefined;
  }
  if (left.type === 'member_access') {
    const member = left.namedChildren.find((child) => child?.type === 'member_name')?.namedChild(0);
    return member ? { variable: object, step: { kind: 'set', node: statement, key: member, value } } : undefined;
  }
  return undefined;
}

function callStep(node: Node): { variable: Node; step: Step } | undefined {
  const object = node.namedChild(0);
  const method = node.namedChildren.find((child) => child?.type === 'member_name')?.text.toLowerCase();
  const list = node.namedChildren.find((child) => child?.type === 'argument_list')?.namedChildren.find((child) => child?.type === 'argument_expression_list');
  const items = list ? namedChildren(list).filter((child) => child.type !== 'comment') : [];
  if (object?.type !== 'variable' || !items[0] || (method !== 'add' && method !== 'remove')) {
    return undefined;
  }
  const statement = statementOf(node);
  return method === 'add'
    ? { variable: object, step: { kind: 'add', node: statement, key: unwrap(items[0]), value: items[1] } }
    : { variable: object, step: { kind: 'remove', node: statement, key: unwrap(items[0]) } };
}

/** The `$name = <table>` assignment a table is the whole value of. */
function assignmentHolding(table: Node): { name: string; node: Node } | undefined {
  let node: Node | null = table.parent;
  while (node && node.type !== 'assignment_expression' && node.endIndex === table.endIndex) {
    node = node.parent;
  }
  if (node?.type !== 'assignment_expression' || operatorOf(node) !== '=') {
    return undefined;
  }
  const value = node.namedChildren.find((child) => child?.type === 'pipeline');
  const left = node.namedChild(0) && unwrap(node.namedChild(0)!);
  const target = left && (castTarget(left)?.value ?? left);
  if (!value || target?.type !== 'variable' || hashtableOf(unwrap(value))?.id !== table.id) {
    return undefined;
  }
  return { name: variableName(target.text), node };
}
