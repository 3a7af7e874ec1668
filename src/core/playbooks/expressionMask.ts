/**
 * The view of a body written as JSON inside a playbook: the body node's own text, offsets one for
 * one (identity map plus base offset), with every string that holds an expression masked as a
 * placeholder. Its value is unknown until the workflow runs, so it is never reported; a key next
 * to it is still checked.
 */
import type { Node } from 'jsonc-parser';
import type { Span } from '../http/httpParser';
import type { MaskedBody } from '../json/maskedBody';
import { isNotSentAsWritten } from './expressions';

export function expressionMaskedBody(text: string, body: Node, inTemplate: boolean): MaskedBody {
  const base = body.offset;
  const placeholders: Span[] = [];
  collect(body, inTemplate, (node) => {
    // The quotes stay: a masked key is still a key, a masked value still a string.
    placeholders.push({ start: node.offset + 1 - base, end: node.offset + node.length - 1 - base });
  });
  const original = text.slice(base, base + body.length);
  if (placeholders.length === 0) {
    return { text: original, base, placeholders };
  }
  const parts: string[] = [];
  let copied = 0;
  for (const placeholder of placeholders) {
    parts.push(original.slice(copied, placeholder.start), '_'.repeat(placeholder.end - placeholder.start));
    copied = placeholder.end;
  }
  parts.push(original.slice(copied));
  return { text: parts.join(''), base, placeholders };
}

/** String nodes holding expressions, in document order. */
function collect(node: Node, inTemplate: boolean, found: (node: Node) => void): void {
  if (node.type === 'string') {
    if (typeof node.value === 'string' && isNotSentAsWritten(node.value, inTemplate) && node.length >= 2) {
      found(node);
    }
    return;
  }
  for (const child of node.children ?? []) {
    collect(child, inTemplate, found);
  }
}
