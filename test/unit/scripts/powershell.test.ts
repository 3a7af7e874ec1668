import * as assert from 'node:assert/strict';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import type { Finding } from '../../../src/core/findings';
import { analyzeScript } from '../../../src/core/scripts/analyzeScript';
import { testParsers } from '../helpers/parsers';

async function findingsOf(text: string): Promise<Finding[]> {
  return [...(await analyzeScript(text, 'powershell', testParsers, catalogMatcher)).findings];
}

/** The text after applying every preferred fix once. */
function fixAll(text: string, findings: readonly Finding[]): string {
  const edits = findings.flatMap((finding) => finding.fixes?.find((fix) => fix.preferred)?.edits ?? []).sort((a, b) => b.start - a.start);
  return edits.reduce((result, edit) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}

describe('PowerShell bodies', () => {
  it("reports the issue's isolate example: a hashtable sent through ConvertTo-Json to the isolate URI", async () => {
    const text = [
      '$body = @{ comment = "Isolated by the SOC"; isolationType = "Full" } | ConvertTo-Json',
      'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/isolate" -Headers $h -Body $body',
    ].join('\n');
    const findings = await findingsOf(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.start, finding.end)]),
      [
        ['wrong-case', 'comment'],
        ['wrong-case', 'isolationType'],
      ],
    );
    assert.equal(findings[0].args.operation, 'isolateMachine');
    const fixed = fixAll(text, findings);
    assert.equal(fixed, text.replace('comment =', 'Comment =').replace('isolationType =', 'IsolationType ='));
    assert.deepEqual(await findingsOf(fixed), []);
  });

  it('keeps the quoting of each key and value it fixes', async () => {
    const text = [
      '# mde: POST /api/machines/{id}/isolate',
      "$body = @{ 'comment' = 'x'; \"isolationType\" = 'full' }",
    ].join('\n');
    const findings = await findingsOf(text);
    assert.equal(fixAll(text, findings), "# mde: POST /api/machines/{id}/isolate\n$body = @{ 'Comment' = 'x'; \"IsolationType\" = 'Full' }");
  });

  it('reads JSON in a here-string', async () => {
    const text = ['# mde: POST /api/machines/{id}/isolate', "$json = @'", '{ "comment": "x", "IsolationType": "Full" }', "'@"].join('\n');
    const findings = await findingsOf(text);
    assert.deepEqual(findings.map((finding) => text.slice(finding.start, finding.end)), ['"comment"']);
    assert.equal(fixAll(text, findings), text.replace('"comment"', '"Comment"'));
  });

  it('says nothing about a body sent to Microsoft Graph', async () => {
    const text = [
      '$body = @{ query = "DeviceInfo | take 1" } | ConvertTo-Json',
      'Invoke-RestMethod -Method Post -Uri "https://graph.microsoft.com/v1.0/security/runHuntingQuery" -Body $body',
    ].join('\n');
    assert.deepEqual(await findingsOf(text), []);
  });
});

describe('PowerShell bodies: ranges', () => {
  it('puts a value finding on the value alone, not on the space before the closing brace', async () => {
    const text = "# mde: POST /api/machines/{id}/isolate\n$b = @{ Comment = 'x'; IsolationType = 'full' }";
    const findings = await findingsOf(text);
    assert.deepEqual(findings.map((finding) => text.slice(finding.start, finding.end)), ["'full'"]);
    assert.equal(fixAll(text, findings), text.replace("'full'", "'Full'"));
  });
});
