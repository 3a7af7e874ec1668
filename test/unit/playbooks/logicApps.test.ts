import * as assert from 'node:assert/strict';
import { analyze, fixAll, fixture, found, standardWorkflow } from './helpers';

const httpAction = (uri: string, body: string, method = 'POST') => `{"type": "Http", "inputs": {"method": "${method}", "uri": ${JSON.stringify(uri)}, "body": ${body}}}`;
const connectorAction = (connection: string, path: string, body: string) =>
  `{"type": "ApiConnection", "inputs": {"host": {"connection": ${connection}}, "method": "post", "path": ${JSON.stringify(path)}, "body": ${body}}}`;
const wdatp = `{"name": "@parameters('$connections')['wdatp']['connectionId']"}`;

describe('Logic Apps workflows', () => {
  describe('the fixtures', () => {
    it('an ARM playbook: both action kinds, in If/else, Scope, Foreach, Switch cases and default, Until', () => {
      const text = fixture('arm-playbook.json');
      assert.deepEqual(found(text), [
        ['wrong-case', '"comment"'],
        ['invalid-value', '"full"'],
        ['wrong-case', '"scanType"'],
        ['invalid-value', '"quick"'],
        ['wrong-case', '"IndicatorValue"'],
        ['invalid-value', '"high"'],
        ['wrong-case', '"value"'],
      ]);
      assert.deepEqual(
        analyze(text).bodies.map((body) => body.operation?.id),
        ['isolateMachine', 'runAntiVirusScan', 'submitIndicator', 'addOrRemoveMachineTag'],
      );
    });

    it('an ARM playbook: fix-all gives the corrected template exactly, which has nothing left to report', () => {
      assert.equal(fixAll(fixture('arm-playbook.json')), fixture('arm-playbook.fixed.json'));
      assert.deepEqual(found(fixture('arm-playbook.fixed.json')), []);
    });

    it('a Logic Apps Standard workflow: only the Defender calls are checked', () => {
      const text = fixture('standard-workflow.json');
      assert.deepEqual(found(text), [['wrong-case', '"comment"']]);
      assert.equal(fixAll(text), fixture('standard-workflow.fixed.json'));
      assert.deepEqual(found(fixture('standard-workflow.fixed.json')), []);
    });
  });

  describe('recognised by $schema and shape', () => {
    const actions = `{"Isolate": ${httpAction('https://api.security.microsoft.com/api/machines/1/isolate', '{"comment": "x"}')}}`;

    it('a definition of its own, a Standard workflow, an ARM resource at any depth', () => {
      const definition = `{"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#", "actions": ${actions}}`;
      const template = (resource: string) => `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [${resource}]}`;
      const workflowResource = `{"type": "Microsoft.Logic/workflows", "properties": {"definition": {"actions": ${actions}}}}`;
      const nestedDeployment = `{"type": "Microsoft.Resources/deployments", "properties": {"template": {"resources": [${workflowResource}]}}}`;
      const childResource = `{"type": "Microsoft.Web/sites", "resources": [${workflowResource}]}`;
      for (const text of [definition, standardWorkflow(actions), template(workflowResource), template(nestedDeployment), template(childResource)]) {
        assert.deepEqual(found(text), [['wrong-case', '"comment"']], text);
      }
    });

    it('a file name says nothing: the same actions without a workflow around them are one JSON body among others', () => {
      assert.deepEqual(found(`{"actions": ${actions}}`), []);
    });
  });

  describe('workflow and template expressions', () => {
    it('never reports a value that is an expression, and still checks the key beside it', () => {
      const body = `{"comment": "@{triggerBody()?['reason']}", "IsolationType": "@variables('kind')", "Comment2": "x"}`;
      const text = standardWorkflow(`{"A": ${httpAction('https://api.security.microsoft.com/api/machines/1/isolate', body)}}`);
      assert.deepEqual(found(text), [
        ['wrong-case', '"comment"'],
        ['unknown-parameter', '"Comment2"'],
      ]);
    });

    it('ARM template expressions are values too, inside a template only', () => {
      const body = `{"Comment": "x", "IsolationType": "[parameters('kind')]"}`;
      const action = `{"A": ${httpAction('https://api.security.microsoft.com/api/machines/1/isolate', body)}}`;
      const inTemplate = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Logic/workflows", "properties": {"definition": {"actions": ${action}}}}]}`;
      assert.deepEqual(found(inTemplate), []);
      assert.deepEqual(found(standardWorkflow(action)), [['invalid-value', `"[parameters('kind')]"`]]);
    });

    it('a URI built from expressions matches any segment, and a host named outright must be the API', () => {
      const body = '{"comment": "x"}';
      for (const uri of [
        "https://api.securitycenter.microsoft.com/api/machines/@{items('Each')?['id']}/isolate",
        "@{parameters('base')}/api/machines/@{variables('id')}/isolate",
        "@{parameters('base')}/machines/@{variables('id')}/isolate",
        "[concat(parameters('base'), '/api/machines/', parameters('id'), '/isolate')]",
        "[format('{0}/api/machines/{1}/isolate', parameters('base'), parameters('id'))]",
      ]) {
        const template = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Logic/workflows", "properties": {"definition": {"actions": {"A": ${httpAction(uri, body)}}}}}]}`;
        assert.deepEqual(found(template), [['wrong-case', '"comment"']], uri);
      }
      for (const uri of ['https://tickets.example.com/api/machines/1/isolate', "@{variables('anywhere')}", "@concat(variables('a'), '/isolate')"]) {
        assert.deepEqual(found(standardWorkflow(`{"A": ${httpAction(uri, body)}}`)), [], uri);
      }
    });

    it('a body that is one expression as a whole is not looked into', () => {
      const text = standardWorkflow(`{"A": {"type": "Http", "inputs": {"method": "POST", "uri": "https://api.security.microsoft.com/api/machines/1/isolate", "body": "@body('Compose')"}}}`);
      assert.deepEqual(analyze(text).bodies, []);
    });
  });

  describe('the Defender for Endpoint connector', () => {
    const path = "/api/machines/@{encodeURIComponent(triggerBody()?['id'])}/runAntiVirusScan";
    const body = '{"Comment": "x", "scantype": "Quick"}';

    it('by the wdatp connection name, by referenceName, or by a $connections entry whose id is the wdatp managed API', () => {
      const byName = standardWorkflow(`{"Scan": ${connectorAction(wdatp, path, body)}}`);
      const byReference = standardWorkflow(`{"Scan": ${connectorAction('{"referenceName": "wdatp_1"}', path, body)}}`);
      const byId = `{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#", "resources": [{"type": "Microsoft.Logic/workflows", "properties": {
        "definition": {"actions": {"Scan": ${connectorAction(`{"name": "@parameters('$connections')['defender']['connectionId']"}`, path, body)}}},
        "parameters": {"$connections": {"value": {"defender": {"id": "[concat(subscription().id, '/providers/Microsoft.Web/locations/', resourceGroup().location, '/managedApis/wdatp')]"}}}}}}]}`;
      for (const text of [byName, byReference, byId]) {
        assert.deepEqual(found(text), [['wrong-case', '"scantype"']], text);
      }
    });

    it('leaves alone other connectors, whatever their path', () => {
      const sentinel = `{"name": "@parameters('$connections')['azuresentinel']['connectionId']"}`;
      assert.deepEqual(found(standardWorkflow(`{"Scan": ${connectorAction(sentinel, path, body)}}`)), []);
    });
  });

  describe('methods', () => {
    it('a body sent with GET, and a documented path called with the wrong method', () => {
      const get = standardWorkflow(`{"A": ${httpAction('https://api.security.microsoft.com/api/machines/1/isolate', '{"Comment": "x"}', 'GET')}}`);
      assert.deepEqual(found(get), [['body-on-get', '"GET"']]);
      const put = standardWorkflow(`{"A": ${httpAction('https://api.security.microsoft.com/api/machines/1/isolate', '{"Comment": "x"}', 'put')}}`);
      assert.deepEqual(found(put), [['wrong-method', '"put"']]);
    });
  });
});
