import * as assert from 'node:assert/strict';
import { analyze, covered, findingsOf, fixedOnce, type ScriptLanguage } from './javascriptHelpers';

const HOST = 'https://api.securitycenter.microsoft.com';

/** The one body's operation and the target its call resolved. */
async function sent(text: string, language: ScriptLanguage = 'typescript') {
  const { bodies } = await analyze(text, language);
  assert.equal(bodies.length, 1, `one body in:\n${text}`);
  const [body] = bodies;
  return { operation: body.operation?.id, url: body.target?.url, method: body.target?.method, source: body.target?.source, body };
}

describe('JavaScript and TypeScript bodies: the calls that send them', () => {
  describe('which library call sends the body', () => {
    const cases: { name: string; code: string; operation: string; url: string; method?: string }[] = [
      { name: 'fetch', code: `fetch('${HOST}/api/machines/1/unisolate', { method: 'POST', body: JSON.stringify({ Comment: 'x' }) });`, operation: 'unisolateMachine', url: `${HOST}/api/machines/1/unisolate`, method: 'POST' },
      { name: 'window.fetch', code: `window.fetch('${HOST}/api/machines/1/unisolate', { method: 'post', body: JSON.stringify({ Comment: 'x' }) });`, operation: 'unisolateMachine', url: `${HOST}/api/machines/1/unisolate`, method: 'POST' },
      { name: 'axios.post', code: `axios.post('${HOST}/api/machines/1/unisolate', { Comment: 'x' }, { headers: {} });`, operation: 'unisolateMachine', url: `${HOST}/api/machines/1/unisolate`, method: 'POST' },
      { name: 'axios.patch', code: `axios.patch('${HOST}/api/alerts/7', { status: 'Resolved' });`, operation: 'updateAlert', url: `${HOST}/api/alerts/7`, method: 'PATCH' },
      { name: 'axios(config)', code: `axios({ method: 'patch', url: '${HOST}/api/alerts/7', data: { status: 'Resolved' } });`, operation: 'updateAlert', url: `${HOST}/api/alerts/7`, method: 'PATCH' },
      { name: 'axios(url, config)', code: `axios('${HOST}/api/alerts/7', { method: 'PATCH', data: { status: 'Resolved' } });`, operation: 'updateAlert', url: `${HOST}/api/alerts/7`, method: 'PATCH' },
      { name: 'axios.request(config) with a baseURL', code: `axios.request({ baseURL: '${HOST}/api/', url: 'alerts/7', method: 'PATCH', data: { status: 'Resolved' } });`, operation: 'updateAlert', url: `${HOST}/api/alerts/7`, method: 'PATCH' },
      { name: 'an axios.create instance', code: `const api = axios.create({ baseURL: '${HOST}/api' });\napi.post('/machines/1/unisolate', { Comment: 'x' });`, operation: 'unisolateMachine', url: `${HOST}/api/machines/1/unisolate`, method: 'POST' },
      { name: 'got.post with json', code: `got.post('${HOST}/api/machines/1/unisolate', { json: { Comment: 'x' } });`, operation: 'unisolateMachine', url: `${HOST}/api/machines/1/unisolate`, method: 'POST' },
      { name: 'got(url, { method, json })', code: `got('${HOST}/api/alerts/7', { method: 'PATCH', json: { status: 'Resolved' } });`, operation: 'updateAlert', url: `${HOST}/api/alerts/7`, method: 'PATCH' },
      { name: 'a got.extend instance', code: `const client = got.extend({ prefixUrl: '${HOST}/api' });\nclient.post('machines/1/unisolate', { json: { Comment: 'x' } });`, operation: 'unisolateMachine', url: `${HOST}/api/machines/1/unisolate`, method: 'POST' },
    ];
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const result = await sent(testCase.code);
        assert.deepEqual(
          { operation: result.operation, url: result.url, method: result.method, source: result.source },
          { operation: testCase.operation, url: testCase.url, method: testCase.method, source: 'call' },
        );
      });
    }
  });

  describe('URLs resolved through the file', () => {
    const cases: { name: string; code: string; url: string }[] = [
      { name: 'a template literal with constants', code: `const base = '${HOST}/api';\nconst id = '42';\nfetch(\`\${base}/machines/\${id}/unisolate\`, { method: 'POST', body: '{"Comment": "x"}' });`, url: `${HOST}/api/machines/42/unisolate` },
      { name: 'concatenation with an unknown part', code: `function f(id: string) {\n  return fetch('${HOST}/api/machines/' + id + '/unisolate', { method: 'POST', body: '{"Comment": "x"}' });\n}`, url: `${HOST}/api/machines/{{}}/unisolate` },
      { name: 'new URL with an absolute path', code: `fetch(new URL('/api/machines/1/unisolate', '${HOST}/ignored/path'), { method: 'POST', body: '{"Comment": "x"}' });`, url: `${HOST}/api/machines/1/unisolate` },
      { name: 'new URL with a relative path, and its href', code: `const u = new URL('machines/1/unisolate', '${HOST}/api/');\nfetch(u.href, { method: 'POST', body: '{"Comment": "x"}' });`, url: '{{}}' },
      { name: 'new URL(…).toString()', code: `fetch(new URL('machines/1/unisolate', '${HOST}/api/').toString(), { method: 'POST', body: '{"Comment": "x"}' });`, url: `${HOST}/api/machines/1/unisolate` },
      { name: 'this.baseUrl set once in the class', code: `class C {\n  baseUrl: string;\n  constructor() { this.baseUrl = '${HOST}/api'; }\n  go() { return fetch(\`\${this.baseUrl}/machines/1/unisolate\`, { method: 'POST', body: '{"Comment": "x"}' }); }\n}`, url: `${HOST}/api/machines/1/unisolate` },
      { name: 'a class field', code: `class C {\n  private base = '${HOST}';\n  go = () => fetch(this.base + '/api/machines/1/unisolate', { method: 'POST', body: '{"Comment": "x"}' });\n}`, url: `${HOST}/api/machines/1/unisolate` },
      { name: 'this.baseUrl written twice is unknown', code: `class C {\n  constructor(b: string) { this.baseUrl = '${HOST}'; if (b) { this.baseUrl = b; } }\n  go() { return fetch(this.baseUrl + '/api/machines/1/unisolate', { method: 'POST', body: '{"Comment": "x"}' }); }\n}`, url: '{{}}/api/machines/1/unisolate' },
      { name: 'a member of a config object', code: `const config = { api: { baseUrl: '${HOST}/api' } };\nfetch(config.api.baseUrl + '/machines/1/unisolate', { method: 'POST', body: '{"Comment": "x"}' });`, url: `${HOST}/api/machines/1/unisolate` },
      { name: 'an environment variable is unknown', code: `fetch(\`\${process.env.MDE_URL}/api/machines/1/isolate\`, { method: 'POST', body: '{"Comment": "x", "IsolationType": "Full"}' });`, url: '{{}}/api/machines/1/isolate' },
      { name: 'the later of two `var` declarations', code: `var url = 'https://example.com';\nvar url = '${HOST}/api/machines/1/unisolate';\nfetch(url, { method: 'POST', body: '{"Comment": "x"}' });`, url: `${HOST}/api/machines/1/unisolate` },
      { name: 'a variable reassigned before the call', code: `let url = 'https://example.com';\nurl = '${HOST}/api/machines/1/unisolate';\nfetch(url, { method: 'POST', body: '{"Comment": "x"}' });`, url: `${HOST}/api/machines/1/unisolate` },
    ];
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const { bodies } = await analyze(testCase.code);
        // An unknown URL leaves no target: the body then stands on its keys.
        const target = bodies[0]?.target;
        assert.equal(target?.url ?? '{{}}', testCase.url);
      });
    }

    it('follows the innermost declaration of a name, not an outer one it hides', async () => {
      const text = [
        "const url = 'https://graph.microsoft.com/v1.0/security/runHuntingQuery';",
        'function hunt() {',
        `  const url = '${HOST}/api/advancedqueries/run';`,
        "  return axios.post(url, { query: 'DeviceInfo' });",
        '}',
        "axios.post(url, { query: 'DeviceInfo' });",
        '',
      ].join('\n');
      const findings = await findingsOf(text);
      assert.deepEqual(
        findings.map((finding) => [finding.code, finding.start]),
        [['wrong-case', text.indexOf('query')]],
      );
    });

    it('a parameter of the same name hides an outer constant', async () => {
      const text = `const url = '${HOST}/api/advancedqueries/run';\nfunction hunt(url: string) {\n  return axios.post(url, { query: 'DeviceInfo' });\n}\n`;
      assert.equal((await analyze(text)).bodies[0]?.target, undefined);
    });
  });

  describe('directives', () => {
    it('a directive above the sending statement names the operation over the call', async () => {
      const text = `// mde: POST /api/machines/{id}/unisolate\nawait client.send(path, { comment: 'x' });\n`;
      const result = await sent(text);
      assert.equal(result.operation, 'unisolateMachine');
      assert.equal(result.source, 'directive');
      assert.deepEqual(covered(text, await findingsOf(text)), [['wrong-case', 'comment']]);
    });

    it('a directive above the literal names the operation of the call that later sends it', async () => {
      const text = `// mde: POST /api/machines/{id}/unisolate\nconst body = { comment: 'x' };\nawait fetch(somewhere(), { method: 'POST', body: JSON.stringify(body) });\n`;
      assert.equal((await sent(text)).operation, 'unisolateMachine');
    });

    it("names only the statement's first literal: the others are the call's options", async () => {
      const text = `// mde: POST /api/machines/{id}/unisolate\nawait client.send(path, { Comment: 'x' }, { timeout: 5 });\n`;
      assert.deepEqual(await findingsOf(text), []);
    });
  });

  describe('the method', () => {
    it('reports a wrong method on the method written in the call', async () => {
      const text = `axios.put('${HOST}/api/machines/1/isolate', { Comment: 'x', IsolationType: 'Full' });\n`;
      assert.deepEqual(covered(text, await findingsOf(text)), [['wrong-method', 'put']]);
    });

    it('reports a fetch that sends a body with no method: fetch defaults to GET', async () => {
      const text = `fetch('${HOST}/api/machines/1/isolate', { body: JSON.stringify({ Comment: 'x' }) });\n`;
      assert.deepEqual(covered(text, await findingsOf(text)), [['body-on-get', 'fetch']]);
    });

    it('a method from a variable is followed; an unknown one lets the path name the operation', async () => {
      const known = `const verb = 'GET';\nfetch('${HOST}/api/machines/1/unisolate', { method: verb, body: '{"Comment": "x"}' });\n`;
      assert.deepEqual(covered(known, await findingsOf(known)), [['body-on-get', 'verb']]);
      const unknown = `function f(verb: string) {\n  return fetch('${HOST}/api/machines/1/unisolate', { method: verb, body: '{"comment": "x"}' });\n}\n`;
      assert.deepEqual(covered(unknown, await findingsOf(unknown)), [['wrong-case', '"comment"']]);
    });
  });

  describe('an object given to fetch unserialized', () => {
    it('is reported on the `body` key and wrapped in JSON.stringify by the fix, with its keys fixed in the same fix-all', async () => {
      const text = `fetch('${HOST}/api/machines/1/unisolate', {\n  method: 'POST',\n  body: { comment: 'x' },\n});\n`;
      const findings = await findingsOf(text);
      assert.deepEqual(covered(text, findings), [
        ['unserialized-body', 'body'],
        ['wrong-case', 'comment'],
      ]);
      assert.equal(findings[0].args.operation, 'unisolateMachine');
      assert.equal(findings[0].fixes?.[0].kind, 'serialize-body');
      assert.equal(await fixedOnce(text), text.replace("{ comment: 'x' }", "JSON.stringify({ Comment: 'x' })"));
    });

    it('wraps a variable that holds the object', async () => {
      const text = `const payload = { Comment: 'x' };\nfetch('${HOST}/api/machines/1/unisolate', { method: 'POST', body: payload });\n`;
      const findings = await findingsOf(text);
      assert.deepEqual(covered(text, findings), [['unserialized-body', 'payload']]);
      assert.equal(findings[0].fixes?.[0].args.text, 'JSON.stringify(payload)');
      assert.equal(await fixedOnce(text), text.replace('body: payload', 'body: JSON.stringify(payload)'));
    });

    it('rewrites a shorthand `body` as a property', async () => {
      const text = `const body = { Comment: 'x' };\nfetch('${HOST}/api/machines/1/unisolate', { method: 'POST', body });\n`;
      assert.equal(await fixedOnce(text), text.replace("'POST', body }", "'POST', body: JSON.stringify(body) }"));
    });

    it('is not reported for JSON.stringify, a string, axios or got, nor for another API', async () => {
      for (const code of [
        `fetch('${HOST}/api/machines/1/unisolate', { method: 'POST', body: JSON.stringify({ Comment: 'x' }) });`,
        `axios.post('${HOST}/api/machines/1/unisolate', { Comment: 'x' });`,
        `got.post('${HOST}/api/machines/1/unisolate', { json: { Comment: 'x' } });`,
        "fetch('https://graph.microsoft.com/beta/deviceManagement/managedDevices/1/isolate', { method: 'POST', body: { comment: 'x', isolationType: 'full' } });",
      ]) {
        assert.deepEqual(await findingsOf(code), [], code);
      }
    });
  });

  describe("the script's own helpers", () => {
    it('a helper handed a URL and a body: the URL names the operation, a verb argument the method', async () => {
      const text = `function isolate(id: string) {\n  return request('PUT', \`${HOST}/api/machines/\${id}/isolate\`, { comment: 'x', IsolationType: 'Full' });\n}\n`;
      assert.deepEqual(covered(text, await findingsOf(text)), [
        ['wrong-method', "'PUT'"],
        ['wrong-case', 'comment'],
      ]);
    });

    it("a helper's verb-named method is its method", async () => {
      const text = `class Api {\n  async go(id: string) {\n    return this.post(\`/api/machines/\${id}/isolate\`, { comment: 'x', isolationType: 'Full' });\n  }\n}\n`;
      const result = await sent(text);
      assert.deepEqual([result.operation, result.method, result.url], ['isolateMachine', 'POST', '/api/machines/{{}}/isolate']);
    });

    it('a helper handed a URL of another API says nothing', async () => {
      const text = "await this.post('https://graph.microsoft.com/beta/deviceManagement/managedDevices/1/isolate', { comment: 'x', isolationType: 'full' });\n";
      assert.deepEqual(await findingsOf(text), []);
      const ours = text.replace('graph.microsoft.com/beta/deviceManagement/managedDevices', `${HOST.slice('https://'.length)}/api/machines`);
      assert.equal((await findingsOf(ours)).length, 3);
    });
  });

  it('a body whose URL is unknown stands on its keys', async () => {
    const text = "async function f(url: string) {\n  await axios.post(url, { comment: 'x', isolationType: 'Full' });\n}\n";
    const findings = await findingsOf(text);
    assert.deepEqual(covered(text, findings), [
      ['wrong-case', 'comment'],
      ['wrong-case', 'isolationType'],
    ]);
    assert.equal(findings[0].args.inferred, 'isolateMachine');
  });
});
