/**
 * What a name stands for at a place in a JavaScript or TypeScript file: the declaration visible
 * there (scope by scope, so an inner `url` hides an outer one) and the last assignment before it.
 * Members are followed only where that is trivial: `this.baseUrl` set once in its class,
 * `config.baseUrl` of an object literal. Anything else is unknown.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { JavaScriptIndex } from './javascriptIndex';
import { namedChildren, objectProperty, propertyName, unwrap } from './nodes';
import { BLOCKS, FUNCTIONS, type Structure } from './structure';

const MAX_HOPS = 8;

interface Declaration {
  /** The node whose statements or parameters declare the name. */
  readonly scope: Node;
  /** Where the name is declared, for telling two declarations apart. */
  readonly at: number;
  /** The initial value; undefined for parameters, imports and declarations without one. */
  readonly value?: Node;
}

const DECLARATION_STATEMENTS = new Set(['lexical_declaration', 'variable_declaration']);

export class Bindings {
  private readonly assignments = new Map<string, Node[]>();
  private readonly thisAssignments = new Map<string, Node[]>();
  /** Each block's declarations, indexed the first time a name is looked up in it. */
  private readonly blocks = new Map<number, Map<string, Declaration[]>>();

  constructor(
    nodes: JavaScriptIndex,
    private readonly structure: Structure,
  ) {
    for (const assignment of nodes.of('assignment_expression')) {
      const left = assignment.childForFieldName('left');
      if (!left) {
        continue;
      }
      if (left.type === 'identifier') {
        push(this.assignments, left.text, assignment);
      } else if (left.type === 'member_expression' && left.childForFieldName('object')?.type === 'this') {
        const property = left.childForFieldName('property');
        if (property) {
          push(this.thisAssignments, property.text, assignment);
        }
      }
    }
  }

  /** The expression `node` evaluates to, followed through names and trivial members; undefined when unknown. */
  valueOf(node: Node, hops = MAX_HOPS): Node | undefined {
    let current = unwrap(node);
    for (let hop = 0; hop <= hops; hop++) {
      let next: Node | undefined;
      if (current.type === 'identifier' || current.type === 'shorthand_property_identifier') {
        next = this.identifierValue(current.text, current);
      } else if (current.type === 'member_expression') {
        next = this.memberValue(current, hops - hop);
      } else {
        return current;
      }
      if (!next) {
        return undefined;
      }
      current = unwrap(next);
    }
    return undefined;
  }

  /** The value a name holds at `use`: the last assignment before it in the declaring scope, else the initial value. */
  private identifierValue(name: string, use: Node): Node | undefined {
    const declaration = this.declarationOf(name, use);
    if (!declaration) {
      return undefined;
    }
    let value = declaration.value;
    let latest = declaration.at;
    for (const assignment of this.assignments.get(name) ?? []) {
      const left = assignment.childForFieldName('left');
      if (
        left &&
        assignment.startIndex > latest &&
        assignment.endIndex <= use.startIndex &&
        assignment.startIndex >= declaration.scope.startIndex &&
        assignment.endIndex <= declaration.scope.endIndex &&
        sameDeclaration(this.declarationOf(name, left), declaration)
      ) {
        value = assignment.childForFieldName('right') ?? undefined;
        latest = assignment.startIndex;
      }
    }
    return value;
  }

  private memberValue(member: Node, hops: number): Node | undefined {
    const object = member.childForFieldName('object');
    const property = member.childForFieldName('property');
    if (!object || !property || member.text.includes('?.')) {
      return undefined;
    }
    const name = property.text;
    if (object.type === 'this') {
      return this.thisValue(member, name);
    }
    const holder = hops > 0 ? this.valueOf(object, hops - 1) : undefined;
    if (holder?.type !== 'object') {
      return undefined;
    }
    const value = objectProperty(holder, name);
    return value === 'spread' ? undefined : value;
  }

  /** A field of the enclosing class: its initializer, or the one `this.name = …` the class writes. */
  private thisValue(member: Node, name: string): Node | undefined {
    const classBody = this.structure.classBodyOf(member);
    if (!classBody) {
      return undefined;
    }
    for (const field of namedChildren(classBody)) {
      if (field.type === 'field_definition' || field.type === 'public_field_definition') {
        const key = field.childForFieldName('property') ?? field.childForFieldName('name');
        const value = field.childForFieldName('value');
        if (key && value && propertyName(key) === name) {
          return value;
        }
      }
    }
    const writes = (this.thisAssignments.get(name) ?? []).filter(
      (assignment) => assignment.startIndex >= classBody.startIndex && assignment.endIndex <= classBody.endIndex && this.structure.classBodyOf(assignment)?.id === classBody.id,
    );
    // Written in several places, the field may hold any of the values when the request is sent.
    return writes.length === 1 ? (writes[0].childForFieldName('right') ?? undefined) : undefined;
  }

  /** The declaration of `name` visible at `use`, searched from the innermost scope out. */
  private declarationOf(name: string, use: Node): Declaration | undefined {
    for (const scope of this.structure.around(use)) {
      const found = FUNCTIONS.has(scope.type) || scope.type === 'catch_clause' || scope.type.startsWith('for_') ? parameterOf(scope, name) : undefined;
      if (found) {
        return found;
      }
      if (BLOCKS.has(scope.type) && scope.type !== 'class_body') {
        const declared = this.declaredIn(scope, name, use.startIndex);
        if (declared) {
          return declared;
        }
      }
    }
    return undefined;
  }

  /** The declaration of `name` among a block's statements: the last one before `before`, else the first. */
  private declaredIn(block: Node, name: string, before: number): Declaration | undefined {
    let declared = this.blocks.get(block.id);
    if (!declared) {
      declared = declarationsIn(block);
      this.blocks.set(block.id, declared);
    }
    let found: Declaration | undefined;
    for (const declaration of declared.get(name) ?? []) {
      if (!found || declaration.at < before) {
        found = declaration;
      }
    }
    return found;
  }
}

function push(map: Map<string, Node[]>, key: string, node: Node): void {
  const list = map.get(key);
  if (list) {
    list.push(node);
  } else {
    map.set(key, [node]);
  }
}

function sameDeclaration(a: Declaration | undefined, b: Declaration): boolean {
  return !!a && a.scope.id === b.scope.id && a.at === b.at;
}

/** A parameter, loop variable or caught error named `name`: declared, value unknown. */
function parameterOf(scope: Node, name: string): Declaration | undefined {
  const holders = [scope.childForFieldName('parameters'), scope.childForFieldName('parameter'), scope.childForFieldName('left'), scope.childForFieldName('initializer')];
  for (const holder of holders) {
    if (holder && bindsName(holder, name)) {
      return { scope, at: holder.startIndex };
    }
  }
  return undefined;
}

/** Whether a parameter list or pattern binds `name` anywhere in it (`{ url }`, `[a, url]`, `url = 'x'`). */
function bindsName(pattern: Node, name: string): boolean {
  if (pattern.type === 'identifier' || pattern.type === 'shorthand_property_identifier_pattern') {
    return pattern.text === name;
  }
  const ids = pattern.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']);
  return ids.some((id) => id?.text === name && !isInDefaultValue(id, pattern));
}

function isInDefaultValue(id: Node, pattern: Node): boolean {
  for (let parent = id.parent; parent && parent.id !== pattern.id; parent = parent.parent) {
    if (parent.type === 'assignment_pattern' || parent.type === 'object_assignment_pattern') {
      return parent.childForFieldName('right')?.id === id.id || isAncestor(parent.childForFieldName('right'), id);
    }
    if (parent.type === 'type_annotation') {
      return true;
    }
  }
  return false;
}

function isAncestor(ancestor: Node | null, node: Node): boolean {
  return !!ancestor && ancestor.startIndex <= node.startIndex && node.endIndex <= ancestor.endIndex;
}

/** Every `const`/`let`/`var`, function, class and import a block's own statements declare, by name. */
function declarationsIn(block: Node): Map<string, Declaration[]> {
  const declared = new Map<string, Declaration[]>();
  const add = (name: string, declaration: Declaration) => {
    const list = declared.get(name);
    if (list) {
      list.push(declaration);
    } else {
      declared.set(name, [declaration]);
    }
  };
  for (const child of namedChildren(block)) {
    const statement = child.type === 'export_statement' ? (child.childForFieldName('declaration') ?? child) : child;
    if (DECLARATION_STATEMENTS.has(statement.type)) {
      for (const declarator of namedChildren(statement)) {
        const binding = declarator.type === 'variable_declarator' ? declarator.childForFieldName('name') : null;
        if (binding?.type === 'identifier') {
          add(binding.text, { scope: block, at: declarator.startIndex, value: declarator.childForFieldName('value') ?? undefined });
        } else if (binding) {
          // Destructured: the value is some part of the initializer, not worth following.
          for (const id of binding.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern'])) {
            if (id) {
              add(id.text, { scope: block, at: declarator.startIndex });
            }
          }
        }
      }
    } else if (statement.type === 'function_declaration' || statement.type === 'class_declaration') {
      const name = statement.childForFieldName('name');
      if (name) {
        add(name.text, { scope: block, at: statement.startIndex });
      }
    } else if (statement.type === 'import_statement') {
      for (const id of statement.descendantsOfType('identifier')) {
        if (id) {
          add(id.text, { scope: block, at: statement.startIndex });
        }
      }
    }
  }
  return declared;
}
