/**
 * Bodies built in steps within one function: `body["Key"] = …`, `body.update({…})`,
 * `body.update(Key=…)`, `body |= {…}` after `body = {…}`. Their keys join the dict's own, so a
 * mis-cased key set in a later statement is found and fixed where it is written.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { HostEntry } from '../literalView';
import { argumentEntries, dictionaryEntries, readKey, readValue, unknownEntry, unwrap } from './literals';
import type { Binding, Scopes } from './scopes';
import type { PythonIndex } from './pythonIndex';

interface Step {
  readonly offset: number;
  readonly entries: () => HostEntry[];
}

export class BodySteps {
  /** `scope id:name` → steps in document order. */
  private readonly steps = new Map<string, Step[]>();

  constructor(
    index: PythonIndex,
    private readonly text: string,
    private readonly scopes: Scopes,
  ) {
    for (const assignment of index.of('assignment', 'augmented_assignment')) {
      this.addAssignment(assignment);
    }
    for (const call of index.of('call')) {
      const callee = call.childForFieldName('function');
      const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : null;
      const argumentList = call.childForFieldName('arguments');
      if (object?.type === 'identifier' && callee?.childForFieldName('attribute')?.text === 'update' && argumentList?.type === 'argument_list') {
        this.add(call, object.text, () => argumentEntries(argumentList, this.text));
      }
    }
    for (const list of this.steps.values()) {
      list.sort((a, b) => a.offset - b.offset);
    }
  }

  /** The entries later statements add to the dict a binding assigns, before `until` and before the name is assigned again. */
  entriesFor(binding: Binding, until: number, next: Binding | undefined): HostEntry[] {
    const end = Math.min(until, next?.offset ?? Infinity);
    return (this.steps.get(`${binding.scope.id}:${binding.name}`) ?? []).filter((step) => step.offset > binding.offset && step.offset < end).flatMap((step) => step.entries());
  }

  private addAssignment(assignment: Node): void {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || !right) {
      return;
    }
    if (assignment.type === 'augmented_assignment') {
      const value = unwrap(right);
      if (left.type === 'identifier' && assignment.childForFieldName('operator')?.text === '|=' && value.type === 'dictionary') {
        this.add(assignment, left.text, () => dictionaryEntries(value, this.text));
      }
      return;
    }
    const object = left.type === 'subscript' ? left.childForFieldName('value') : null;
    const keyNode = left.type === 'subscript' ? left.childForFieldName('subscript') : null;
    if (object?.type !== 'identifier' || !keyNode) {
      return;
    }
    this.add(assignment, object.text, () => {
      const key = readKey(keyNode, this.text);
      return [key ? { key, keySpan: key.span, value: readValue(right, this.text) } : { ...unknownEntry(keyNode), value: readValue(right, this.text) }];
    });
  }

  private add(statement: Node, name: string, entries: () => HostEntry[]): void {
    const key = `${this.scopes.scopeOf(statement).id}:${name}`;
    const list = this.steps.get(key) ?? [];
    list.push({ offset: statement.startIndex, entries });
    this.steps.set(key, list);
  }
}
