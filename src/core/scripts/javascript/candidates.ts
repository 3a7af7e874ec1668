/**
 * Which literals no recognized call sends may still be bodies. JavaScript writes objects for
 * everything (props, configs, state, SDK options, test data), so an object counts as a body only on
 * evidence: a directive, a URL it is handed with, or, for inference from its keys, a place where a
 * body is written (`const body = {…}`, `return {…}`) and at least one value written out.
 */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { HostValue } from '../literalView';

const PASS_THROUGH = new Set(['parenthesized_expression', 'as_expression', 'satisfies_expression', 'type_assertion', 'non_null_expression']);

/** Names that say an object is something other than a request body. */
const NOT_A_BODY = /(?:props|state|config|configuration|options|opts|settings|defaults?|styles?|theme|schema|descriptions?|columns?|fields?|mocks?|fixtures?|expected|response|result|res|resp|exports|headers|params|query)$/i;

const TEST_CALLS = /^(?:describe|it|test|suite|context|before|beforeEach|after|afterEach)(?:\.\w+)*$/;

const DEFENDER_API = /api(?:-[a-z0-9]+)?\.security(?:center)?\.(?:microsoft|windows)\.(?:com|us)/i;
const OTHER_APIS = /graph\.microsoft\.com|management\.azure\.com|microsoft-graph-client|api\.loganalytics\.io|\.azure-api\.net|api\.securitycenter\.azure\.com/i;

/** A test file: its plain objects are test data, never flagged from their keys alone. */
export function isTestFile(root: Node): boolean {
  for (const statement of root.namedChildren) {
    const call = statement?.type === 'expression_statement' ? statement.firstNamedChild : null;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
    if (callee && TEST_CALLS.test(callee.text)) {
      return true;
    }
  }
  return false;
}

/** A file that names Microsoft Graph, ARM or another API and no Defender API host: keys alone name none of our operations. */
export function talksOnlyToOtherApis(text: string): boolean {
  return OTHER_APIS.test(text) && !DEFENDER_API.test(text);
}

export type LiteralRole =
  | { readonly kind: 'argument'; readonly call: Node }
  | { readonly kind: 'named'; readonly name: string }
  | { readonly kind: 'returned' }
  | { readonly kind: 'other' };

/** Where a literal stands: handed to a call, given a name, returned, or anything else. */
export function roleOf(literal: Node): LiteralRole {
  let current = literal;
  for (let depth = 0; depth < 16 && current.parent; depth++) {
    const parent: Node = current.parent;
    if (PASS_THROUGH.has(parent.type)) {
      current = parent;
      continue;
    }
    if (parent.type === 'arguments' && parent.parent) {
      const call = parent.parent;
      // `JSON.stringify({…})` is the object still, in text.
      if (call.childForFieldName('function')?.text === 'JSON.stringify') {
        current = call;
        continue;
      }
      return { kind: 'argument', call };
    }
    if (parent.type === 'variable_declarator' && parent.childForFieldName('value')?.id === current.id) {
      return { kind: 'named', name: parent.childForFieldName('name')?.text ?? '' };
    }
    if (parent.type === 'assignment_expression' && parent.childForFieldName('right')?.id === current.id) {
      const left = parent.childForFieldName('left');
      const name = left?.type === 'member_expression' ? left.childForFieldName('property')?.text : left?.text;
      return { kind: 'named', name: name ?? '' };
    }
    if (parent.type === 'return_statement' || (parent.type === 'arrow_function' && parent.childForFieldName('body')?.id === current.id)) {
      return { kind: 'returned' };
    }
    return { kind: 'other' };
  }
  return { kind: 'other' };
}

/** Whether the keys of a literal in this role may name an operation by themselves. */
export function mayInferFrom(role: LiteralRole, value: HostValue | undefined): boolean {
  if (role.kind === 'returned' || (role.kind === 'named' && role.name !== '' && !NOT_A_BODY.test(role.name))) {
    // An object of only variables is most often built from a response, not sent.
    return value?.kind !== 'object' || value.entries.some((entry) => entry.value?.kind === 'literal');
  }
  return false;
}
