/** Completion inside a request body: parameter names in their documented casing, and enum values. */
import { findNodeAtLocation, getLocation, type Node } from 'jsonc-parser';
import { propertiesAtPath, shapeAtPath } from '../catalog/parameterPath';
import type { OperationSpec } from '../catalog/types';
import type { HostSyntax } from '../embedded/embeddedBody';
import { hostEndOffset, hostOffset, viewOffset } from '../json/maskedBody';
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

/** `syntax`: how the host writes keys and strings, for bodies not written as plain JSON text (JSON in a Postman string). */
export function completeInBody(operation: OperationSpec, analysis: BodyAnalysis, offset: number, syntax?: HostSyntax): CompletionProposal[] {
  const { masked } = analysis;
  const local = viewOffset(masked, offset);
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
  const replace =
    previous && previous.type === 'string' && local >= previous.offset && local <= previous.offset + previous.length
      ? { start: hostOffset(masked, previous.offset), end: hostEndOffset(masked, previous.offset + previous.length) }
      : { start: offset, end: offset };
  if (location.isAtPropertyKey) {
    const objectPath = location.path.slice(0, -1);
    const parameters = propertiesAtPath(operation, objectPath) ?? [];
    const objectNode = root ? (objectPath.length === 0 ? root : findNodeAtLocation(root, objectPath)) : undefined;
    const present = new Set(keysOf(objectNode).map((key) => key.toLowerCase()));
    const typed = previous?.type === 'string' ? String(previous.value).toLowerCase() : undefined;
    return parameters
      .filter((parameter) => !present.has(parameter.name.toLowerCase()) || parameter.name.toLowerCase() === typed)
      .map((parameter) => ({
        label: parameter.name,
        kind: 'property' as const,
        snippet: syntax
          ? syntax.property(parameter.name, valuePlaceholder(parameter.type, parameter.values, syntax))
          : `${JSON.stringify(parameter.name)}: ${valuePlaceholder(parameter.type, parameter.values)}`,
        ...replace,
        filterText: syntax && filterTextOf(syntax, parameter.name),
        parameter: parameter.name,
        required: parameter.required,
      }));
  }
  const shape = shapeAtPath(operation, location.path);
  if (!shape) {
    return [];
  }
  if (shape.values) {
    return shape.values.map((value) => ({
      label: value,
      kind: 'value' as const,
      snippet: syntax ? syntax.string(snippetEscaped(value)) : snippetEscaped(JSON.stringify(value)),
      ...replace,
      filterText: syntax && filterTextOf(syntax, value),
    }));
  }
  if (shape.type === 'boolean') {
    return ['true', 'false'].map((value) => ({ label: value, kind: 'value' as const, snippet: value, start: offset, end: offset }));
  }
  return [];
}

function keysOf(node: Node | undefined): string[] {
  if (!node || node.type !== 'object') {
    return [];
  }
  return (node.children ?? []).map((property) => String(property.children?.[0]?.value ?? ''));
}

function snippetEscaped(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

/** The host's spelling of a key or string, as typed text is compared to it (snippet escapes undone). */
function filterTextOf(syntax: HostSyntax, label: string): string {
  return syntax.string(snippetEscaped(label)).replace(/\\(.)/g, '$1');
}

function valuePlaceholder(type: string, values: readonly string[] | undefined, syntax?: HostSyntax): string {
  const quoted = (text: string) => (syntax ? syntax.string(text) : `"${text}"`);
  if (values && values.length > 0) {
    return quoted(`\${1|${values.map((value) => value.replace(/[,|\\$}]/g, '\\$&')).join(',')}|}`);
  }
  switch (type) {
    case 'string':
      return quoted('$1');
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    case 'boolean':
      return '${1|false,true|}';
    default:
      return '${1:0}';
  }
}
