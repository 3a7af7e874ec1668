/** Mistakes of JavaScript in sending a body that the API would refuse whatever the keys. */
import type { Node } from '@vscode/tree-sitter-wasm';
import type { SendPitfall } from '../../embedded/embeddedBody';
import { unwrap } from './nodes';

/** An object given to `fetch` as its `body` is sent as "[object Object]": the fix serializes the value where it is given. */
export function unserializedBody(given: Node): SendPitfall {
  const span = { start: given.startIndex, end: given.endIndex };
  // A whole object literal would be one long squiggle: its `body` key says the same.
  const key = unwrap(given).type === 'object' && given.parent?.type === 'pair' ? given.parent.childForFieldName('key') : null;
  const reported = key ? { start: key.startIndex, end: key.endIndex } : span;
  if (given.type === 'shorthand_property_identifier') {
    const text = `JSON.stringify(${given.text})`;
    return { code: 'unserialized-body', span, fix: { kind: 'serialize-body', edits: [{ ...span, newText: `${given.text}: ${text}` }], preferred: true, args: { text } } };
  }
  const text = given.type === 'identifier' || given.type === 'member_expression' ? `JSON.stringify(${given.text})` : 'JSON.stringify(…)';
  // Two insertions, so fixes inside the object's keys still apply in the same fix-all.
  const edits = [
    { start: span.start, end: span.start, newText: 'JSON.stringify(' },
    { start: span.end, end: span.end, newText: ')' },
  ];
  return { code: 'unserialized-body', span: reported, fix: { kind: 'serialize-body', edits, preferred: true, args: { text } } };
}
