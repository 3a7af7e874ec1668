import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseStrictTree } from '../../../src/core/json/strictTree';
import { sampleBody } from '../helpers/sampleBody';
import { garbage, jsonOperations, mutated } from './arbitraries';
import { runs } from './invariants';

/** Every field a consumer of the tree may read, parents as the path to them, so cycles compare. */
function shapeOf(node: Node | undefined, path = '$'): unknown {
  if (!node) {
    return undefined;
  }
  return {
    path,
    type: node.type,
    offset: node.offset,
    length: node.length,
    value: node.value,
    colonOffset: node.colonOffset,
    parentType: node.parent?.type,
    parentOffset: node.parent?.offset,
    children: node.children?.map((child, index) => shapeOf(child, `${path}/${index}`)),
  };
}

function jsoncTree(text: string, allowComments: boolean): { root: Node | undefined; errors: ParseError[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !allowComments, allowTrailingComma: false });
  return { root, errors };
}

/** JSON laid out as people write it: compact, pretty, or with odd but legal spacing. */
const spacing = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  ');
const formattedJson = fc
  .tuple(fc.jsonValue({ maxDepth: 5 }), fc.nat({ max: 4 }), spacing)
  .map(([value, indent, extra]) => spaceOut(JSON.stringify(value, null, indent) ?? 'null', extra));

/** Adds the spacing after commas and around colons that are outside strings. */
function spaceOut(json: string, extra: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const character = json[i];
    if (inString) {
      out += character;
      if (character === '\\') {
        out += json[++i];
      } else if (character === '"') {
        inString = false;
      }
    } else if (character === '"') {
      inString = true;
      out += character;
    } else {
      out += character === ',' ? `,${extra}` : character === ':' ? `${extra}:${extra}` : character;
    }
  }
  return out;
}

/** Strings with every escape JSON has, and characters that must not appear raw. */
const trickyStrings = fc
  .array(fc.constantFrom('a', 'é', '\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\uD800', '\\x', '\\u12', '\u0001', '\n', '"'), {
    maxLength: 12,
  })
  .map((parts) => `{"k${parts.join('')}": "${parts.join('')}"}`);

const tokens = fc.constantFrom('{', '}', '[', ']', ',', ':', ' ', '\n', '"a"', '"b\\n"', '1', '-0', '01', '1.', '1e5', '.5', 'true', 'truex', 'null', 'nul', '//c\n', '/*c*/', '\u00a0', '\ufeff');
const tokenSoup = fc.array(tokens, { maxLength: 30 }).map((parts) => parts.join(''));

describe('property: the strict JSON reader agrees with jsonc-parser', () => {
  const inputs = fc.oneof(
    { arbitrary: formattedJson, weight: 3 },
    { arbitrary: mutated(formattedJson), weight: 3 },
    { arbitrary: mutated(fc.constantFrom(...jsonOperations).map(sampleBody)), weight: 3 },
    { arbitrary: trickyStrings, weight: 2 },
    { arbitrary: tokenSoup, weight: 3 },
    { arbitrary: garbage, weight: 1 },
  );

  for (const allowComments of [false, true]) {
    it(`builds exactly parseTree's tree, or gives up where parseTree reports an error (comments ${allowComments ? 'allowed' : 'refused'})`, () => {
      fc.assert(
        fc.property(inputs, (text) => {
          const strict = parseStrictTree(text, 256);
          if (strict === undefined) {
            return;
          }
          const reference = jsoncTree(text, allowComments);
          assert.deepEqual(reference.errors, [], `the strict reader accepted text jsonc-parser refuses: ${JSON.stringify(text)}`);
          assert.deepEqual(shapeOf(strict), shapeOf(reference.root));
        }),
        runs(1500),
      );
    });
  }

  it('takes every well-formed document without unusual whitespace, so the fast path is the common path', () => {
    fc.assert(
      fc.property(formattedJson, (text) => {
        assert.notEqual(parseStrictTree(text, 256), undefined, `gave up on ${JSON.stringify(text)}`);
      }),
      runs(500),
    );
  });

  it('takes every documented sample body', () => {
    for (const operation of jsonOperations) {
      assert.notEqual(parseStrictTree(sampleBody(operation), 256), undefined, operation.id);
    }
  });

  it('gives up past the nesting limit instead of recursing further', () => {
    assert.notEqual(parseStrictTree('[[[1]]]', 3), undefined);
    assert.equal(parseStrictTree('[[[[1]]]]', 3), undefined);
    assert.equal(parseStrictTree('{"a":{"b":{"c":{}}}}', 3), undefined);
  });

  it('gives up on what jsonc-parser recovers from, leaving the error to it', () => {
    for (const text of ['', '  ', '{"a":1,}', '[1,]', '{"a" 1}', '{"a":1} x', '// c\n{}', '{"a":tru}', '{"a":01}', '"\u0001"', '\ufeff{}', '{"a":"\\q"}']) {
      assert.equal(parseStrictTree(text, 256), undefined, JSON.stringify(text));
    }
  });

  it('reads a 10 MB string with escapes without overflowing the regex engine', () => {
    const long = 'a\\n'.repeat(3_500_000);
    const root = parseStrictTree(`{"k":"${long}"}`, 256);
    assert.equal(root?.children?.[0].children?.[1].value, 'a\n'.repeat(3_500_000));
  });
});
