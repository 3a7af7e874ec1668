import * as assert from 'node:assert/strict';
import { analyzePowerShell, assertRepair, assertSilent, marked } from './powershellHelpers';

const send = 'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/isolate" -Body ($body | ConvertTo-Json)';

describe('PowerShell bodies built in steps', () => {
  it('merges +=, .Add, [key] = and .Key = into the table, fixing each key where it is written', async () => {
    const text = [
      'function Isolate-Device($id, $reason) {',
      '  $body = @{}',
      "  $body += @{ isolationType = 'selective' }",
      '  $body.Add("comment", $reason)',
      '  $body["requestor"] = $env:USERNAME',
      `  ${send}`,
      '}',
    ].join('\n');
    await assertRepair(
      text,
      [
        ['wrong-case', 'isolationType'],
        ['invalid-value', "'selective'"],
        ['wrong-case', '"comment"'],
        ['unknown-parameter', '"requestor"'],
      ],
      text.replace('isolationType', 'IsolationType').replace("'selective'", "'Selective'").replace('"comment"', '"Comment"'),
    );
    const [body] = (await analyzePowerShell(text)).bodies;
    assert.deepEqual(JSON.parse(body.analysis.masked.text), { isolationType: 'selective', comment: 0, requestor: 0 });
  });

  it('keeps the bare member name bare and the quoted index quoted', async () => {
    const text = ["$body = @{ IsolationType = 'Full' }", '$body.comment = "x"', `${send}`].join('\n');
    await assertRepair(text, [['wrong-case', 'comment']], text.replace('.comment', '.Comment'));
    const quoted = ["$body = @{ IsolationType = 'Full' }", "$body['comment'] = 'x'", `${send}`].join('\n');
    await assertRepair(quoted, [['wrong-case', "'comment'"]], quoted.replace("'comment'", "'Comment'"));
  });

  it('counts a step toward the required keys, and a key set again keeps its first spelling with a value not known', async () => {
    await assertSilent(["$body = @{ IsolationType = 'Full' }", "$body.Comment = 'x'", send].join('\n'));
    // PowerShell keys ignore case: `$body.Comment = …` replaces the value of `comment`, whose spelling is what is sent.
    const text = ["$body = @{ comment = 'a'; IsolationType = 'Full' }", "$body.Comment = 'b'", send].join('\n');
    await assertRepair(text, [['wrong-case', 'comment']], text.replace('comment =', 'Comment ='));
    const [body] = (await analyzePowerShell(text)).bodies;
    assert.deepEqual(JSON.parse(body.analysis.masked.text), { comment: 0, IsolationType: 'Full' });
  });

  it('reports a key added twice, which PowerShell refuses', async () => {
    const text = ["$body = @{ Comment = 'a' }", "$body.Add('comment', 'b')", send].join('\n');
    assert.deepEqual(await marked(text), [['duplicate-key', "'comment'"]]);
  });

  it('drops a removed key', async () => {
    await assertSilent(["$body = @{ Comment = 'a'; isolationtype = 'Full' }", "$body.Remove('IsolationType')", send].join('\n'));
  });

  it('ignores steps in another function or script block, after the send, or after the variable is assigned again', async () => {
    const text = [
      'function Build {',
      "  $body = @{ Comment = 'x' }",
      "  $items | ForEach-Object { $body.isolationtype = 'Full' }",
      `  ${send}`,
      "  $body.isolationtype2 = 'late'",
      '}',
      'function Other {',
      "  $body.isolationtype3 = 'elsewhere'",
      '}',
      "$body = @{ Comment = 'y' }",
      "$body = @{ Comment = 'z' }",
      "$body.isolationtype4 = 'Full'",
    ].join('\n');
    const bodies = (await analyzePowerShell(text)).bodies;
    assert.deepEqual(
      bodies.map((body) => JSON.parse(body.analysis.masked.text)),
      [{ Comment: 'x' }],
    );
    await assertSilent(text);
  });

  it('spans the body from the table to its last step, so hovers and completion reach the steps', async () => {
    const text = ["$body = @{ IsolationType = 'Full' }", "$body.Comment = 'x'", send].join('\n');
    const [body] = (await analyzePowerShell(text)).bodies;
    assert.equal(text.slice(body.span.start, body.span.end), "@{ IsolationType = 'Full' }\n$body.Comment = 'x'");
  });
});
