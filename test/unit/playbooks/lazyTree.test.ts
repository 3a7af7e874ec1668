import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { lazyTree, NotPlainJson } from '../../../src/core/playbooks/lazyTree';
import { runs } from '../property/invariants';

/** Every node's type, place and value, children first read through `children` as the detector reads them. */
function shape(node: Node | undefined): unknown {
  if (!node) {
    return undefined;
  }
  const own = { type: node.type, offset: node.offset, length: node.length };
  if (node.type === 'object' || node.type === 'array' || node.type === 'property') {
    return { ...own, children: (node.children ?? []).map(shape) };
  }
  return { ...own, value: node.value };
}

/** JSON text with any layout: blanks, comments and line breaks between tokens. */
const layouts = fc.tuple(fc.jsonValue(), fc.array(fc.constantFrom('', ' ', '\n', '\r\n', '\t', ' // note\n', '/* c { [ " */'), { minLength: 1, maxLength: 8 })).map(([value, blanks]) => {
  let index = 0;
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, () => blanks[index++ % blanks.length] || ' ');
});

describe('lazy JSON tree', () => {
  it('reads well-formed JSON and JSONC exactly as jsonc-parser does', () => {
    fc.assert(
      fc.property(layouts, (text) => {
        assert.deepEqual(shape(lazyTree(text)), shape(parseTree(text, [], { allowTrailingComma: true })), text);
      }),
      runs(300),
    );
  });

  it('throws NotPlainJson on broken text, at once or when the broken part is read, and nothing else', () => {
    const readAll = (node: Node) => shape(node);
    for (const text of ['{"a": 1 "b": 2}', '{"a": }', '{"a": tru}', '{"a": 1.2.3}', '{"a": "x\ny"}', '{"a": [1, 2}', '{"a": 1}}', '{"a": 1} x', '{"a": "\\x"}', '{"a": /x}']) {
      assert.throws(() => readAll(lazyTree(text)), NotPlainJson, text);
    }
  });

  it('throws only NotPlainJson on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', ' ', '\n', '/', '*', 'a', '1', 'true') }), (text) => {
        try {
          shape(lazyTree(text));
        } catch (error) {
          assert.ok(error instanceof NotPlainJson, String(error));
        }
      }),
      runs(500),
    );
  });
});
