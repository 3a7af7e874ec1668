import * as assert from 'node:assert/strict';
import { analyzePowerShell, assertRepair, assertSilent, findingsOf } from './powershellHelpers';

const isolateUri = '"https://api.securitycenter.microsoft.com/api/machines/$id/isolate"';
/** A script sending `body` (a PowerShell expression) to the isolate operation. */
const sendToIsolate = (body: string) => `Invoke-RestMethod -Method Post -Uri ${isolateUri} -Body (${body} | ConvertTo-Json)`;

describe('PowerShell bodies: literals', () => {
  it("reports the issue's isolate example: a hashtable sent through ConvertTo-Json to the isolate URI", async () => {
    const text = [
      '$body = @{ comment = "Isolated by the SOC"; isolationType = "Full" } | ConvertTo-Json',
      `Invoke-RestMethod -Method Post -Uri ${isolateUri} -Headers $h -Body $body`,
    ].join('\n');
    await assertRepair(
      text,
      [
        ['wrong-case', 'comment'],
        ['wrong-case', 'isolationType'],
      ],
      text.replace('comment =', 'Comment =').replace('isolationType =', 'IsolationType ='),
    );
    const [body] = (await analyzePowerShell(text)).bodies;
    assert.equal(body.operation?.id, 'isolateMachine');
    assert.equal(body.inferred, false, 'the operation comes from the call, not from the keys');
  });

  it('reads bare, single- and double-quoted keys separated by new lines and `;`, keeping each quoting', async () => {
    const text = ['$body = @{', "  'comment' = 'x'; \"isolationType\" = \"full\"", '}', sendToIsolate('$body')].join('\n');
    await assertRepair(
      text,
      [
        ['wrong-case', "'comment'"],
        ['wrong-case', '"isolationType"'],
        ['invalid-value', '"full"'],
      ],
      ['$body = @{', "  'Comment' = 'x'; \"IsolationType\" = \"Full\"", '}', sendToIsolate('$body')].join('\n'),
    );
  });

  it('reads [ordered] and [pscustomobject] tables', async () => {
    for (const cast of ['[ordered]', '[pscustomobject]', '[PSCustomObject]']) {
      const text = [`$body = ${cast}@{`, '  comment = "x"', '  IsolationType = "Full"', '}', sendToIsolate('$body')].join('\n');
      await assertRepair(text, [['wrong-case', 'comment']], text.replace('comment =', 'Comment ='));
    }
  });

  it('reads nested @(…) arrays of tables, with values checked at every level', async () => {
    const text = [
      '# mde: POST /api/machines/{machine_id}/runliveresponse',
      '$body = @{',
      '  Commands = @(',
      "    @{ type = 'runScript'; Params = @( @{ key = 'scriptName'; value = 'collect.ps1' } ) }",
      "    @{ type = 'GetFile'; params = @(@{ key = 'Path'; value = 'C:\\a.log' }) }",
      '  )',
      "  comment = 'triage'",
      '}',
    ].join('\n');
    await assertRepair(
      text,
      [
        ['invalid-value', "'runScript'"],
        ['wrong-case', 'Params'],
        ['invalid-value', "'scriptName'"],
        ['wrong-case', 'comment'],
      ],
      text.replace("'runScript'", "'RunScript'").replace('Params =', 'params =').replace("'scriptName'", "'ScriptName'").replace('comment =', 'Comment ='),
    );
  });

  it('reads comma lists as arrays, inside @(…) or bare', async () => {
    const text = [
      '# mde: POST /api/machines/AddOrRemoveTagForMultipleMachines',
      "$body = @{ value = 'vip'; Action = 'add'; MachineIds = 'a1', 'b2', $third }",
      "$other = @{ Value = 'vip'; Action = 'Remove'; machineIds = @('a1', 'b2') }",
    ].join('\n');
    // The directive names the first table; the second names its operation by its keys.
    await assertRepair(
      text,
      [
        ['wrong-case', 'value'],
        ['invalid-value', "'add'"],
        ['wrong-case', 'machineIds'],
      ],
      text.replace('value =', 'Value =').replace("'add'", "'Add'").replace('machineIds =', 'MachineIds ='),
    );
    const bodies = (await analyzePowerShell(text)).bodies;
    assert.deepEqual(
      bodies.map((body) => [body.inferred, JSON.parse(body.analysis.masked.text)]),
      [
        [false, { value: 'vip', Action: 'add', MachineIds: ['a1', 'b2', 0] }],
        [true, { Value: 'vip', Action: 'Remove', machineIds: ['a1', 'b2'] }],
      ],
    );
  });

  describe('JSON in strings', () => {
    it('reads a verbatim here-string and fixes it in place', async () => {
      const text = ['# mde: POST /api/machines/{id}/isolate', "$json = @'", '{ "comment": "x", "IsolationType": "full" }', "'@"].join('\n');
      await assertRepair(
        text,
        [
          ['wrong-case', '"comment"'],
          ['invalid-value', '"full"'],
        ],
        text.replace('"comment"', '"Comment"').replace('"full"', '"Full"'),
      );
    });

    it('reads an expandable here-string, its interpolations unknown', async () => {
      const text = [
        '$json = @"',
        '{',
        '  "comment": "Isolated $($alert.id) by $env:USERNAME",',
        '  "isolationType": "$type"',
        '}',
        '"@',
        `Invoke-RestMethod -Method Post -Uri ${isolateUri} -Body $json -ContentType 'application/json'`,
      ].join('\n');
      await assertRepair(
        text,
        [
          ['wrong-case', '"comment"'],
          ['wrong-case', '"isolationType"'],
        ],
        text.replace('"comment"', '"Comment"').replace('"isolationType"', '"IsolationType"'),
      );
    });

    it("reads single-quoted JSON with its '' escapes, and double-quoted JSON with backtick escapes", async () => {
      const single = `Invoke-RestMethod -Method Post -Uri ${isolateUri} -Body '{"comment": "it''s done", "IsolationType": "Full"}'`;
      await assertRepair(single, [['wrong-case', '"comment"']], single.replace('"comment"', '"Comment"'));
      const double = `Invoke-RestMethod -Method Post -Uri ${isolateUri} -Body "{\`"comment\`": \`"x\`", \`"IsolationType\`": \`"full\`"}"`;
      await assertRepair(
        double,
        [
          ['wrong-case', '`"comment`"'],
          ['invalid-value', '`"full`"'],
        ],
        double.replace('`"comment`"', '`"Comment`"').replace('`"full`"', '`"Full`"'),
      );
    });

    it('leaves a string that is not a JSON object alone', async () => {
      await assertSilent(`Invoke-RestMethod -Method Post -Uri ${isolateUri} -Body 'comment=x&isolationType=full'`);
    });
  });

  describe('values', () => {
    const indicator = (entries: string) =>
      `Invoke-RestMethod -Method Post -Uri 'https://api.securitycenter.microsoft.com/api/indicators' -Body (@{ indicatorValue = 'contoso.com'; indicatorType = 'DomainName'; action = 'Block'; title = 't'; description = 'd'; ${entries} } | ConvertTo-Json)`;

    it('checks $true, $false, $null, numbers and strings', async () => {
      await assertSilent(indicator('generateAlert = $true; application = $null'));
      await assertSilent(indicator('generateAlert = $False'));
      assert.deepEqual(
        (await findingsOf(indicator("generateAlert = 'True'; severity = 2; category = -1.5"))).map((finding) => finding.code),
        ['wrong-type', 'wrong-type', 'wrong-type'],
      );
      await assertRepair(indicator("severity = 'high'"), [['invalid-value', "'high'"]], indicator("severity = 'High'"));
    });

    it('never reports a variable, a call, an interpolation or an expression', async () => {
      await assertSilent(
        indicator(
          [
            'generateAlert = $alert',
            'severity = (Get-Severity $x)',
            'category = "$prefix-malware"',
            'expirationTime = (Get-Date).AddDays(7).ToString("o")',
            'recommendedActions = $a + $b',
            'rbacGroupNames = $groups',
          ].join('; '),
        ),
      );
    });
  });
});

describe('PowerShell bodies: ranges', () => {
  it('puts a value finding on the value alone, not on the space before the closing brace', async () => {
    const text = "# mde: POST /api/machines/{id}/isolate\n$b = @{ Comment = 'x'; IsolationType = 'full' }";
    await assertRepair(text, [['invalid-value', "'full'"]], text.replace("'full'", "'Full'"));
  });
});
