import * as assert from 'node:assert/strict';
import { analyze } from './helpers';

/** JSON documents that are neither bodies nor playbooks: nothing is reported, nothing is claimed. */
describe('no false alarms in JSON documents', () => {
  const quiet = (text: string) => {
    const analysis = analyze(text);
    assert.deepEqual(analysis.findings, []);
    assert.deepEqual(analysis.bodies, []);
  };

  it('package.json, tsconfig.json and settings.json', () => {
    quiet(
      JSON.stringify({
        name: 'x',
        version: '1.0.0',
        scripts: { test: 'mocha' },
        contributes: { jsonValidation: [{ fileMatch: 'workflow.json', url: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#' }] },
      }),
    );
    quiet('{\n  // comments are fine here\n  "compilerOptions": {"strict": true, "target": "ES2022",},\n  "include": ["src"]\n}');
    quiet(JSON.stringify({ 'editor.formatOnSave': true, 'json.schemas': [{ fileMatch: ['*.json'], url: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }] }));
  });

  it('an ARM template without workflows', () => {
    quiet(
      JSON.stringify({
        $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
        resources: [{ type: 'Microsoft.Storage/storageAccounts', name: 'x', properties: { comment: 'x', IsolationType: 'full', Comment: 'y' } }],
      }),
    );
  });

  it('a workflow that calls other APIs with bodies whose keys look like the API’s', () => {
    quiet(
      JSON.stringify({
        definition: {
          $schema: 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#',
          actions: {
            Graph: { type: 'Http', inputs: { method: 'POST', uri: 'https://graph.microsoft.com/v1.0/security/runHuntingQuery', body: { query: 'DeviceInfo' } } },
            Teams: { type: 'ApiConnection', inputs: { host: { connection: { referenceName: 'teams' } }, method: 'post', path: '/api/machines/1/isolate', body: { comment: 'x' } } },
            Compose: { type: 'Compose', inputs: { Comment: 'x', isolationtype: 'full' } },
          },
        },
        kind: 'Stateful',
      }),
    );
  });

  it('large unrelated JSON, even when it names a schema the detector looks for', () => {
    const rows = Array.from({ length: 20000 }, (_, index) => ({ id: index, comment: `row ${index}`, status: 'active', tags: ['a', 'b'] }));
    quiet(JSON.stringify({ note: 'see deploymentTemplate.json# for the template', rows }));
  });
});
