import * as assert from 'node:assert/strict';
import { JsonViewBuilder } from '../../../src/core/json/jsonView';

/** `@{ k = 'v' }` written as the JSON `{"k":"v"}`, host offsets as in that PowerShell text. */
function hashtableView() {
  const host = "@{ k = 'v' }";
  const builder = new JsonViewBuilder();
  builder.punct('{', 0, 2);
  builder.token('"k"', 3, 4, (value) => (typeof value === 'string' ? value : undefined));
  builder.punct(':', 4);
  builder.token('"v"', 7, 10, (value) => (typeof value === 'string' ? `'${value}'` : undefined));
  builder.punct('}', 11, 12);
  return { host, view: builder.build() };
}

describe('JSON views of other syntaxes', () => {
  it('writes the JSON the API would receive', () => {
    assert.equal(hashtableView().view.text, '{"k":"v"}');
  });

  it('maps a token to its host text, quotes the host does not write included', () => {
    const { host, view } = hashtableView();
    const key = view.text.indexOf('"k"');
    assert.equal(host.slice(view.toHost(key), view.toHostEnd(key + 3)), 'k');
    const value = view.text.indexOf('"v"');
    assert.equal(host.slice(view.toHost(value), view.toHostEnd(value + 3)), "'v'");
  });

  it('ends a range after its last character, not at the host text of the next one', () => {
    const { host, view } = hashtableView();
    const value = view.text.indexOf('"v"');
    // The next view character, `}`, stands for host text two characters later.
    assert.equal(view.toHost(value + 3), host.indexOf('}'));
    assert.equal(view.toHostEnd(value + 3), host.indexOf("'v'") + 3);
  });

  it('finds the view offset of a host offset inside a token', () => {
    const { host, view } = hashtableView();
    assert.equal(view.text[view.toView(host.indexOf("'v'") + 1)], 'v');
    assert.equal(view.text[view.toView(host.indexOf('k'))], 'k');
  });

  it('maps a host offset right after a bare key to the end of the key, before the quote the host does not write', () => {
    const { host, view } = hashtableView();
    const afterKey = host.indexOf('k') + 1;
    assert.equal(view.toViewAfter(afterKey), view.text.indexOf('"k"') + 2);
    // toView passes over the quote and colon written at the same host offset.
    assert.equal(view.toView(afterKey), view.text.indexOf('"v"'));
    // Inside a token, and after a quote the host writes, both agree.
    const insideValue = host.indexOf("'v'") + 1;
    assert.equal(view.toViewAfter(insideValue), view.toView(insideValue));
    const afterValue = host.indexOf("'v'") + 3;
    assert.equal(view.toViewAfter(afterValue), view.text.indexOf('"v"') + 3);
  });

  it("rewrites an edit of a whole token with the token's own writer", () => {
    const { host, view } = hashtableView();
    const value = view.text.indexOf('"v"');
    const edit = view.hostEdit({ start: value, end: value + 3, newText: '"W"' });
    assert.deepEqual(edit, { start: host.indexOf("'v'"), end: host.indexOf("'v'") + 3, newText: "'W'" });
  });

  it('drops an edit the host cannot express: across tokens, or a value the writer refuses', () => {
    const { view } = hashtableView();
    assert.equal(view.hostEdit({ start: 1, end: 8, newText: '"x":1' }), undefined);
    assert.equal(view.hostEdit({ start: 5, end: 8, newText: '1' }), undefined);
  });

  it('encodes free edits of JSON written inside a string literal', () => {
    // The Python literal "{\"a\": 1}" holds {"a": 1}; a fix writes JSON quotes back escaped.
    const host = '"{\\"a\\": 1}"';
    const builder = new JsonViewBuilder((json) => json.replace(/"/g, '\\"'));
    builder.copy('{', 1);
    builder.decoded('"', 2, 4);
    builder.copy('a', 4);
    builder.decoded('"', 5, 7);
    builder.copy(': 1}', 7);
    const view = builder.build();
    assert.equal(view.text, '{"a": 1}');
    const edit = view.hostEdit({ start: 1, end: 4, newText: '"A"' });
    assert.ok(edit);
    assert.equal(host.slice(0, edit.start) + edit.newText + host.slice(edit.end), '"{\\"A\\": 1}"');
  });

  it('keeps placeholder filler the same length as the host text it stands for', () => {
    const builder = new JsonViewBuilder();
    builder.copy('{"a": ', 0);
    builder.placeholder(6, 10, false);
    builder.copy('}', 10);
    const view = builder.build();
    assert.equal(view.text, '{"a": 0   }');
    assert.deepEqual(view.placeholders, [{ start: 6, end: 10 }]);
  });
});
