import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { analyzePowerShell, fixture, fixtureFolder, marked } from './powershellHelpers';

/** Every range a finding or its fixes name lies inside the text. */
function assertInside(text: string, analysis: Awaited<ReturnType<typeof analyzePowerShell>>, context: string): void {
  for (const finding of analysis.findings) {
    assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, `${finding.code} [${finding.start}, ${finding.end}) ${context}`);
    for (const edit of finding.fixes?.flatMap((fix) => fix.edits) ?? []) {
      assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `edit of ${finding.code} ${context}`);
    }
  }
  for (const body of analysis.bodies) {
    assert.ok(0 <= body.span.start && body.span.end <= text.length, `body span ${context}`);
  }
}

describe('PowerShell being typed', () => {
  it('reads every prefix of typing.ps1 (every construct, densely) without throwing, every range inside the text', async function () {
    this.timeout(120_000);
    const text = fixture('typing.ps1');
    for (let length = 0; length <= text.length; length++) {
      const prefix = text.slice(0, length);
      assertInside(prefix, await analyzePowerShell(prefix), `in the first ${length} characters of typing.ps1`);
    }
  });

  // Every prefix of the larger fixtures would take minutes: they are cut where a construct opens or closes.
  const scripts = readdirSync(fixtureFolder).filter((name) => name.endsWith('.ps1') && !name.endsWith('.fixed.ps1') && name !== 'typing.ps1');
  for (const name of scripts) {
    it(`reads ${name} cut before and after every bracket, quote, = and line break`, async function () {
      this.timeout(120_000);
      const text = fixture(name);
      const cuts = new Set<number>([0, text.length]);
      for (let i = 0; i < text.length; i++) {
        if (/[{}()[\]'"=@\n;|]/.test(text[i])) {
          cuts.add(i);
          cuts.add(i + 1);
        }
      }
      for (const length of cuts) {
        const prefix = text.slice(0, length);
        assertInside(prefix, await analyzePowerShell(prefix), `in the first ${length} characters of ${name}`);
      }
    });
  }

  it('still recognizes a table whose closing brace is not typed yet', async () => {
    const text = ['# mde: POST /api/machines/{id}/isolate', '$body = @{', "  comment = 'x'", "  IsolationType = 'Full'", ''].join('\n');
    assert.deepEqual(await marked(text), [['wrong-case', 'comment']]);
  });

  it('still recognizes a table while a key is typed in it, and the key is what is marked', async () => {
    const text = [
      '$body = @{',
      "  IsolationType = 'Full'",
      '  Comm',
      '}',
      'Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/$id/isolate" -Body ($body | ConvertTo-Json)',
    ].join('\n');
    const analysis = await analyzePowerShell(text);
    assert.equal(analysis.bodies[0]?.operation?.id, 'isolateMachine');
    // Until the key is typed in full, Comment is missing and Comm is unknown, as in a JSON body being typed.
    assert.deepEqual(await marked(text), [
      ['missing-required', '@{'],
      ['unknown-parameter', 'Comm'],
    ]);
  });

  it('takes nothing after an unclosed table for one of its keys', async () => {
    const text = ['# mde: POST /api/machines/{id}/isolate', '$body = @{', "  Comment = 'x'", '', 'Invoke-RestMethod -Uri $u -Method Post -Body ($body | ConvertTo-Json)'].join('\n');
    const [body] = (await analyzePowerShell(text)).bodies;
    assert.deepEqual(JSON.parse(body.analysis.masked.text), { Comment: 'x' });
  });
});
