import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHttpDocument, splitBlocks } from '../../../src/core/http/httpParser';
import { maskBody } from '../../../src/core/json/maskedBody';
import { joinLines } from '../helpers/text';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/requests', name), 'utf8');

describe('.http parser', () => {
  it('splits on ### lines into blocks that tile the text', () => {
    const text = joinLines('GET /api/a', '### named', 'GET /api/b', '###', 'GET /api/c');
    const blocks = splitBlocks(text);
    assert.deepEqual(
      blocks.map((span) => text.slice(span.start, span.end)),
      ['GET /api/a\n', '### named\nGET /api/b\n', '###\nGET /api/c'],
    );
    assert.deepEqual(
      parseHttpDocument(text).map((block) => block.request?.url),
      ['/api/a', '/api/b', '/api/c'],
    );
  });

  it('reads the method, URL and HTTP version, each part optional but the URL', () => {
    const urls = ['POST https://h/api/x HTTP/1.1', 'POST https://h/api/x', 'https://h/api/x HTTP/2', '{{host}}/api/x'].map((line) => {
      const [block] = parseHttpDocument(line);
      return [block.request?.method, block.request?.url];
    });
    assert.deepEqual(urls, [
      ['POST', 'https://h/api/x'],
      ['POST', 'https://h/api/x'],
      [undefined, 'https://h/api/x'],
      [undefined, '{{host}}/api/x'],
    ]);
  });

  it('skips file variables and comments before the request line', () => {
    const blocks = parseHttpDocument(fixture('rest-client-dialect.http'));
    const first = blocks.find((block) => block.request)!;
    assert.equal(first.request!.method, 'POST');
    assert.equal(first.request!.url, '{{host}}/api/machines/{{machineId}}/isolate');
  });

  it('appends ? and & continuation lines to the URL', () => {
    const blocks = parseHttpDocument(fixture('rest-client-dialect.http'));
    const indicator = blocks.map((block) => block.request).find((request) => request?.url.includes('indicators'))!;
    assert.equal(indicator.url, 'https://api.security.microsoft.com/api/v1.0/indicators?source=script&dryRun=false');
    assert.equal(indicator.headers[0].name, 'Content-Type');
  });

  it('records whole-line comments in a body and masks them with spaces', () => {
    const text = fixture('rest-client-dialect.http');
    const indicator = parseHttpDocument(text)
      .map((block) => block.request)
      .find((request) => request?.url.includes('indicators'))!;
    assert.equal(indicator.body!.commentLines.length, 2);
    const masked = maskBody(text, indicator.body!, indicator.body!.commentLines);
    assert.equal(masked.text.length, indicator.body!.end - indicator.body!.start);
    assert.ok(!masked.text.includes('REST Client strips'));
    assert.doesNotThrow(() => JSON.parse(masked.text));
  });

  it('masks {{placeholders}} with same-length JSON, quoted or not', () => {
    const text = '{"a": "{{x}}", "b": {{count}}, "c": "pre-{{y}}-post"}';
    const masked = maskBody(text, { start: 0, end: text.length });
    assert.equal(masked.text.length, text.length);
    assert.deepEqual(JSON.parse(masked.text), { a: '_____', b: 0, c: 'pre-_____-post' });
    assert.equal(masked.placeholders.length, 3);
  });

  it('marks < file includes, which are not validated', () => {
    const requests = parseHttpDocument(fixture('rest-client-dialect.http')).map((block) => block.request);
    const scan = requests.find((request) => request?.url.includes('runAntiVirusScan'))!;
    assert.equal(scan.body?.kind, 'file');
  });

  it('ends the request at a response status line and reads the response', () => {
    const text = joinLines('POST https://h/api/x', 'Content-Type: application/json', '', '{"a": 1}', '', 'HTTP/1.1 400 Bad Request', 'Retry-After: 5', '', '{"error": {}}');
    const [block] = parseHttpDocument(text);
    assert.equal(text.slice(block.request!.body!.start, block.request!.body!.end), '{"a": 1}');
    assert.equal(block.responses.length, 1);
    assert.equal(block.responses[0].status, 400);
    assert.equal(block.responses[0].headers[0].value, '5');
    assert.equal(text.slice(block.responses[0].body!.start, block.responses[0].body!.end), '{"error": {}}');
  });

  it('reads a response document with no request (REST Client and httpYac response views)', () => {
    const [block] = parseHttpDocument(joinLines('HTTP/1.1 404 Not Found', 'Content-Type: application/json', '', '{}'));
    assert.equal(block.request, undefined);
    assert.equal(block.responses[0].status, 404);
  });

  it('bounds each pasted response: its body from the first to the last non-blank line, its end at the last line before the next status line', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const lines = ['HTTP/1.1 200 OK', 'Content-Type: application/json', '', '', '  {"value": [', '', '  ]}', '   ', 'HTTP/1.1 204 No Content', 'Date: x', 'HTTP/1.1 500 Oops', '', ' ', ''];
      const text = lines.join(eol);
      const [block] = parseHttpDocument(text);
      const [ok, empty, failed] = block.responses;
      const slice = (span?: { start: number; end: number }) => (span ? text.slice(span.start, span.end) : undefined);
      assert.equal(slice(ok.body), ['  {"value": [', '', '  ]}'].join(eol), JSON.stringify(eol));
      assert.equal(slice(ok), lines.slice(0, 8).join(eol));
      assert.equal(empty.body, undefined);
      assert.equal(slice(empty), 'HTTP/1.1 204 No Content' + eol + 'Date: x');
      assert.equal(failed.body, undefined);
      assert.equal(slice(failed), ['HTTP/1.1 500 Oops', '', ' '].join(eol));
    }
  });

  it('keeps exact offsets with CRLF and lone CR line endings', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      const text = ['POST https://h/api/x', 'Content-Type: application/json', '', '{"a": 1}'].join(eol);
      const [block] = parseHttpDocument(text);
      assert.equal(text.slice(block.request!.body!.start, block.request!.body!.end), '{"a": 1}', JSON.stringify(eol));
    }
  });

  it('stops the body at a JetBrains response handler', () => {
    const text = joinLines('POST https://h/api/x', '', '{"a": 1}', '', '> {% client.global.set("id", response.body.id); %}');
    const [block] = parseHttpDocument(text);
    assert.equal(text.slice(block.request!.body!.start, block.request!.body!.end), '{"a": 1}');
  });
});
