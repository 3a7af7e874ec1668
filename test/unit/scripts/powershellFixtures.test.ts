import * as assert from 'node:assert/strict';
import { mayHoldDefenderBodies } from '../../../src/core/scripts/precheck';
import { analyzePowerShell, assertSilent, findingsOf, fixAll, fixture, marked } from './powershellHelpers';

/** Fixtures with mistakes, and the text one fix-all must give. */
const repaired = ['containment-runbook', 'mde-module', 'here-strings'];

describe('PowerShell fixtures', () => {
  for (const name of repaired) {
    it(`${name}.ps1: one fix-all gives ${name}.fixed.ps1, and a second changes nothing`, async () => {
      const fixed = await fixAll(fixture(`${name}.ps1`));
      assert.equal(fixed, fixture(`${name}.fixed.ps1`));
      assert.equal(await fixAll(fixed), fixed);
    });

    it(`${name}.ps1 reads the same with Windows line endings`, async () => {
      const text = fixture(`${name}.ps1`);
      const crlf = text.replace(/\n/g, '\r\n');
      const lineOf = (source: string, offset: number) => source.slice(0, offset).split(/\r?\n/).length;
      const where = async (source: string) => (await findingsOf(source)).map((finding) => [finding.code, lineOf(source, finding.start), source.slice(finding.start, finding.end)]);
      assert.deepEqual(await where(crlf), await where(text));
      assert.equal(await fixAll(crlf), fixture(`${name}.fixed.ps1`).replace(/\n/g, '\r\n'));
    });
  }

  it('containment-runbook.ps1: every mistake is marked, with the operation it is checked against', async () => {
    const text = fixture('containment-runbook.ps1');
    assert.deepEqual(await marked(text), [
      ['wrong-case', 'comment'],
      ['wrong-case', 'isolationType'],
      ['wrong-case', 'value'],
      ['wrong-case', 'action'],
      ['invalid-value', "'add'"],
      ['invalid-value', "'scriptName'"],
      ['shallow-json-depth', 'ConvertTo-Json'],
      ['documented-variant', 'GenerateAlert'],
      ['form-encoded-body', '$indicator'],
    ]);
    assert.deepEqual(
      (await analyzePowerShell(text)).bodies.map((body) => [body.operation?.id, body.inferred]),
      [
        ['isolateMachine', false],
        ['addOrRemoveMachineTag', false],
        ['runLiveResponse', false],
        ['submitIndicator', false],
      ],
    );
  });

  it('false-alarms.ps1: Graph, Sentinel, token requests, output objects, settings and splats get no diagnostic at all', async () => {
    const text = fixture('false-alarms.ps1');
    // It mentions Defender parameter names, so it is parsed and read: the silence is the extractor's.
    assert.ok(mayHoldDefenderBodies(text));
    await assertSilent(text);
  });

  it('leaves scripts with nothing of the Defender API unparsed', () => {
    const unrelated = [
      'Get-ChildItem -Path C:\\Logs -Filter *.log | Where-Object { $_.Length -gt 1MB } | Remove-Item',
      '$body = @{ query = "SigninLogs | take 5"; comment = "x" } | ConvertTo-Json',
      'Invoke-RestMethod -Method Post -Uri "https://api.loganalytics.io/v1/workspaces/$ws/query" -Body $body',
    ].join('\n');
    assert.equal(mayHoldDefenderBodies(unrelated), false);
    assert.equal(mayHoldDefenderBodies(fixture('containment-runbook.ps1')), true);
  });
});
