import * as assert from 'node:assert/strict';
import type { Node } from '@vscode/tree-sitter-wasm';
import { identifierWriter } from '../../../src/core/scripts/python/literals';
import { stringEncoder, stringKind, stringPieces, stringValue, stringWriter, type StringKind } from '../../../src/core/scripts/python/strings';
import { testParsers } from '../helpers/parsers';

/** The first string literal of a line of Python. */
async function literal(source: string): Promise<Node> {
  const parser = await testParsers.prepare('python');
  const tree = parser.parse(source)!;
  const node = tree.rootNode.descendantsOfType('string')[0];
  assert.ok(node, `a string in ${source}`);
  return node;
}

async function kindOf(source: string): Promise<StringKind> {
  const kind = stringKind(await literal(source));
  assert.ok(kind);
  return kind;
}

describe('Python string literals', () => {
  it('decodes escapes as Python does', async () => {
    const source = String.raw`x = "a\"b\\c\n\x41\u00e9\N{BULLET}\d"`;
    assert.equal(stringValue(await literal(source), source), undefined, 'a \\N{…} name is not decoded');
    const plain = String.raw`x = 'a\'b\\c\n\x41\u00e9\d'`;
    assert.equal(stringValue(await literal(plain), plain), "a'b\\c\nA\u00e9\\d");
  });

  it('keeps the backslashes of a raw literal and reads \\u as text in a byte string', async () => {
    const raw = String.raw`x = r'C:\temp\new'`;
    assert.equal(stringValue(await literal(raw), raw), String.raw`C:\temp\new`);
    const bytes = String.raw`x = b'\u00e9\x41'`;
    assert.equal(stringValue(await literal(bytes), bytes), String.raw`\u00e9` + 'A');
  });

  it('cuts an f-string into text, doubled braces and interpolations', async () => {
    const source = `x = f'{{"a": "{value!r:>3}"}}'`;
    const pieces = stringPieces(await literal(source), source)!;
    assert.deepEqual(
      pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'escape' ? `<${piece.char}>` : `[${source.slice(piece.hostStart, piece.hostEnd)}]`)),
      ['<{>', '"a": "', '[{value!r:>3}]', '"', '<}>'],
    );
  });

  it("reads a template's own markers: %s and %% for %, {} and {{ for .format", async () => {
    const source = `x = '{"a": "%(name)s", "b": "%d%%"}'`;
    const percent = stringPieces(await literal(source), source, 'percent')!;
    assert.deepEqual(
      percent.filter((piece) => piece.kind !== 'text').map((piece) => source.slice(piece.hostStart, piece.hostEnd)),
      ['%(name)s', '%d', '%%'],
    );
    const format = `x = '{{"a": "{}", "b": "{name}"}}'`;
    assert.deepEqual(
      stringPieces(await literal(format), format, 'format')!
        .filter((piece) => piece.kind !== 'text')
        .map((piece) => format.slice(piece.hostStart, piece.hostEnd)),
      ['{{', '{}', '{name}', '}}'],
    );
  });

  it('writes a new value in the same kind of literal', async () => {
    const cases: [string, unknown, string | undefined][] = [
      ["x = 'a'", 'Comment', "'Comment'"],
      ['x = "a"', 'say "hi"', '"say \\"hi\\""'],
      ["x = '''a'''", "it's", "'''it's'''"],
      ["x = '''a'''", "ends'", "'''ends\\''''"],
      ['x = rb"a"', 'Full', 'rb"Full"'],
      ['x = r"a"', 'say "hi"', undefined],
      ['x = r"a"', 'C:\\', undefined],
      ["x = b'a'", 'déjà', undefined],
      ["x = f'a'", '{x}', "f'{{x}}'"],
      ["x = 'a'", 'two\nlines', "'two\\nlines'"],
      ["x = 'a'", true, 'True'],
      ["x = 'a'", null, 'None'],
    ];
    for (const [source, value, expected] of cases) {
      assert.equal(stringWriter(await kindOf(source))(value), expected, `${source} ← ${JSON.stringify(value)}`);
    }
  });

  it('escapes JSON text for the literal that holds it', async () => {
    assert.equal(stringEncoder(await kindOf('x = "{}"'), undefined, false)('"Comment"', 0, 0), '\\"Comment\\"');
    assert.equal(stringEncoder(await kindOf("x = '{}'"), undefined, false)('"it\'s"', 0, 0), '"it\\\'s"');
    assert.equal(stringEncoder(await kindOf('x = """{}"""'), undefined, false)('"Comment"', 0, 0), '"Comment"');
    assert.equal(stringEncoder(await kindOf('x = """{}"""'), undefined, true)('"Comment"', 0, 0), '\\"Comment\\"');
    assert.equal(stringEncoder(await kindOf("x = f'{}'"), undefined, false)('{"a": 1}', 0, 0), '{{"a": 1}}');
    assert.equal(stringEncoder(await kindOf("x = '{}'"), 'format', false)('{"a": 1}', 0, 0), '{{"a": 1}}');
    assert.equal(stringEncoder(await kindOf("x = '{}'"), 'percent', false)('"100%"', 0, 0), '"100%%"');
    assert.equal(stringEncoder(await kindOf("x = r'{}'"), undefined, false)('"Comment"', 0, 0), '"Comment"');
    assert.equal(stringEncoder(await kindOf("x = r'{}'"), undefined, false)('"a\\nb"', 0, 0), undefined);
    assert.equal(stringEncoder(await kindOf('x = r"{}"'), undefined, false)('"Comment"', 0, 0), undefined);
  });

  it('writes a keyword key only as a valid identifier', () => {
    assert.equal(identifierWriter('IsolationType'), 'IsolationType');
    assert.equal(identifierWriter('odata.type'), undefined);
    assert.equal(identifierWriter('class'), undefined);
    assert.equal(identifierWriter('Informational, expected activity'), undefined);
    assert.equal(identifierWriter(1), undefined);
  });
});
