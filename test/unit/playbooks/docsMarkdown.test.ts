import * as assert from 'node:assert/strict';
import { joinLines } from '../helpers/text';
import { analyze, fixAll, fixture, found } from './helpers';

const requestFence = (line: string) => ['```http', line, '```'];
const jsonFence = (json: string) => ['```json', json, '```'];

describe('Markdown written the way the API docs write it', () => {
  it('a request line in an http fence takes its body from the json fence after it', () => {
    const text = fixture('docs-page.md');
    assert.deepEqual(found(text, 'markdown'), [
      ['wrong-case', '"comment"'],
      ['wrong-case', '"scanType"'],
      ['invalid-value', '"full"'],
    ]);
    assert.equal(fixAll(text, 'markdown'), fixture('docs-page.fixed.md'));
    assert.deepEqual(found(fixture('docs-page.fixed.md'), 'markdown'), []);
  });

  it('prose may stand between the fences, a heading may not: it starts the response example', () => {
    const line = 'POST https://api.security.microsoft.com/api/machines/1/isolate';
    const withProse = joinLines(...requestFence(line), '', 'With this body:', '', ...jsonFence('{"comment": "x"}'));
    assert.deepEqual(found(withProse, 'markdown'), [['wrong-case', '"comment"']]);
    const withHeading = joinLines(...requestFence(line), '', '### Response', '', ...jsonFence('{"comment": "x", "id": "1"}'));
    assert.deepEqual(found(withHeading, 'markdown'), []);
  });

  it('only a method that sends a body takes the next fence, and a body in the http fence itself stays its own', () => {
    const get = joinLines(...requestFence('GET https://api.security.microsoft.com/api/machines/1'), ...jsonFence('{"comment": "x"}'));
    assert.deepEqual(analyze(get, 'markdown').bodies, []);
    const inline = joinLines('```http', 'POST https://api.security.microsoft.com/api/machines/1/offboard', 'Content-Type: application/json', '', '{"Comment": "bye"}', '```', ...jsonFence('{"comment": "x"}'));
    assert.deepEqual(found(inline, 'markdown'), []);
  });

  it('asks for no Content-Type header: the docs list headers in a table', () => {
    const text = joinLines(...requestFence('POST https://api.security.microsoft.com/api/machines/1/offboard'), ...jsonFence('{"Comment": "bye"}'));
    assert.deepEqual(found(text, 'markdown'), []);
    assert.equal(analyze(text, 'markdown').bodies[0]?.operation?.id, 'offboardMachine');
  });
});
