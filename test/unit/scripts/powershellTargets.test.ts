import * as assert from 'node:assert/strict';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { analyzePowerShell, assertRepair, assertSilent, marked } from './powershellHelpers';

/** A lone `comment` names no operation by itself: only the call can say where it goes. */
const commentOnly = "(@{ comment = 'x' } | ConvertTo-Json)";
const base = "$base = 'https://api.securitycenter.microsoft.com/api'";

/** The operation each body of the script is checked against, and what its call's URL is resolved to. */
async function targets(text: string): Promise<[string | undefined, string | undefined, string | undefined][]> {
  return (await analyzePowerShell(text)).bodies.map((body) => [body.operation?.id, body.target?.method, body.target?.url]);
}

describe('PowerShell bodies: the operation', () => {
  describe('from the sending call', () => {
    it('reads -Uri and -Method by any prefix, positionally, with a colon, and from a splatted table', async () => {
      const text = [
        base,
        `Invoke-RestMethod -Ur "$base/machines/$id/unisolate" -Me Post -Bo ${commentOnly}`,
        `irm "$base/machines/$id/restrictCodeExecution" -Method:POST -Body:${commentOnly}`,
        "$params = @{ Uri = \"$base/machines/$id/offboard\"; Method = 'Post'; Body = (@{ comment = 'x' } | ConvertTo-Json); ContentType = 'application/json' }",
        'Invoke-WebRequest @params -UseBasicParsing',
        `iwr -UseBasicParsing -Method Post "$base/machines/$id/startInvestigation" -Body ${commentOnly}`,
      ].join('\n');
      assert.deepEqual(await targets(text), [
        ['unisolateMachine', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/unisolate'],
        ['restrictCodeExecution', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/restrictCodeExecution'],
        ['offboardMachine', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/offboard'],
        ['startInvestigation', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/startInvestigation'],
      ]);
      const fixed = await import('./powershellHelpers').then(({ fixAll }) => fixAll(text));
      assert.equal(fixed, text.replace(/comment =/g, 'Comment ='));
    });

    it('builds the URI from expandable strings, sub-expressions, +, -f, Join-Path and [uri]::new', async () => {
      const text = [
        base,
        '$action = "unisolate"',
        `Invoke-RestMethod -Method Post -Uri "$base/machines/$($machine.id)/$action" -Body ${commentOnly}`,
        `Invoke-RestMethod -Method Post -Uri ($base + '/machines/' + $id + '/offboard') -Body ${commentOnly}`,
        `Invoke-RestMethod -Method Post -Uri ('{0}/machines/{1}/restrictCodeExecution' -f $base, $id) -Body ${commentOnly}`,
        `Invoke-RestMethod -Method Post -Uri ([string]::Format('{0}/machines/{1}/startInvestigation', $base, $id)) -Body ${commentOnly}`,
        `Invoke-RestMethod -Method Post -Uri (Join-Path $base "machines/$id/collectInvestigationPackage") -Body ${commentOnly}`,
        `Invoke-RestMethod -Method Post -Uri ([uri]::new([uri]$base, "/api/machines/$id/unrestrictCodeExecution")) -Body ${commentOnly}`,
        '$uri = "$base/machines"',
        '$uri += "/$id/unisolate"',
        `Invoke-RestMethod -Method Post -Uri $uri -Body ${commentOnly}`,
      ].join('\n');
      assert.deepEqual(
        (await targets(text)).map(([operation]) => operation),
        ['unisolateMachine', 'offboardMachine', 'restrictCodeExecution', 'startInvestigation', 'collectInvestigationPackage', 'unrestrictCodeExecution', 'unisolateMachine'],
      );
      assert.equal((await targets(text))[0][2], 'https://api.securitycenter.microsoft.com/api/machines/{{}}/unisolate');
      assert.deepEqual(
        (await marked(text)).map(([code]) => code),
        Array.from({ length: 7 }, () => 'wrong-case'),
      );
    });

    it('takes a body piped into the call', async () => {
      const text = [base, "@{ comment = 'x' } | ConvertTo-Json | Invoke-RestMethod -Method Post -Uri \"$base/machines/$id/offboard\""].join('\n');
      assert.deepEqual((await targets(text)).map(([operation]) => operation), ['offboardMachine']);
      await assertRepair(text, [['wrong-case', 'comment']], text.replace('comment', 'Comment'));
    });

    it('reads the method from [WebRequestMethod]::Post and reports a body sent with GET', async () => {
      const text = [
        base,
        `Invoke-RestMethod -Method ([Microsoft.PowerShell.Commands.WebRequestMethod]::Post) -Uri "$base/machines/$id/unisolate" -Body ${commentOnly}`,
        "Invoke-RestMethod -Method Get -Uri \"$base/machines/$id/unisolate\" -Body (@{ Comment = 'x' } | ConvertTo-Json)",
      ].join('\n');
      assert.deepEqual(await marked(text), [
        ['wrong-case', 'comment'],
        ['body-on-get', 'Get'],
      ]);
    });

    it('says nothing about a body sent to Microsoft Graph, Azure Resource Manager or Sentinel', async () => {
      await assertSilent(
        [
          '$body = @{ query = "DeviceInfo | take 1" } | ConvertTo-Json',
          'Invoke-RestMethod -Method Post -Uri "https://graph.microsoft.com/v1.0/security/runHuntingQuery" -Body $body',
          '$arm = "https://management.azure.com/subscriptions/$sub/providers/Microsoft.Security/locations/x/alerts?api-version=2022-01-01"',
          "Invoke-RestMethod -Method Post -Uri $arm -Body (@{ comment = 'x'; isolationType = 'full' } | ConvertTo-Json)",
          '$sentinel = "https://management.azure.com$workspaceId/providers/Microsoft.SecurityInsights/incidents/$id?api-version=2023-02-01"',
          "Invoke-RestMethod -Method Put -Uri $sentinel -Body (@{ properties = @{ status = 'closed'; classification = 'truePositive' } } | ConvertTo-Json -Depth 5)",
        ].join('\n'),
      );
    });
  });

  describe('a URI whose unknown parts hide the operation', () => {
    it('lets the keys choose among the operations it fits, or says nothing', async () => {
      const text = [
        base,
        "Invoke-RestMethod -Method Post -Uri \"$base/machines/$id/$action\" -Body (@{ comment = 'x'; ScanType = 'quick' } | ConvertTo-Json)",
        `Invoke-RestMethod -Method Post -Uri "$base/machines/$id/$action" -Body ${commentOnly}`,
      ].join('\n');
      assert.deepEqual(
        (await analyzePowerShell(text)).bodies.map((body) => [body.operation?.id, body.inferred]),
        [['runAntiVirusScan', true]],
      );
      await assertRepair(
        text,
        [
          ['wrong-case', 'comment'],
          ['invalid-value', "'quick'"],
        ],
        text.replace("comment = 'x'; ScanType = 'quick'", "Comment = 'x'; ScanType = 'Quick'"),
      );
      const match = catalogMatcher.matchUrl('POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/{{}}');
      assert.ok((match.alternatives?.length ?? 0) > 5, 'every machine action fits');
      assert.equal(catalogMatcher.matchUrl('POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/isolate').alternatives, undefined);
    });
  });

  describe('variables, scope by scope', () => {
    it('reads a variable assigned in the same function, in the script around it, or as a parameter default', async () => {
      const text = [
        base,
        'function Stop-Machine([string]$Id, [string]$Root = "https://api.security.microsoft.com/api") {',
        `  Invoke-RestMethod -Method Post -Uri "$Root/machines/$Id/offboard" -Body ${commentOnly}`,
        '  $uri = "$base/machines/$Id/unisolate"',
        `  Invoke-RestMethod -Method Post -Uri $uri -Body ${commentOnly}`,
        '}',
        "$items | ForEach-Object { Invoke-RestMethod -Method Post -Uri \"$base/machines/$($_.id)/startInvestigation\" -Body (@{ comment = 'x' } | ConvertTo-Json) }",
      ].join('\n');
      assert.deepEqual(
        (await targets(text)).map(([operation]) => operation),
        ['offboardMachine', 'unisolateMachine', 'startInvestigation'],
      );
    });

    it('never reads an assignment made inside another function', async () => {
      const text = [
        'function Set-Target { $uri = "https://api.securitycenter.microsoft.com/api/machines/1/unisolate" }',
        'function Send-Body {',
        `  Invoke-RestMethod -Method Post -Uri $uri -Body ${commentOnly}`,
        '}',
      ].join('\n');
      // $uri is unknown in Send-Body, and a lone `comment` names no operation.
      await assertSilent(text);
      assert.deepEqual(await targets(text), []);
    });

    it("reads $script: variables set anywhere, and a function's parameter hides the script's variable", async () => {
      const text = [
        'function Connect-Mde { $script:MdeRoot = "https://api.securitycenter.microsoft.com/api" }',
        `function Send-A { Invoke-RestMethod -Method Post -Uri "$script:MdeRoot/machines/$id/unisolate" -Body ${commentOnly} }`,
        '$uri = "https://api.securitycenter.microsoft.com/api/machines/1/offboard"',
        `function Send-B($uri) { Invoke-RestMethod -Method Post -Uri $uri -Body ${commentOnly} }`,
      ].join('\n');
      assert.deepEqual(await targets(text), [['unisolateMachine', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/unisolate']]);
    });

    it('reads a loop variable as unknown, not as an earlier assignment of the same name', async () => {
      const text = [
        '$uri = "https://api.securitycenter.microsoft.com/api/machines/1/offboard"',
        `foreach ($uri in $uris) { Invoke-RestMethod -Method Post -Uri $uri -Body ${commentOnly} }`,
      ].join('\n');
      assert.deepEqual(await targets(text), []);
    });
  });

  describe('from a directive comment', () => {
    it('above the literal or above the sending statement, over what the call says', async () => {
      const text = [
        '# mde: POST /api/machines/{id}/unisolate',
        "$body = @{ comment = 'x' }",
        'Invoke-RestMethod -Uri $uri -Method Post -Body ($body | ConvertTo-Json)',
        '',
        '# mde: POST /api/machines/{id}/offboard',
        `Invoke-RestMethod -Uri $uri -Method Post -Body ${commentOnly}`,
      ].join('\n');
      assert.deepEqual(
        (await targets(text)).map(([operation]) => operation),
        ['unisolateMachine', 'offboardMachine'],
      );
    });
  });

  describe('through a wrapper function', () => {
    const wrapper = [
      "$script:MdeBase = 'https://api.securitycenter.microsoft.com/api'",
      'function Invoke-MdeApi {',
      '  param([string]$Path, [hashtable]$Body, [string]$Method = "Post", [switch]$Raw)',
      '  $json = $Body | ConvertTo-Json -Depth 10',
      '  Invoke-RestMethod -Uri "$script:MdeBase$Path" -Method $Method -Body $json -ContentType "application/json"',
      '}',
    ];

    it('checks the body of each call against the path it passes, by name, by position or splatted', async () => {
      const text = [
        ...wrapper,
        "Invoke-MdeApi -Path \"/machines/$id/isolate\" -Body @{ comment = 'x'; IsolationType = 'full' }",
        "Invoke-MdeApi -Raw \"/machines/$id/runAntiVirusScan\" @{ Comment = 'x'; scanType = 'Quick' }",
        "$call = @{ Path = \"/machines/$id/offboard\"; Body = @{ comment = 'x' } }",
        'Invoke-MdeApi @call',
        "Invoke-MdeApi -Path '/machines/1/unisolate' -Method Get -Body @{ Comment = 'x' }",
      ].join('\n');
      assert.deepEqual(await targets(text), [
        ['isolateMachine', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/isolate'],
        ['runAntiVirusScan', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/runAntiVirusScan'],
        ['offboardMachine', 'POST', 'https://api.securitycenter.microsoft.com/api/machines/{{}}/offboard'],
        ['unisolateMachine', 'GET', 'https://api.securitycenter.microsoft.com/api/machines/1/unisolate'],
      ]);
      await assertRepair(
        text,
        [
          ['wrong-case', 'comment'],
          ['invalid-value', "'full'"],
          ['wrong-case', 'scanType'],
          ['wrong-case', 'comment'],
          ['body-on-get', 'Get'],
        ],
        text.replace("comment = 'x'; IsolationType = 'full'", "Comment = 'x'; IsolationType = 'Full'").replace('scanType', 'ScanType').replace("Body = @{ comment", 'Body = @{ Comment'),
      );
    });

    it("marks the call's path as the operation's URL", async () => {
      const text = [...wrapper, "Invoke-MdeApi -Path \"/machines/$id/isolate\" -Body @{ Comment = 'x' }"].join('\n');
      const [body] = (await analyzePowerShell(text)).bodies;
      assert.equal(text.slice(body.target!.urlSpan!.start, body.target!.urlSpan!.end), '"/machines/$id/isolate"');
    });

    it('leaves a call of a function that only looks like a wrapper alone', async () => {
      const text = [
        'function Send-Graph($Body) { Invoke-RestMethod -Uri "https://graph.microsoft.com/v1.0/security/runHuntingQuery" -Method Post -Body ($Body | ConvertTo-Json) }',
        "Send-Graph -Body @{ query = 'DeviceInfo'; comment = 'x'; isolationType = 'full' }",
      ].join('\n');
      await assertSilent(text);
    });
  });
});
