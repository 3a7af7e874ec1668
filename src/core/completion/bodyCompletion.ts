/** Completion inside a request body: parameter names in their documented casing, and enum values. */
import { findNodeAtLocation, getLocation, type JSONPath, type Node } from 'jsonc-parser';
import { propertiesAtPath, shapeAtPath } from '../catalog/parameterPath';
import type { OperationSpec } from '../catalog/types';
import type { HostSyntax } from '../embedded/embeddedBody';
import { hostOffset, viewOffset, viewOffsetAfter, type MaskedBody } from '../json/maskedBody';
import type { BodyAnalysis } from '../validate/analyzeBody';

export interface CompletionProposal {
  readonly label: string;
  readonly kind: 'property' | 'value' | 'body';
  /** VS Code snippet syntax. */
  readonly snippet: string;
  /** Document offsets of the text the proposal replaces (the partly typed token). */
  readonly start: number;
  readonly end: number;
  /** What the editor filters typed text against, when the host does not write the label as JSON does. */
  readonly filterText?: string;
  /** The catalog entry the proposal stands for, for its documentation. */
  readonly parameter?: string;
  readonly required?: boolean;
  readonly preselect?: boolean;
}

/**
 * Proposals at `offset`. `syntax` is the host's, for a body written as a script's hashtable or dict:
 * proposals are then written in that syntax (`Name = value`), not as JSON.
 */
export function completeInBody(operation: OperationSpec, analysis: BodyAnalysis, offset: number, syntax?: HostSyntax): CompletionProposal[] {
  const write = writerFor(syntax);
  const { masked } = analysis;
  let local = viewOffset(masked, offset);
  // `Comm|` in a host that writes keys bare: the cursor ends the key being typed, before the quote
  // (and colon) that only the view writes.
  const afterWord = viewOffsetAfter(masked, offset);
  if (afterWord < local && masked.text.charAt(afterWord) === '"') {
    local = afterWord;
  }
  if (local < 0 || local > masked.text.length) {
    return [];
  }
  const root = analysis.tree();
  // No tree: a body of blanks has nothing to complete, and one too deep would overflow getLocation.
  if (!root) {
    return [];
  }
  const location = getLocation(masked.text, local);
  const previous = location.previousNode;
  // In a host's syntax the view has no blanks: a cursor between two tokens maps to the next one.
  const betweenTokens = syntax !== undefined && (local >= masked.text.length || hostOffset(masked, local) > offset);
  const onToken =
    previous !== undefined &&
    (previous.type === 'string' || (syntax !== undefined && previous.type === 'property')) &&
    !betweenTokens &&
    local >= previous.offset &&
    local <= previous.offset + previous.length;
  const replace = onToken ? { start: hostOffset(masked, previous.offset), end: hostOffset(masked, previous.offset + previous.length) } : { start: offset, end: offset };
  if (location.isAtPropertyKey || (betweenTokens && startsEntry(masked, local, location.path))) {
    const objectPath = location.path.slice(0, -1);
    const parameters = propertiesAtPath(operation, objectPath) ?? [];
    const objectNode = root ? (objectPath.length === 0 ? root : findNodeAtLocation(root, objectPath)) : undefined;
    const present = new Set(keysOf(objectNode).map((key) => key.toLowerCase()));
    const typed = onToken ? String(previous.value).toLowerCase() : undefined;
    // A key that already has its value is renamed, not given a second value.
    const keyOnly = syntax !== undefined && onToken && previous.type === 'property' && hasValue(masked, root, location.path);
    return parameters
      .filter((parameter) => !present.has(parameter.name.toLowerCase()) || parameter.name.toLowerCase() === typed)
      .map((parameter) => ({
        label: parameter.name,
        kind: 'property' as const,
        snippet: keyOnly
          ? escapeSnippet(syntax.key?.(parameter.name) ?? JSON.stringify(parameter.name))
          : write.property(parameter.name, valuePlaceholder(parameter.type, parameter.values, write)),
        ...replace,
        parameter: parameter.name,
        required: parameter.required,
      }));
  }
  const shape = shapeAtPath(operation, location.path);
  if (!shape) {
    return [];
  }
  if (shape.values) {
    return shape.values.map((value) => ({ label: value, kind: 'value' as const, snippet: write.string(escapeSnippet(value)), ...replace }));
  }
  if (shape.type === 'boolean') {
    return [true, false].map((value) => ({ label: write.keyword(value), kind: 'value' as const, snippet: escapeSnippet(write.keyword(value)), start: offset, end: offset }));
  }
  return [];
}

/**
 * Whether a place between tokens of a host's table starts a new entry: it follows a whole entry
 * (a new line or `;` separates entries there), not a `=` whose value is still to come.
 */
function startsEntry(masked: MaskedBody, local: number, path: JSONPath): boolean {
  if (typeof path[path.length - 1] !== 'string') {
    return false;
  }
  let before = local - 1;
  while (before >= 0 && masked.text[before] === ' ') {
    before--;
  }
  if (before < 0 || masked.text[before] === ':') {
    return false;
  }
  // `Name =` with no value yet reads as a value of no width right after the `:`.
  const missing = masked.placeholders.find((placeholder) => placeholder.end === before + 1);
  return !(missing && masked.text[missing.start - 1] === ':' && hostOffset(masked, missing.start) === hostOffset(masked, missing.start - 1));
}

/** Whether the property at `path` has a value written in the host (not one still missing). */
function hasValue(masked: MaskedBody, root: Node, path: JSONPath): boolean {
  const value = findNodeAtLocation(root, path);
  return value !== undefined && hostOffset(masked, value.offset) !== hostOffset(masked, value.offset + value.length);
}

function keysOf(node: Node | undefined): string[] {
  if (!node || node.type !== 'object') {
    return [];
  }
  return (node.children ?? []).map((property) => String(property.children?.[0]?.value ?? ''));
}

interface Writer {
  property(name: string, valueSnippet: string): string;
  string(snippetText: string): string;
  keyword(value: boolean | null): string;
  array(inner: string): string;
  object(inner: string): string;
}

/** The host's syntax, JSON's where the host leaves a form out. */
function writerFor(syntax: HostSyntax | undefined): Writer {
  return {
    property: syntax ? (name, value) => syntax.property(name, value) : (name, value) => `${JSON.stringify(name)}: ${value}`,
    string: syntax ? (text) => syntax.string(text) : (text) => `"${text}"`,
    keyword: (value) => syntax?.keyword?.(value) ?? String(value),
    array: (inner) => syntax?.array?.(inner) ?? `[${inner}]`,
    object: (inner) => syntax?.object?.(inner) ?? `{${inner}}`,
  };
}

/** Text inserted as it is by a snippet. */
function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function valuePlaceholder(type: string, values: readonly string[] | undefined, write: Writer): string {
  if (values && values.length > 0) {
    return write.string(`\${1|${values.map((value) => value.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`);
  }
  switch (type) {
    case 'string':
      return write.string('$1');
    case 'array':
      return write.array('$1');
    case 'object':
      return write.object('$1');
    case 'boolean':
      // Choices are plain text: `$false` needs no escape there.
      return `\${1|${write.keyword(false)},${write.keyword(true)}|}`;
    default:
      return '${1:0}';
  }
}
