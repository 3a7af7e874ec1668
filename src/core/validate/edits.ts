/** Minimal edits for the structural fixes: they touch only the property they name and its separator. */
import type { Node } from 'jsonc-parser';
import type { ParameterSpec } from '../catalog/types';
import type { TextEditSpec } from '../findings';
import type { MaskedBody } from '../json/maskedBody';
import { partitionPoint } from '../partitionPoint';

const COMMENT_MARKER = /\/\/|\/\*|#/;

export function removePropertyEdit(masked: MaskedBody, objectNode: Node, property: Node): TextEditSpec {
  const siblings = objectNode.children ?? [];
  const index = indexInOrder(siblings, property);
  const next = siblings[index + 1];
  const previous = siblings[index - 1];
  const propertyEnd = property.offset + property.length;
  let start = property.offset;
  let end = propertyEnd;
  if (next) {
    const gap = masked.text.slice(propertyEnd, next.offset);
    // Keep comments that sit between the two properties: stop right after the comma.
    end = COMMENT_MARKER.test(gap) ? propertyEnd + gap.indexOf(',') + 1 : next.offset;
  } else if (previous) {
    const gap = masked.text.slice(previous.offset + previous.length, property.offset);
    start = COMMENT_MARKER.test(gap) ? previous.offset + previous.length + gap.indexOf(',') : previous.offset + previous.length;
  }
  return { start: masked.base + start, end: masked.base + end, newText: '' };
}

/** Siblings stand in document order: a binary search keeps thousands of duplicate keys linear. */
function indexInOrder(siblings: readonly Node[], node: Node): number {
  const low = partitionPoint(siblings, (sibling) => sibling.offset < node.offset);
  return siblings[low] === node ? low : siblings.indexOf(node);
}

export function addPropertiesEdit(masked: MaskedBody, objectNode: Node, missing: readonly ParameterSpec[]): TextEditSpec {
  const text = masked.text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const properties = objectNode.children ?? [];
  const last = properties[properties.length - 1];
  const entries = missing.map((parameter) => `${JSON.stringify(parameter.name)}: ${placeholderFor(parameter)}`);
  if (last) {
    const lastEnd = last.offset + last.length;
    const multiline = /[\r\n]/.test(text.slice(objectNode.offset, last.offset));
    const separator = multiline ? `,${newline}${indentOf(text, last.offset)}` : ', ';
    return { start: masked.base + lastEnd, end: masked.base + lastEnd, newText: separator + entries.join(separator) };
  }
  const inside = objectNode.offset + 1;
  const closing = objectNode.offset + objectNode.length - 1;
  if (/[\r\n]/.test(text.slice(inside, closing))) {
    const indent = indentOf(text, objectNode.offset) + '  ';
    return { start: masked.base + inside, end: masked.base + inside, newText: newline + indent + entries.join(`,${newline}${indent}`) };
  }
  return { start: masked.base + inside, end: masked.base + inside, newText: ` ${entries.join(', ')} ` };
}

function placeholderFor(parameter: ParameterSpec): string {
  switch (parameter.type) {
    case 'string':
      return '""';
    case 'number':
    case 'integer':
      return '0';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    case 'object':
      return '{}';
  }
}

function indentOf(text: string, offset: number): string {
  let lineStart = offset;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') {
    lineStart--;
  }
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}
