import * as assert from 'node:assert/strict';
import { covered, findingsOf, fixture, type ScriptLanguage } from './javascriptHelpers';

const HOST = 'https://api.securitycenter.microsoft.com';

describe('JavaScript and TypeScript bodies: no false alarms', () => {
  const quiet: [string, ScriptLanguage][] = [
    ['falseAlarms.ts', 'typescript'],
    ['machines.test.ts', 'typescript'],
    ['props.jsx', 'javascriptreact'],
  ];
  for (const [name, language] of quiet) {
    it(`${name} raises nothing`, async () => {
      const text = fixture(name);
      assert.deepEqual(covered(text, await findingsOf(text, language)), []);
    });
  }

  describe('other APIs', () => {
    it("Graph's runHuntingQuery with its lower-case query, through the SDK, fetch and axios", async () => {
      for (const code of [
        "await client.api('/security/runHuntingQuery').post({ query: 'DeviceInfo', Comment: 'x', IsolationType: 'full' });",
        "await client.api('https://graph.microsoft.com/beta/security/runHuntingQuery').version('beta').post({ query: 'DeviceInfo', isolationType: 'full' });",
        "await fetch('https://graph.microsoft.com/v1.0/security/runHuntingQuery', { method: 'POST', body: JSON.stringify({ query: 'DeviceInfo', isolationType: 'full' }) });",
        "const graph = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0' });\nawait graph.post('/security/runHuntingQuery', { query: 'DeviceInfo', isolationType: 'full' });",
      ]) {
        assert.deepEqual(await findingsOf(code), [], code);
      }
    });

    it('the same body sent to Defender is checked: the host alone made the difference', async () => {
      const code = `await fetch('${HOST}/api/advancedqueries/run', { method: 'POST', body: JSON.stringify({ query: 'DeviceInfo', isolationType: 'full' }) });`;
      assert.ok((await findingsOf(code)).length > 0);
    });

    it('Azure Resource Manager and Sentinel', async () => {
      const code = [
        "const ARM = 'https://management.azure.com';",
        "await axios.put(`${ARM}/subscriptions/s/providers/Microsoft.SecurityInsights/incidents/1?api-version=2023-02-01`, { properties: { title: 't', severity: 'High' }, comment: 'x', isolationType: 'full' });",
        '',
      ].join('\n');
      assert.deepEqual(await findingsOf(code), []);
    });

    it('a file that only names other APIs infers nothing from keys', async () => {
      const code = "// Talks to https://graph.microsoft.com only.\nconst body = { comment: 'x', isolationType: 'full' };\n";
      assert.deepEqual(await findingsOf(code), []);
      assert.ok((await findingsOf(code.replace('graph.microsoft.com', 'example.com'))).length > 0, 'the same body alone is inferred');
    });
  });

  describe('objects that are not request bodies', () => {
    it('an object built from a response, never sent', async () => {
      assert.deepEqual(await findingsOf('const summary = { isolationType: r.type, comment: r.requestorComment };\n'), []);
    });

    it('config, options, state, props and styles, by their names', async () => {
      for (const name of ['config', 'defaultOptions', 'initialState', 'buttonProps', 'styles', 'settings', 'expected']) {
        const code = `const ${name} = { comment: 'x', isolationType: 'full' };\n`;
        assert.deepEqual(await findingsOf(code), [], name);
      }
      assert.ok((await findingsOf("const body = { comment: 'x', isolationType: 'full' };\n")).length > 0, 'a body by its name is inferred');
    });

    it('arguments of calls that send nothing we know: hooks, SDK wrappers', async () => {
      for (const code of [
        "const [form, setForm] = useState({ comment: '', isolationType: 'full' });",
        "await defender.machines.isolate(id, { comment: 'x', isolationType: 'full' });",
        "setState({ comment: 'x', isolationType: 'full' });",
      ]) {
        assert.deepEqual(await findingsOf(code), [], code);
      }
    });

    it('React props and JSX values', async () => {
      const code = "export const Panel = () => <Dialog initial={{ comment: 'x', isolationType: 'full' }} style={{ isolationType: 1 }} />;\n";
      assert.deepEqual(await findingsOf(code, 'typescriptreact'), []);
      assert.deepEqual(await findingsOf(code, 'javascriptreact'), []);
    });

    it('values nested in other objects and arrays, as in an n8n node description', async () => {
      const code = "export const node = { properties: [{ name: 'isolationType', default: 'full', routing: { send: { property: 'IsolationType', value: 'full' } } }], isolationTypes: [{ comment: 'x', isolationType: 'full' }] };\n";
      assert.deepEqual(await findingsOf(code), []);
    });

    it('TypeScript interfaces and types: type literals are not object literals', async () => {
      const code = [
        'interface IsolateRequest { comment: string; isolationType: "full" | "selective" }',
        'type Scan = { comment: string; scanType: "quick" };',
        'function isolate(body: { comment: string; isolationType: string }): { comment: string } { return body; }',
        '',
      ].join('\n');
      assert.deepEqual(await findingsOf(code), []);
    });

    it("a test file's plain objects", async () => {
      const code = "describe('isolate', () => {\n  it('sends', () => {\n    const body = { comment: 'x', isolationType: 'full' };\n    nock(host).post('/api/machines/1/isolate', { comment: 'x', isolationType: 'full' });\n  });\n});\n";
      assert.deepEqual(await findingsOf(code), []);
      const outsideATest = code.replace("describe('isolate', () => {\n  it('sends', () => {", 'function f() {\n  {').replace('  });\n});', '  }\n}');
      assert.ok((await findingsOf(outsideATest)).length > 0, 'the same code outside a test is checked');
    });
  });
});
