import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument, type Range } from 'vscode-languageserver-textdocument';
import { computeLineStarts, ServerDocument } from '../../../src/server/textDocument';
import { runs } from './invariants';

/** Texts made of line breaks of every kind, lone CRs included, and a few characters between them. */
const piece = fc.constantFrom('\n', '\r\n', '\r', 'a', 'bc', '   ', '{"k": 1}', '###', '\u00e9', '\ud83d\ude00');
const text = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
/** Positions anywhere, out of range ones included, as clients may send them. */
const position = fc.record({ line: fc.integer({ min: -1, max: 45 }), character: fc.integer({ min: -1, max: 12 }) });
const change = fc.oneof(
  { weight: 9, arbitrary: fc.record({ range: fc.record({ start: position, end: position }), text }) },
  { weight: 1, arbitrary: fc.record({ text }) },
);

/** Everything a feature may ask of a document, asked of both. */
function assertSame(ours: ServerDocument, theirs: TextDocument, context: string): void {
  assert.equal(ours.getText(), theirs.getText(), `${context}: text`);
  assert.equal(ours.version, theirs.version, `${context}: version`);
  assert.equal(ours.lineCount, theirs.lineCount, `${context}: lineCount`);
  const length = theirs.getText().length;
  for (let offset = -1; offset <= length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), theirs.positionAt(offset), `${context}: positionAt(${offset})`);
  }
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `${context}: getLineRange(${line})`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `${context}: getEOLCharacters(${line})`);
    for (let character = -1; character <= 12; character++) {
      const at = { line, character };
      assert.equal(ours.offsetAt(at), theirs.offsetAt(at), `${context}: offsetAt(${JSON.stringify(at)})`);
    }
  }
  const range: Range = { start: { line: 0, character: 1 }, end: { line: 2, character: 3 } };
  assert.equal(ours.getText(range), theirs.getText(range), `${context}: getText(range)`);
}

describe('property: the server document answers as vscode-languageserver-textdocument', () => {
  it('finds the same lines in any text', () => {
    fc.assert(
      fc.property(text, (content) => {
        assertSame(new ServerDocument('file:///a.http', 'http', 1, content), TextDocument.create('file:///a.http', 'http', 1, content), 'created');
      }),
      runs(500),
    );
  });

  it('stays the same through any edits, with or without its line index built', () => {
    fc.assert(
      fc.property(text, fc.array(change, { maxLength: 8 }), fc.boolean(), (content, changes, indexFirst) => {
        const ours = new ServerDocument('file:///a.http', 'http', 1, content);
        const theirs = TextDocument.create('file:///a.http', 'http', 1, content);
        if (indexFirst) {
          ours.positionAt(0);
          theirs.positionAt(0);
        }
        changes.forEach((edit, index) => {
          // Within the text, as clients send them: the library's index breaks on lines past the end.
          const clamp = (at: { line: number; character: number }) => theirs.positionAt(theirs.offsetAt(at));
          const sent = 'range' in edit ? { range: { start: clamp(edit.range.start), end: clamp(edit.range.end) }, text: edit.text } : edit;
          ours.update([sent], index + 2);
          TextDocument.update(theirs, [sent], index + 2);
          assertSame(ours, theirs, `after ${JSON.stringify(changes.slice(0, index + 1))}`);
        });
      }),
      runs(500),
    );
  });

  it('indexes lines past a CR on its own, and CRLF as one break', () => {
    assert.deepEqual([...computeLineStarts('a\r\nb\rc\nd', true, 0)], [0, 3, 5, 7]);
    assert.deepEqual([...computeLineStarts('a\r\nb\r\nc', true, 10)], [10, 13, 16]);
    assert.deepEqual([...computeLineStarts('x\ny\r', false, 5)], [7, 9]);
  });
});
