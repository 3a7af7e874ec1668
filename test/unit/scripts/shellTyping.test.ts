import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { assertFindingsInside, assertSpan } from '../property/invariants';
import { analyzeShell, fixture, shellFixtures } from './shellHelpers';

/** Every script of the fixture folder, cut at every offset: what an editor sees while it is typed. */
describe('shell scripts being typed', () => {
  const names = readdirSync(shellFixtures).filter((name) => name.endsWith('.sh'));

  it('types every fixture', () => {
    assert.ok(names.length >= 14, `only ${names.length} fixtures`);
  });

  for (const name of names) {
    it(`${name}: every prefix analyses without throwing, every range inside the text`, async () => {
      const text = fixture(name);
      let reported = 0;
      for (let length = 0; length <= text.length; length++) {
        const prefix = text.slice(0, length);
        const analysis = await analyzeShell(prefix);
        const whole = { start: 0, end: prefix.length };
        assertFindingsInside(analysis.findings, whole);
        for (const body of analysis.bodies) {
          assertSpan(body.span, whole, 'body');
          assertSpan(body.target?.urlSpan, whole, 'url');
          assertSpan(body.target?.methodSpan, whole, 'method');
        }
        reported += analysis.findings.length;
      }
      // The prefixes are not all silent: half a script already has bodies worth reporting.
      assert.ok(reported > 0 || name === 'false-alarms.sh', `no prefix of ${name} reported anything`);
    });
  }
});
