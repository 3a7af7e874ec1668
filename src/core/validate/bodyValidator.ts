/** Checks a parsed JSON body against an operation's documented parameters. */
import type { Node } from 'jsonc-parser';
import type { AlternateSpelling, ElementSpec, OperationSpec, ParameterSpec } from '../catalog/types';
import type { Finding, FixSpec } from '../findings';
import { touchesPlaceholder, type MaskedBody } from '../json/maskedBody';
import { errorCodeForFormat, indicatorValueFormats, matchesFormat, type ConcreteFormat } from './formats';
import { closestName } from './nameMatcher';
import { addPropertiesEdit, removePropertyEdit } from './edits';

export interface ValidationContext {
  readonly operation: OperationSpec;
  readonly masked: MaskedBody;
  /** The body did not parse cleanly: keys are still checked, but absence proves nothing. */
  readonly partial: boolean;
}

export function validateBody(root: Node, context: ValidationContext): Finding[] {
  const findings: Finding[] = [];
  const validator = new Validator(context, findings);
  if (root.type !== 'object') {
    if (!context.partial) {
      validator.wrongType(root, 'object');
    }
    return findings;
  }
  validator.validateObject(root, context.operation.body);
  return findings;
}

class Validator {
  private readonly base: number;
  /** The operation's docs page, as `AlternateSpelling.requestPages` names it. */
  private readonly page: string;

  constructor(
    private readonly context: ValidationContext,
    private readonly findings: Finding[],
  ) {
    this.base = context.masked.base;
    this.page = context.operation.docs.slice(context.operation.docs.lastIndexOf('/') + 1);
  }

  validateObject(node: Node, parameters: readonly ParameterSpec[]): void {
    // Bodies hold thousands of small objects: keys seen so far sit in a plain array, compared by
    // length first, and a Map is built only for an object too large to scan (scripts/bench).
    const keys: Node[] = [];
    let byLowerKey: Map<string, Node> | undefined;
    const present: boolean[] = new Array<boolean>(parameters.length).fill(false);
    let unknownKey = false;
    for (const property of node.children ?? []) {
      if (property.type !== 'property' || !property.children?.[0]) {
        continue;
      }
      const keyNode = property.children[0];
      const valueNode = property.children[1];
      const key = String(keyNode.value);
      if (this.isUnknowable(keyNode)) {
        unknownKey = true;
        continue;
      }
      const first = byLowerKey ? byLowerKey.get(caseFoldedKey(key)) : sameKeyIgnoringCase(keys, key);
      if (first) {
        this.duplicateKey(property, keyNode, String(first.value), node);
        continue;
      }
      keys.push(keyNode);
      if (byLowerKey) {
        byLowerKey.set(caseFoldedKey(key), keyNode);
      } else if (keys.length > LINEAR_KEY_LIMIT) {
        byLowerKey = new Map(keys.map((seen) => [caseFoldedKey(String(seen.value)), seen]));
      }
      const index = this.resolveKey(keyNode, key, parameters);
      if (index >= 0) {
        present[index] = true;
        if (valueNode) {
          this.validateValue(valueNode, parameters[index], node);
        }
      }
    }
    // A key built from a placeholder may be any of the required ones.
    if (!this.context.partial && !unknownKey) {
      let missing: ParameterSpec[] | undefined;
      for (let index = 0; index < parameters.length; index++) {
        if (parameters[index].required && !present[index]) {
          (missing ??= []).push(parameters[index]);
        }
      }
      if (missing) {
        this.missingRequired(node, missing);
      }
    }
  }

  /** The index of the documented parameter a key stands for (-1 for none), reporting how its spelling differs. */
  private resolveKey(keyNode: Node, key: string, parameters: readonly ParameterSpec[]): number {
    for (let index = 0; index < parameters.length; index++) {
      if (parameters[index].name === key) {
        return index;
      }
    }
    // A spelling seen only on another page falls through to wrong-case below: it differs by case alone.
    const variant = parameters.find((parameter) =>
      (parameter.alternateSpellings ?? []).some((alt) => alt.kind === 'name' && alt.spelling === key && this.usedByOwnPage(alt)),
    );
    if (variant) {
      this.report('documented-variant', 'information', keyNode, { name: key, expected: variant.name, path: pathOf(keyNode) }, undefined, [
        this.renameFix(keyNode, variant.name, true),
      ]);
      return parameters.indexOf(variant);
    }
    const lower = key.toLowerCase();
    const caseOnly =
      parameters.find((parameter) => parameter.name.toLowerCase() === lower) ??
      parameters.find((parameter) => (parameter.alternateSpellings ?? []).some((alt) => alt.kind === 'name' && alt.spelling.toLowerCase() === lower));
    if (caseOnly) {
      this.report(
        'wrong-case',
        'error',
        keyNode,
        { name: key, expected: caseOnly.name, path: pathOf(keyNode) },
        caseOnly.required ? 'MissingRequiredParameter' : 'InvalidRequestBody',
        [this.renameFix(keyNode, caseOnly.name, true)],
      );
      return parameters.indexOf(caseOnly);
    }
    const suggestion = closestName(key, parameters.map((parameter) => parameter.name));
    const known = parameters.map((parameter) => parameter.name).join(', ');
    this.report(
      'unknown-parameter',
      'warning',
      keyNode,
      { name: key, suggestion: suggestion ?? '', known, path: pathOf(keyNode) },
      'InvalidRequestBody',
      suggestion ? [this.renameFix(keyNode, suggestion, false)] : undefined,
    );
    return -1;
  }

  private validateValue(node: Node, spec: ParameterSpec | ElementSpec, parent: Node): void {
    // An object or array holding a placeholder is still checked: only what the placeholder stands for is unknown.
    if (node.type !== 'object' && node.type !== 'array' && this.isUnknowable(node)) {
      return;
    }
    if (node.type === 'null') {
      // Optional parameters are commonly sent as null; a required one is as good as missing.
      if ('required' in spec && spec.required) {
        this.wrongType(node, spec.type);
      }
      return;
    }
    if (!typeMatches(node, spec.type)) {
      this.wrongType(node, spec.type);
      return;
    }
    switch (node.type) {
      case 'string':
        this.validateString(node, spec, parent);
        break;
      case 'array':
        this.validateArray(node, spec);
        break;
      case 'object':
        if (spec.properties) {
          this.validateObject(node, spec.properties);
        }
        break;
    }
  }

  private validateString(node: Node, spec: ParameterSpec | ElementSpec, parent: Node): void {
    const value = String(node.value);
    if (spec.values && !spec.values.includes(value)) {
      this.invalidValue(node, value, spec);
      return;
    }
    if ('maxLength' in spec && spec.maxLength !== undefined && value.length > spec.maxLength) {
      this.report('invalid-value', 'error', node, { value: shorten(value), path: pathOf(node), maxLength: String(spec.maxLength) }, 'InvalidInput');
      return;
    }
    const format = resolveFormat(spec.format, parent);
    if (format && !matchesFormat(format, value)) {
      this.report('invalid-format', 'error', node, { value: shorten(value), format, path: pathOf(node) }, errorCodeForFormat(format));
    }
  }

  private validateArray(node: Node, spec: ParameterSpec | ElementSpec): void {
    const elements = node.children ?? [];
    if ('maxItems' in spec && spec.maxItems !== undefined && elements.length > spec.maxItems) {
      this.report(
        'batch-too-large',
        'error',
        node,
        { path: pathOf(node), count: String(elements.length), max: String(spec.maxItems) },
        'MaximumBatchSizeExceeded',
        undefined,
        { start: node.offset, end: node.offset + 1 },
      );
    }
    const items = 'items' in spec ? spec.items : undefined;
    if (!items) {
      return;
    }
    for (const element of elements) {
      this.validateValue(element, items, node);
    }
  }

  private invalidValue(node: Node, value: string, spec: ParameterSpec | ElementSpec): void {
    const path = pathOf(node);
    const allowed = spec.values ?? [];
    const variant = 'alternateSpellings' in spec ? spec.alternateSpellings?.find((alt) => alt.kind === 'value' && alt.spelling === value) : undefined;
    if (variant?.kind === 'value' && this.usedByOwnPage(variant)) {
      this.report('documented-variant', 'information', node, { name: value, expected: variant.canonical, path }, undefined, [
        this.valueFix(node, variant.canonical),
      ]);
      return;
    }
    if (variant?.kind === 'value') {
      // Another page's label for the same value: wrong here, but its meaning is known, so the fix is safe.
      this.report(
        'invalid-value',
        'error',
        node,
        { value: shorten(value), allowed: allowed.join(', '), expected: variant.canonical, elsewhere: 'true', path },
        'InvalidRequestBody',
        [this.valueFix(node, variant.canonical)],
      );
      return;
    }
    const sameLetters = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    const fixes = sameLetters ? [this.valueFix(node, sameLetters)] : undefined;
    this.report('invalid-value', 'error', node, { value: shorten(value), allowed: allowed.join(', '), expected: sameLetters ?? '', path }, 'InvalidRequestBody', fixes);
  }

  /** Whether this operation's own docs page writes the spelling in its request table or example. */
  private usedByOwnPage(alternate: AlternateSpelling): boolean {
    return alternate.requestPages.includes(this.page);
  }

  wrongType(node: Node, expected: string): void {
    this.report('wrong-type', 'error', node, { path: pathOf(node), expected, actual: node.type }, 'InvalidRequestBody');
  }

  private duplicateKey(property: Node, keyNode: Node, first: string, objectNode: Node): void {
    const fix: FixSpec = {
      kind: 'remove-duplicate',
      edits: [removePropertyEdit(this.context.masked, objectNode, property)],
      preferred: false,
      args: { name: String(keyNode.value) },
    };
    this.report('duplicate-key', 'error', keyNode, { name: String(keyNode.value), first, path: pathOf(objectNode) }, 'InvalidRequestBody', [fix]);
  }

  private missingRequired(node: Node, missing: readonly ParameterSpec[]): void {
    const names = missing.map((parameter) => parameter.name);
    const anchor = node.parent?.type === 'property' ? node.parent.children![0] : undefined;
    const fix: FixSpec = {
      kind: 'add-required',
      edits: [addPropertiesEdit(this.context.masked, node, missing)],
      preferred: false,
      args: { names: names.join(', ') },
    };
    this.report(
      'missing-required',
      'error',
      anchor ?? node,
      { names: names.join(', '), path: pathOf(node) },
      'MissingRequiredParameter',
      [fix],
      anchor ? undefined : { start: node.offset, end: node.offset + 1 },
    );
  }

  private renameFix(keyNode: Node, newName: string, preferred: boolean): FixSpec {
    return {
      kind: 'rename-key',
      edits: [{ start: this.base + keyNode.offset, end: this.base + keyNode.offset + keyNode.length, newText: JSON.stringify(newName) }],
      preferred,
      args: { name: newName },
    };
  }

  /** Every value fix goes to a value the catalog pairs with the one written, so it is always safe in bulk. */
  private valueFix(node: Node, newValue: string): FixSpec {
    return {
      kind: 'fix-value-case',
      edits: [{ start: this.base + node.offset, end: this.base + node.offset + node.length, newText: JSON.stringify(newValue) }],
      preferred: true,
      args: { value: newValue },
    };
  }

  /** Values built from `{{placeholders}}` are only known when sent, so nothing is claimed about them. */
  private isUnknowable(node: Node): boolean {
    return touchesPlaceholder(this.context.masked, node.offset, node.offset + node.length);
  }

  private report(
    code: Finding['code'],
    severity: Finding['severity'],
    node: Node,
    args: Record<string, string>,
    preempts?: string,
    fixes?: readonly FixSpec[],
    span?: { start: number; end: number },
  ): void {
    const start = span ? span.start : node.offset;
    const end = span ? span.end : node.offset + node.length;
    this.findings.push({
      code,
      severity,
      start: this.base + start,
      end: this.base + end,
      args: { ...args, operation: this.context.operation.id },
      preempts,
      docs: this.context.operation.docs,
      fixes,
    });
  }
}

/** Past this many keys, an object's duplicates are looked up in a Map instead of scanned for. */
const LINEAR_KEY_LIMIT = 16;

/**
 * Two keys are the same key when they have the same length and the same lower case. A comparison
 * that ignores case character by character (.NET's ordinal one) never matches different lengths,
 * whereas lower-casing alone would make `İ` (one character) equal `i̇` (two).
 */
function sameKeyIgnoringCase(keys: readonly Node[], key: string): Node | undefined {
  let lower: string | undefined;
  for (const seen of keys) {
    const other = String(seen.value);
    if (other.length === key.length && (other === key || other.toLowerCase() === (lower ??= key.toLowerCase()))) {
      return seen;
    }
  }
  return undefined;
}

/** The Map key under which `sameKeyIgnoringCase` holds, for objects too large to scan. */
function caseFoldedKey(key: string): string {
  return `${key.length}:${key.toLowerCase()}`;
}

function typeMatches(node: Node, type: ParameterSpec['type']): boolean {
  switch (type) {
    case 'integer':
      return node.type === 'number' && Number.isInteger(node.value);
    default:
      return node.type === type;
  }
}

function resolveFormat(format: ParameterSpec['format'], parent: Node): ConcreteFormat | undefined {
  if (format !== 'indicatorValue') {
    return format;
  }
  const typeProperty = (parent.children ?? []).find(
    (child) => child.type === 'property' && String(child.children?.[0]?.value).toLowerCase() === 'indicatortype',
  );
  const indicatorType = typeProperty?.children?.[1]?.value;
  return typeof indicatorType === 'string' ? indicatorValueFormats[indicatorType] : undefined;
}

/**
 * Where a node sits in the body, as `Commands[0].params[1].key`, worked out from the tree only when
 * a finding needs it; a key stands for the object that holds it.
 */
function pathOf(node: Node): string {
  let current = node;
  if (current.parent?.type === 'property' && current.parent.children?.[0] === current && current.parent.parent) {
    current = current.parent.parent;
  }
  const parts: string[] = [];
  while (current.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property' && parent.parent) {
      parts.push(`.${String(parent.children?.[0]?.value)}`);
      current = parent.parent;
    } else if (parent.type === 'array') {
      parts.push(`[${parent.children?.indexOf(current) ?? 0}]`);
      current = parent;
    } else {
      break;
    }
  }
  return parts.reverse().join('').replace(/^\./, '');
}

/** Keeps messages bounded whatever was pasted. */
function shorten(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}…` : value;
}
