/** Bodies built in steps: `const body = {}; body.Comment = c; body['IsolationType'] = 'Full';` within one function. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { HostEntry } from '../literalView';
import type { Bindings } from './bindings';
import type { JavaScriptIndex } from './javascriptIndex';
import type { LiteralReader } from './literals';
import type { Structure } from './structure';

export class StepWrites {
  /** `x.Key = …` and `x['Key'] = …` assignments, by the name of `x`. */
  private readonly writes = new Map<string, Node[]>();

  constructor(
    nodes: JavaScriptIndex,
    private readonly bindings: Bindings,
    private readonly structure: Structure,
  ) {
    for (const assignment of nodes.of('assignment_expression')) {
      const left = assignment.childForFieldName('left');
      const object = left && (left.type === 'member_expression' || left.type === 'subscript_expression') ? left.childForFieldName('object') : null;
      if (object?.type === 'identifier') {
        const list = this.writes.get(object.text);
        if (list) {
          list.push(assignment);
        } else {
          this.writes.set(object.text, [assignment]);
        }
      }
    }
  }

  /**
   * The entries later assignments add to the object a `const`/`let` starts with, in the same
   * function and before `until` (the call that sends it); a key written again replaces the earlier one.
   */
  entries(object: Node, reader: LiteralReader, until = Number.MAX_SAFE_INTEGER): HostEntry[] {
    const declarator = declaratorOf(object);
    const name = declarator?.childForFieldName('name');
    if (!declarator || name?.type !== 'identifier') {
      return [];
    }
    const home = this.structure.enclosingFunction(declarator)?.id;
    const entries: HostEntry[] = [];
    for (const assignment of this.writes.get(name.text) ?? []) {
      const left = assignment.childForFieldName('left')!;
      const right = assignment.childForFieldName('right');
      const target = left.childForFieldName('object')!;
      if (assignment.startIndex < declarator.endIndex || assignment.startIndex >= until || this.structure.enclosingFunction(assignment)?.id !== home || this.bindings.valueOf(target)?.id !== object.id) {
        continue;
      }
      const keyNode = left.type === 'member_expression' ? left.childForFieldName('property') : left.childForFieldName('index');
      if (!keyNode || !right) {
        continue;
      }
      const key = reader.keyOf(keyNode);
      const keySpan = { start: keyNode.startIndex, end: keyNode.endIndex };
      if (key) {
        const earlier = entries.findIndex((entry) => entry.key?.name === key.name);
        if (earlier >= 0) {
          entries.splice(earlier, 1);
        }
      }
      entries.push({ key, keySpan, value: reader.read(right) });
    }
    return entries;
  }
}

/** The `const body = {…}` an object literal starts, looking through `as`/`satisfies` and parentheses. */
function declaratorOf(object: Node): Node | undefined {
  let current = object;
  while (current.parent && (current.parent.type === 'parenthesized_expression' || current.parent.type === 'as_expression' || current.parent.type === 'satisfies_expression' || current.parent.type === 'type_assertion')) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent?.type === 'variable_declarator' && parent.childForFieldName('value')?.id === current.id ? parent : undefined;
}
