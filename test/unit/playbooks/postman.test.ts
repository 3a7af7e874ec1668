import * as assert from 'node:assert/strict';
import { analyze, collection, fixAll, fixture, found } from './helpers';

const request = (method: string, url: string, body: string) => `{"name": "r", "request": {"method": "${method}", "header": [], "body": ${body}, "url": ${url}}}`;
const raw = (json: string) => JSON.stringify({ mode: 'raw', raw: json, options: { raw: { language: 'json' } } });
const isolateUrl = JSON.stringify('{{baseUrl}}/api/machines/{{machineId}}/isolate');

describe('Postman collections', () => {
  describe('the fixture', () => {
    it('a v2.1 collection with nested folders: findings on the escaped text itself', () => {
      assert.deepEqual(found(fixture('postman-collection.json')), [
        ['wrong-case', '\\"comment\\"'],
        ['wrong-case', '\\"isolationType\\"'],
        ['wrong-case', '\\"scantype\\"'],
        ['invalid-value', '\\"full\\"'],
        ['invalid-value', '\\"fileSha256\\"'],
        ['wrong-case', '\\"Action\\"'],
      ]);
    });

    it('fix-all writes escaped text and gives the corrected collection exactly, with nothing left to report', () => {
      assert.equal(fixAll(fixture('postman-collection.json')), fixture('postman-collection.fixed.json'));
      assert.deepEqual(found(fixture('postman-collection.fixed.json')), []);
    });
  });

  it('reads v2.0 collections too, and nothing that only looks like one', () => {
    const items = `[${request('POST', isolateUrl, raw('{"comment": "x"}'))}]`;
    assert.deepEqual(found(collection(items, '2.0.0')), [['wrong-case', '\\"comment\\"']]);
    assert.deepEqual(found(collection(items, '1.0.0')), []);
  });

  it('maps every escape to its exact place: \\u escapes, \\\\ and \\/ before the key', () => {
    const json = '{"Comment": "caf\\u00e9 \\\\ \\/", "isolationtype": "Full"}';
    const text = collection(`[${request('POST', isolateUrl, raw(json))}]`);
    assert.deepEqual(found(text), [['wrong-case', '\\"isolationtype\\"']]);
    assert.equal(fixAll(text), text.replace('isolationtype', 'IsolationType'));
  });

  it('reads the URL as a string, as raw, or in parts, with {{variables}} and :path variables standing for any segment', () => {
    for (const url of [
      JSON.stringify('https://api.security.microsoft.com/api/machines/:id/isolate'),
      JSON.stringify({ raw: '{{baseUrl}}/api/machines/{{id}}/isolate' }),
      JSON.stringify({ protocol: 'https', host: ['api', 'securitycenter', 'microsoft', 'com'], path: ['api', 'machines', ':id', 'isolate'] }),
      JSON.stringify({ host: ['{{baseUrl}}'], path: ['machines', '{{id}}', 'isolate'] }),
    ]) {
      assert.deepEqual(found(collection(`[${request('POST', url, raw('{"comment": "x"}'))}]`)), [['wrong-case', '\\"comment\\"']], url);
    }
  });

  it('leaves other APIs alone', () => {
    const graph = request('POST', JSON.stringify('https://graph.microsoft.com/v1.0/security/runHuntingQuery'), raw('{"query": "DeviceInfo"}'));
    const other = request('POST', JSON.stringify('https://tickets.example.com/api/machines/1/isolate'), raw('{"comment": "x"}'));
    assert.deepEqual(found(collection(`[${graph}, ${other}]`)), []);
  });

  it('reports a form body sent to a JSON operation', () => {
    for (const mode of ['formdata', 'urlencoded']) {
      const body = JSON.stringify({ mode, [mode]: [{ key: 'Comment', value: 'x', type: 'text' }] });
      assert.deepEqual(found(collection(`[${request('POST', isolateUrl, body)}]`)), [['form-encoded-body', `"${mode}"`]]);
    }
    const upload = JSON.stringify({ mode: 'formdata', formdata: [{ key: 'file', type: 'file', src: 'a.ps1' }] });
    assert.deepEqual(found(collection(`[${request('POST', JSON.stringify('{{baseUrl}}/api/libraryfiles'), upload)}]`)), []);
  });

  it('reports a body on a GET, and says nothing of an empty one', () => {
    assert.deepEqual(found(collection(`[${request('GET', isolateUrl, raw('{"Comment": "x"}'))}]`)), [['body-on-get', '"GET"']]);
    assert.deepEqual(found(collection(`[${request('GET', JSON.stringify('{{baseUrl}}/api/machines'), raw(''))}]`)), []);
  });

  it('skips a disabled body and a raw body that is not a JSON object', () => {
    const disabled = JSON.stringify({ mode: 'raw', raw: '{"comment": "x"}', disabled: true });
    const text = JSON.stringify({ mode: 'raw', raw: 'comment=x' });
    assert.deepEqual(analyze(collection(`[${request('POST', isolateUrl, disabled)}, ${request('POST', isolateUrl, text)}]`)).bodies, []);
  });
});
