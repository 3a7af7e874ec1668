import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { joinLines } from '../helpers/text';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/requests', name), 'utf8');
const analyze = (text: string, kind: Parameters<typeof analyzeDocument>[1] = 'http') => analyzeDocument(text, kind, catalogMatcher);
const codes = (text: string, kind: Parameters<typeof analyzeDocument>[1] = 'http') => analyze(text, kind).findings.map((f) => f.code);

describe('request analyzer', () => {
  it('finds nothing wrong in correct REST Client requests with variables, comments and continuations', () => {
    assert.deepEqual(analyze(fixture('rest-client-dialect.http')).findings, []);
  });

  it('flags each wrongly cased key, PascalCase and camelCase operations alike', () => {
    const text = fixture('wrong-casing.http');
    const findings = analyze(text).findings;
    assert.deepEqual(
      findings.map((f) => [f.code, text.slice(f.start, f.end), f.args.expected]),
      [
        ['wrong-case', '"comment"', 'Comment'],
        ['wrong-case', '"scantype"', 'ScanType'],
        ['wrong-case', '"IndicatorValue"', 'indicatorValue'],
        ['wrong-case', '"Action"', 'action'],
      ],
    );
  });

  it('matches the URL on any host, API version, letter case and query string', () => {
    for (const url of [
      'https://api.securitycenter.microsoft.com/api/machines/1/isolate',
      'https://api.security.microsoft.com/api/v1.0/machines/1/isolate',
      'https://api-eu.securitycenter.microsoft.com/API/Machines/1/Isolate?x=1',
      'https://api-gov.securitycenter.microsoft.us/api/machines/{{id}}/isolate',
      '{{host}}/api/machines/{{id}}/isolate',
      '{{baseUrl}}/machines/{{id}}/isolate',
    ]) {
      assert.equal(catalogMatcher.matchUrl('POST', url).operation?.id, 'isolateMachine', url);
    }
  });

  it('flags a documented path used with the wrong method', () => {
    const text = joinLines('GET https://api.security.microsoft.com/api/alerts/123', '', '{"status": "Resolved"}');
    assert.deepEqual(codes(text), ['body-on-get']);
    const post = joinLines('POST https://api.security.microsoft.com/api/alerts/123', 'Content-Type: application/json', '', '{"status": "Resolved"}');
    assert.deepEqual(codes(post), ['wrong-method']);
  });

  it('flags a JSON body sent without a JSON content type', () => {
    const text = joinLines('POST https://api.security.microsoft.com/api/machines/1/offboard', '', '{"Comment": "bye"}');
    assert.deepEqual(codes(text), ['missing-content-type']);
  });

  it('flags a comment after JSON on the same line, because it is sent', () => {
    const text = joinLines('POST https://api.security.microsoft.com/api/machines/1/offboard', 'Content-Type: application/json', '', '{"Comment": "bye"} // why');
    assert.deepEqual(codes(text), ['sent-comment']);
  });

  it('does not JSON-validate a multipart upload', () => {
    const text = joinLines(
      'POST https://api.security.microsoft.com/api/libraryfiles',
      'Content-Type: multipart/form-data; boundary=b',
      '',
      '--b',
      'Content-Disposition: form-data; name="file"; filename="a.ps1"',
      '',
      'Write-Host hi',
      '--b--',
    );
    assert.deepEqual(codes(text), []);
  });

  it('validates a JSON file named by an mde: directive', () => {
    const text = joinLines('// mde: POST /api/machines/{id}/isolate', '{"comment": "x"}');
    assert.deepEqual(codes(text, 'json'), ['wrong-case']);
  });

  it('infers the operation of a JSON file from its keys, and says so', () => {
    const [finding] = analyze('{"indicatorValue": "1.2.3.4", "IndicatorType": "IpAddress", "action": "Alert", "title": "t", "description": "d"}', 'json').findings;
    assert.equal(finding.code, 'wrong-case');
    assert.equal(finding.args.inferred, 'submitIndicator');
  });

  it('leaves unrelated JSON files alone', () => {
    assert.deepEqual(codes('{"compilerOptions": {"strict": true}}', 'json'), []);
    assert.deepEqual(codes('{"error": {"code": "BadRequest"}}', 'json'), []);
  });

  it('validates ```http fences in Markdown', () => {
    const text = joinLines('# Notes', '```http', 'POST https://api.security.microsoft.com/api/machines/1/offboard', 'Content-Type: application/json', '', '{"comment": "x"}', '```');
    assert.deepEqual(codes(text, 'markdown'), ['wrong-case']);
  });
});
