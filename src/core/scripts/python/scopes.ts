/**
 * Which value a name has where it is used, by Python's scoping: a function sees its own names, then
 * those of the functions around it and of the module, never those of another function; a method
 * does not see its class body's names except as `self.NAME`. The value is the one assigned last
 * before the use in the use's own scope; in an enclosing scope, the last one before the use, else the
 * last one at all (a module constant assigned below the function that reads it).
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import { namedChildren } from './literals';
import type { PythonIndex } from './pythonIndex';
import { partitionPoint } from '../../partitionPoint';

export interface Binding {
  readonly name: string;
  /** Where the binding statement starts. */
  readonly offset: number;
  /** The value assigned; undefined for a name the running script binds (a parameter, a loop variable). */
  readonly value?: Node;
  /** `name += value`: the value before, joined with this one. */
  readonly augmented?: boolean;
  /** The scope the name belongs to (a function, class or module node). */
  readonly scope: Node;
}

export class Scopes {
  /** Every function, class and lambda, in document order: an enclosing one comes before those inside it. */
  private readonly scopeNodes: Node[];
  private readonly scopeStarts: number[];
  private readonly scopeEnds: number[];
  /** For each scope, the index of the scope around it, or -1. */
  private readonly scopeParents: number[];
  /** Scope node id → name → bindings in document order. */
  private readonly names = new Map<number, Map<string, Binding[]>>();
  /** Class node id → attribute → `NAME = …` in the class body and `self.NAME = …` in its methods. */
  private readonly attributes = new Map<number, Map<string, Binding[]>>();
  private readonly classes = new Map<string, Node>();

  private readonly root: Node;

  constructor(index: PythonIndex) {
    this.root = index.root;
    this.scopeNodes = index.of('function_definition', 'class_definition', 'lambda');
    // Offsets read once: each read of a node's end is a call into WebAssembly.
    this.scopeStarts = this.scopeNodes.map((scope) => scope.startIndex);
    this.scopeEnds = this.scopeNodes.map((scope) => scope.endIndex);
    const open: number[] = [];
    this.scopeParents = this.scopeNodes.map((_, i) => {
      while (open.length > 0 && this.scopeEnds[open[open.length - 1]] < this.scopeEnds[i]) {
        open.pop();
      }
      const parent = open.length > 0 ? open[open.length - 1] : -1;
      open.push(i);
      return parent;
    });
    for (const assignment of index.of('assignment', 'augmented_assignment')) {
      this.addAssignment(assignment);
    }
    for (const definition of index.of('function_definition', 'lambda')) {
      const parameters = definition.childForFieldName('parameters');
      for (const name of parameters ? parameterNames(parameters) : []) {
        this.add(definition, { name: name.text, offset: definition.startIndex, scope: definition });
      }
    }
    for (const target of index.of('for_statement', 'as_pattern_target')) {
      const left = target.type === 'as_pattern_target' ? target : target.childForFieldName('left');
      for (const name of left ? identifiersIn(left) : []) {
        const scope = this.scopeOf(name);
        this.add(scope, { name: name.text, offset: target.startIndex, scope });
      }
    }
    for (const definition of index.of('class_definition')) {
      const name = definition.childForFieldName('name');
      if (name && this.scopeOf(definition).id === this.root.id) {
        this.classes.set(name.text, definition);
      }
    }
    for (const list of [...this.names.values()].flatMap((byName) => [...byName.values()])) {
      list.sort((a, b) => a.offset - b.offset);
    }
  }

  /**
   * The function, class or lambda a node is written in; the module when none. Found by offsets:
   * walking up through parents costs a search from the root at each step.
   */
  scopeOf(node: Node): Node {
    const start = node.startIndex;
    const end = node.endIndex;
    // The last scope starting at or before the node, then out through the scopes around it.
    const low = partitionPoint(this.scopeStarts, (scopeStart) => scopeStart <= start);
    for (let i = low - 1; i >= 0; i = this.scopeParents[i]) {
      if (this.scopeEnds[i] >= end && this.scopeNodes[i].id !== node.id) {
        return this.scopeNodes[i];
      }
    }
    return this.root;
  }

  /** The binding a name has at a node, or undefined when no scope around it binds the name. */
  lookup(name: string, at: Node): Binding | undefined {
    return this.lookupFrom(name, this.scopeOf(at), at.startIndex);
  }

  /** The next assignment of the same name in the same scope: where a body built in steps stops. */
  following(binding: Binding): Binding | undefined {
    return this.names
      .get(binding.scope.id)
      ?.get(binding.name)
      ?.find((other) => other.offset > binding.offset);
  }

  /** The binding in force just before an augmented assignment, for `url += "/isolate"`. */
  before(binding: Binding): Binding | undefined {
    return this.lookupFrom(binding.name, binding.scope, binding.offset);
  }

  private lookupFrom(name: string, start: Node, offset: number): Binding | undefined {
    let scope: Node | null = start;
    let own = true;
    while (scope) {
      // A class body's names are not visible in the functions written inside it.
      if (own || scope.type !== 'class_definition') {
        const list = this.names.get(scope.id)?.get(name);
        if (list && list.length > 0) {
          const before = lastBefore(list, offset);
          // A local name read before any assignment has no value yet: it is unknown, not the enclosing one.
          return before ?? (own ? { name, offset, scope } : list[list.length - 1]);
        }
      }
      own = false;
      scope = scope.id === this.root.id ? null : this.scopeOf(scope);
    }
    return undefined;
  }

  /**
   * `self.NAME` / `cls.NAME` in a method, or `Class.NAME` anywhere: the class body's assignment, or
   * the one `self.NAME = …` of its methods. Several different ones leave the value unknown.
   */
  attribute(object: string, name: string, at: Node): Binding | undefined {
    let owner: Node | undefined;
    if (object === 'self' || object === 'cls') {
      const method = this.scopeOf(at);
      const around = method.id === this.root.id ? undefined : this.scopeOf(method);
      owner = around?.type === 'class_definition' ? around : undefined;
    } else {
      owner = this.classes.get(object);
    }
    const list = owner && this.attributes.get(owner.id)?.get(name);
    if (!owner || !list || list.length === 0) {
      return undefined;
    }
    const inBody = list.filter((binding) => binding.scope.id === owner.id);
    if (list.length === 1) {
      return list[0];
    }
    return inBody.length === list.length ? inBody[inBody.length - 1] : { name, offset: at.startIndex, scope: owner };
  }

  private addAssignment(assignment: Node): void {
    const left = assignment.childForFieldName('left');
    let value = assignment.childForFieldName('right') ?? undefined;
    // `a = b = "x"`: the outer assignment's value is the inner one's.
    while (value?.type === 'assignment') {
      value = value.childForFieldName('right') ?? undefined;
    }
    if (!left) {
      return;
    }
    const scope = this.scopeOf(assignment);
    const augmented = assignment.type === 'augmented_assignment';
    const operator = augmented ? assignment.childForFieldName('operator')?.text : '=';
    if (operator === '|=') {
      // `body |= {…}` changes the dict in place: a step of the body, not a new value.
      return;
    }
    if (operator !== '=' && operator !== '+=') {
      value = undefined;
    }
    if (left.type === 'identifier') {
      const binding = { name: left.text, offset: assignment.startIndex, value, augmented, scope };
      this.add(scope, binding);
      if (scope.type === 'class_definition') {
        this.addAttribute(scope, binding);
      }
    } else if (left.type === 'attribute') {
      const object = left.childForFieldName('object');
      const attribute = left.childForFieldName('attribute');
      const owner = scope.id === this.root.id ? undefined : this.scopeOf(scope);
      if (object?.type === 'identifier' && (object.text === 'self' || object.text === 'cls') && attribute && owner?.type === 'class_definition') {
        this.addAttribute(owner, { name: attribute.text, offset: assignment.startIndex, value, augmented: false, scope });
      }
    } else {
      for (const name of identifiersIn(left)) {
        this.add(scope, { name: name.text, offset: assignment.startIndex, scope });
      }
    }
  }

  private add(scope: Node, binding: Binding): void {
    let byName = this.names.get(scope.id);
    if (!byName) {
      byName = new Map();
      this.names.set(scope.id, byName);
    }
    const list = byName.get(binding.name) ?? [];
    list.push(binding);
    byName.set(binding.name, list);
  }

  private addAttribute(owner: Node, binding: Binding): void {
    let byName = this.attributes.get(owner.id);
    if (!byName) {
      byName = new Map();
      this.attributes.set(owner.id, byName);
    }
    const list = byName.get(binding.name) ?? [];
    list.push(binding);
    byName.set(binding.name, list);
  }
}

function lastBefore(list: readonly Binding[], offset: number): Binding | undefined {
  let found: Binding | undefined;
  for (const binding of list) {
    if (binding.offset < offset) {
      found = binding;
    }
  }
  return found;
}

/** The names a parameter list binds, whatever their defaults, types and stars. */
function parameterNames(parameters: Node): Node[] {
  const names: Node[] = [];
  for (const parameter of namedChildren(parameters)) {
    if (parameter.type === 'identifier') {
      names.push(parameter);
    } else {
      const name = parameter.childForFieldName('name') ?? namedChildren(parameter).find((child) => child.type === 'identifier');
      if (name?.type === 'identifier') {
        names.push(name);
      }
    }
  }
  return names;
}

/** Every name a target pattern binds: `i, (j, k)`. */
function identifiersIn(pattern: Node): Node[] {
  if (pattern.type === 'identifier') {
    return [pattern];
  }
  if (pattern.type === 'attribute' || pattern.type === 'subscript') {
    return [];
  }
  return namedChildren(pattern).flatMap(identifiersIn);
}
