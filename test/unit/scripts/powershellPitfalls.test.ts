import * as assert from 'node:assert/strict';
import { assertRepair, assertSilent, findingsOf, marked } from './powershellHelpers';

const liveResponseUri = '"https://api.securitycenter.microsoft.com/api/machines/$id/runliveresponse"';
const liveResponse = [
  '$body = @{',
  "  Commands = @(@{ type = 'RunScript'; params = @(@{ key = 'ScriptName'; value = 'collect.ps1' }) })",
  "  Comment = 'triage'",
  '}',
];

describe('PowerShell send pitfalls', () => {
  describe('shallow-json-depth', () => {
    it('marks a ConvertTo-Json without -Depth on a body nested deeper than 2, and inserts -Depth 10', async () => {
      const text = [...liveResponse, `Invoke-RestMethod -Method Post -Uri ${liveResponseUri} -Body ($body | ConvertTo-Json) -ContentType 'application/json'`].join('\n');
      await assertRepair(text, [['shallow-json-depth', 'ConvertTo-Json']], text.replace('ConvertTo-Json)', 'ConvertTo-Json -Depth 10)'));
      const [finding] = await findingsOf(text);
      assert.equal(finding.args.operation, 'runLiveResponse');
      assert.equal(finding.fixes?.[0].kind, 'add-json-depth');
    });

    it('counts arrays and tables alike: a table in an array in the root is still within depth 2', async () => {
      const text = [
        "$body = @{ Indicators = @(@{ indicatorValue = 'contoso.com'; indicatorType = 'DomainName'; action = 'Block'; title = 't'; description = 'd' }) }",
        "Invoke-RestMethod -Method Post -Uri 'https://api.securitycenter.microsoft.com/api/indicators/import' -Body ($body | ConvertTo-Json)",
      ].join('\n');
      await assertSilent(text);
      const deeper = text.replace("description = 'd'", "description = 'd'; rbacGroupNames = @('soc')");
      assert.deepEqual(await marked(deeper), [['shallow-json-depth', 'ConvertTo-Json']]);
    });

    it('accepts any -Depth, written in full, by prefix or through -InputObject', async () => {
      for (const convert of ['$body | ConvertTo-Json -Depth 4', '$body | ConvertTo-Json -Dep 4 -Compress', 'ConvertTo-Json -InputObject $body -depth 5']) {
        await assertSilent([...liveResponse, `Invoke-RestMethod -Method Post -Uri ${liveResponseUri} -Body (${convert})`].join('\n'));
      }
    });

    it('follows the body through variables and GetBytes, and reports a wrapper\'s ConvertTo-Json once', async () => {
      const text = [
        ...liveResponse,
        '$json = ConvertTo-Json $body',
        `Invoke-RestMethod -Method Post -Uri ${liveResponseUri} -Body ([Text.Encoding]::UTF8.GetBytes($json))`,
        'function Invoke-Mde($Path, $Payload) { Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api$Path" -Body ($Payload | ConvertTo-Json) }',
        "Invoke-Mde -Path \"/machines/$a/runliveresponse\" -Payload @{ Commands = @(@{ type = 'GetFile'; params = @(@{ key = 'Path'; value = 'C:\\a' }) }) }",
        "Invoke-Mde -Path \"/machines/$b/runliveresponse\" -Payload @{ Commands = @(@{ type = 'GetFile'; params = @(@{ key = 'Path'; value = 'C:\\b' }) }) }",
      ].join('\n');
      const wrapperConvert = text.indexOf('ConvertTo-Json', text.indexOf('function'));
      assert.deepEqual(
        (await findingsOf(text)).map((finding) => [finding.code, finding.start]),
        [
          ['shallow-json-depth', text.indexOf('ConvertTo-Json')],
          ['shallow-json-depth', wrapperConvert],
        ],
      );
      const fixed = text.replace('ConvertTo-Json $body', 'ConvertTo-Json -Depth 10 $body').replace('$Payload | ConvertTo-Json)', '$Payload | ConvertTo-Json -Depth 10)');
      await assertRepair(text, await marked(text), fixed);
    });

    it('says nothing when the operation takes no JSON or is not ours', async () => {
      await assertSilent(
        [
          ...liveResponse,
          'Invoke-RestMethod -Method Post -Uri "https://graph.microsoft.com/beta/security/runHuntingQuery" -Body ($body | ConvertTo-Json)',
        ].join('\n'),
      );
    });
  });

  describe('form-encoded-body', () => {
    it('marks a table given to -Body as it is, and wraps only the argument in ConvertTo-Json', async () => {
      const text = [
        "$body = @{ Comment = 'x'; IsolationType = 'Full' }",
        'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/isolate" -Body $body',
      ].join('\n');
      await assertRepair(text, [['form-encoded-body', '$body']], text.replace('-Body $body', '-Body ($body | ConvertTo-Json -Depth 10)'));
      const [finding] = await findingsOf(text);
      assert.equal(finding.fixes?.[0].kind, 'serialize-body');
      assert.equal(finding.fixes?.[0].args.text, '($body | ConvertTo-Json -Depth 10)');
    });

    it('wraps a table written in place, fixing its keys in the same fix-all', async () => {
      const text = [
        'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/isolate" -Body @{',
        "  comment = 'x'",
        '}',
      ].join('\n');
      await assertRepair(
        text,
        [
          ['form-encoded-body', '@{'],
          ['wrong-case', 'comment'],
        ],
        ['Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/isolate" -Body (@{', "  Comment = 'x'", '} | ConvertTo-Json -Depth 10)'].join('\n'),
      );
    });

    it('marks the Body entry of a splatted table and an [ordered] table', async () => {
      const text = [
        "$body = [ordered]@{ Comment = 'x' }",
        '$p = @{ Uri = "https://api.securitycenter.microsoft.com/api/machines/$id/offboard"; Method = "Post"; Body = $body }',
        'Invoke-RestMethod @p',
      ].join('\n');
      await assertRepair(text, [['form-encoded-body', '$body']], text.replace('Body = $body', 'Body = ($body | ConvertTo-Json -Depth 10)'));
    });

    it('takes a table given to a GET, the default method, for the query string it becomes', async () => {
      await assertSilent(
        [
          '$base = "https://api.securitycenter.microsoft.com/api"',
          "Invoke-RestMethod -Uri \"$base/machines/$id\" -Body @{ '$select' = 'id,computerDnsName' }",
          "Invoke-RestMethod -Method Get -Uri \"$base/machines/$id\" -Body @{ machineTags = 'x' }",
        ].join('\n'),
      );
    });

    it('says nothing about a JSON string, a serialized table, or a table sent to another API', async () => {
      await assertSilent(
        [
          '$json = \'{"Comment": "x"}\'',
          'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/offboard" -Body $json',
          "$form = @{ client_id = $app; scope = 'https://api.securitycenter.microsoft.com/.default'; grant_type = 'client_credentials' }",
          'Invoke-RestMethod -Method Post -Uri "https://login.microsoftonline.com/$tenant/oauth2/v2.0/token" -Body $form',
        ].join('\n'),
      );
    });
  });
});
