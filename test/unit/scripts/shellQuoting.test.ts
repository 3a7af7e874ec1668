import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { wordEncoder } from '../../../src/core/scripts/shell/encoders';
import { decodedText, heredocPieces, readWord, type Quoting } from '../../../src/core/scripts/shell/words';
import { testParsers } from '../helpers/parsers';
import { runs } from '../property/invariants';

/** What bash itself passes to a command for each argument of `printf '%s\0' …` in the script. */
function bashArguments(script: string): string[] {
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

/** Our reading of the same arguments. */
async function ourArguments(script: string): Promise<string[]> {
  const parser = await testParsers.prepare('bash');
  const tree = parser.parse(script)!;
  try {
    const command = tree.rootNode.descendantsOfType('command')[0]!;
    return command
      .childrenForFieldName('argument')
      .slice(1)
      .map((arg) => decodedText(readWord(arg!, script)!));
  } finally {
    tree.delete();
  }
}

const QUOTES: Readonly<Record<Exclude<Quoting, 'heredoc' | 'heredoc-literal'>, (content: string) => string>> = {
  single: (content) => `'${content}'`,
  double: (content) => `"${content}"`,
  'ansi-c': (content) => `$'${content}'`,
  bare: (content) => content,
};

/** The encoder of a literal written all in one quoting. */
function encoderOf(quoting: Quoting, delimiter?: string): (json: string) => string | undefined {
  const encode = wordEncoder([{ kind: 'text', hostStart: 0, text: 'x', quoting }], delimiter);
  return (json) => encode(json, 0, 1);
}

describe('shell quoting: read as bash reads it, written so bash reads it back', () => {
  it('decodes every escape of each quoting as bash does', async () => {
    const script = [
      "printf '%s\\0'",
      `'{"a": "it\\s raw $HOME \\\\"}'`,
      `"{\\"b\\": \\"\\\\ \\$x \\\` \\n \\' \\a\\"}"`,
      `$'{"c": "\\' \\" \\\\ \\t \\x41\\101\\u00e9 \\q \\cA"}'`,
      `'{"d": "'"\\"quoted\\""'"}'`,
      `{\\"e\\":1}`,
      `"line \\`,
      `joined"`,
    ].join(' ');
    assert.deepEqual(await ourArguments(script), bashArguments(script));
  });

  it('an encoded text is read back by bash, and by us, as the text itself', async () => {
    const text = fc.string({ unit: fc.constantFrom(...'aZ{}[]:," \'\\$`!\n\t#*?~'.split('')), minLength: 1, maxLength: 24 });
    await fc.assert(
      fc.asyncProperty(text, async (json) => {
        const words = Object.entries(QUOTES).flatMap(([quoting, quote]) => {
          const encoded = encoderOf(quoting as Quoting)(json);
          return encoded === undefined ? [] : [quote(encoded)];
        });
        const script = `printf '%s\\0' ${words.join(' ')}`;
        const expected = words.map(() => json);
        assert.deepEqual(bashArguments(script), expected, script);
        assert.deepEqual(await ourArguments(script), expected, script);
      }),
      runs(25),
    );
  });

  it('reads heredoc lines as cat writes them out, expanding or literal', async () => {
    const lines = '{"a": "C:\\\\Users \\$HOME \\` \\" \\n tail \\\nnext"}\n';
    const script = `cat <<EOF\n${lines}EOF\ncat <<'EOF'\n${lines}EOF\ncat <<-"EOF"\n${lines}\tEOF\n`;
    const parser = await testParsers.prepare('bash');
    const tree = parser.parse(script)!;
    try {
      const ours = tree.rootNode.descendantsOfType('heredoc_body').map((body) =>
        heredocPieces(body!, script)
          .pieces.map((piece) => (piece.kind === 'text' ? piece.text : piece.kind === 'escape' ? piece.char : '?'))
          .join(''),
      );
      assert.equal(ours.join(''), execFileSync('bash', ['-c', script], { encoding: 'utf8' }));
    } finally {
      tree.delete();
    }
  });

  it('writes heredoc text that cat gives back, and refuses text that would end the heredoc', () => {
    const json = '{"a": "$HOME `x` \\\\ \\n"}\n\tEND more';
    const expanding = encoderOf('heredoc', 'END')(json)!;
    const literal = encoderOf('heredoc-literal', 'END')(json)!;
    const script = `cat <<END\n${expanding}\nEND\ncat <<'END'\n${literal}\nEND\n`;
    assert.equal(execFileSync('bash', ['-c', script], { encoding: 'utf8' }), `${json}\n${json}\n`);
    assert.equal(encoderOf('heredoc', 'END')('{"a": 1,\nEND\n}'), undefined);
    assert.equal(encoderOf('heredoc-literal', 'END')('x\n\tEND'), undefined);
  });

  it('writes into a word that changes quoting in the quoting of the place, across an escaped quote too', () => {
    // '{"a": "it'\''s", "b": "'"$x"'"}' as its pieces: single, bare \', single, an expansion in "…", single.
    const encode = wordEncoder([
      { kind: 'text', hostStart: 1, text: '{"a": "it', quoting: 'single' },
      { kind: 'escape', hostStart: 11, hostEnd: 13, char: "'", quoting: 'bare' },
      { kind: 'text', hostStart: 14, text: 's", "b": "', quoting: 'single' },
      { kind: 'interpolation', hostStart: 26, hostEnd: 28, quoting: 'double' },
      { kind: 'text', hostStart: 30, text: '"}', quoting: 'single' },
    ]);
    assert.equal(encode('"A"', 7, 10), '"A"');
    // `"it'\''s"` starts and ends inside '…': the new value is written for '…'.
    assert.equal(encode('"It\'s"', 7, 16), '"It\'\\\'\'s"');
    assert.equal(encode('"x"', 12, 12), undefined);
    assert.equal(encode('"x"', 26, 28), undefined);
    // From '…' to '…' across the expansion: the range is replaced whole, still inside '…'.
    assert.equal(encode('"x"', 20, 31), '"x"');
    assert.equal(encode('"x"', 20, 27), undefined);
    assert.equal(encoderOf('single')("it's"), "it'\\''s");
  });
});
