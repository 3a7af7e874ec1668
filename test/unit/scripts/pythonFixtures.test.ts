import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixAllEdits } from '../../../src/core/fixAll';
import { analyzePython, fixAllPython, pythonFindings, spansOf } from '../helpers/python';

const folder = join(__dirname, '../../fixtures/scripts/python');
const read = (name: string) => readFileSync(join(folder, name), 'utf8');
const falseAlarms = readdirSync(join(folder, 'false-alarms')).filter((name) => name.endsWith('.py'));

describe('Python fixtures', () => {
  describe('a response connector (connector.py)', () => {
    const text = read('connector.py');

    it('reports each mistake at its exact span', async () => {
      assert.deepEqual(spansOf(text, await pythonFindings(text)), [
        ['wrong-case', "'comment'"],
        ['wrong-case', "'isolationType'"],
        ['wrong-case', '"comment"'],
        ['wrong-case', 'scanType'],
        ['invalid-value', '"quick"'],
        ['wrong-case', '"value"'],
        ['wrong-case', '"action"'],
        ['form-encoded-body', 'data'],
        ['wrong-case', '"IndicatorValue"'],
        ['invalid-value', '"block"'],
        ['documented-variant', '"Status"'],
        ['invalid-value', '"truePositive"'],
        ['wrong-case', '"query"'],
        ['wrong-case', '"COMMENT"'],
        ['invalid-value', '"scriptName"'],
      ]);
    });

    it('fix-all gives connector.fixed.py, which is clean and stays as it is', async () => {
      const fixed = read('connector.fixed.py');
      assert.equal(await fixAllPython(text), fixed);
      const findings = await pythonFindings(fixed);
      assert.deepEqual(findings, []);
      assert.deepEqual(fixAllEdits(findings), []);
    });
  });

  describe('examples/isolate.py', () => {
    const text = readFileSync(join(__dirname, '../../../examples/isolate.py'), 'utf8');

    it('has one mis-cased key, which the fix renames', async () => {
      const findings = await pythonFindings(text);
      assert.deepEqual(spansOf(text, findings), [['wrong-case', '"comment"']]);
      assert.equal(findings[0].args.operation, 'isolateMachine');
      const fixed = await fixAllPython(text);
      assert.equal(fixed, text.replace('"comment": f"Isolated', '"Comment": f"Isolated'));
      assert.deepEqual(await pythonFindings(fixed), []);
    });
  });

  describe('false alarms', () => {
    for (const name of falseAlarms) {
      it(`reports nothing in ${name}`, async () => {
        const analysis = await analyzePython(read(join('false-alarms', name)));
        assert.deepEqual(analysis.findings, []);
      });
    }

    it('reports the same Graph code once it sends to Defender (the suite can fail)', async () => {
      const text = read('false-alarms/graph_hunting.py')
        .replace('GRAPH = "https://graph.microsoft.com/v1.0"', 'GRAPH = "https://api.security.microsoft.com/api"')
        .replaceAll('/security/runHuntingQuery', '/advancedqueries/run')
        .replace('https://graph.microsoft.com/v1.0', 'https://api.security.microsoft.com/api');
      const findings = await pythonFindings(text);
      assert.equal(findings.filter((finding) => finding.code === 'wrong-case' && text.slice(finding.start, finding.end) === '"query"').length, 4);
    });

    it('reports the response dicts of responses_and_config.py once they are sent (the suite can fail)', async () => {
      const text = read('false-alarms/responses_and_config.py').replace(
        '    return row\n',
        '    requests.post(f"{API}/machines/{action[\'machineId\']}/isolate", json=row)\n    return row\n',
      );
      const findings = await pythonFindings(text);
      assert.deepEqual(
        spansOf(text, findings).filter(([code]) => code === 'wrong-case'),
        [
          ['wrong-case', '"isolationType"'],
          ['wrong-case', '"comment"'],
        ],
      );
    });
  });

  describe('half-typed code', () => {
    /** Findings, fixes and bodies stay inside the text, whatever it is. */
    async function assertSane(text: string): Promise<void> {
      const analysis = await analyzePython(text);
      for (const finding of analysis.findings) {
        assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, `finding ${finding.code} [${finding.start}, ${finding.end}) in:\n${text}`);
        for (const edit of finding.fixes?.flatMap((fix) => fix.edits) ?? []) {
          assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `edit [${edit.start}, ${edit.end}) in:\n${text}`);
        }
      }
      for (const body of analysis.bodies) {
        assert.ok(0 <= body.span.start && body.span.end <= text.length);
      }
    }

    it('survives every prefix of half-typed.py', async () => {
      const text = read('half-typed.py');
      for (let end = 0; end <= text.length; end++) {
        await assertSane(text.slice(0, end));
      }
    });

    it('survives every line prefix of every fixture, and a key being typed in each dict', async () => {
      for (const name of ['connector.py', 'half-typed.py', ...falseAlarms.map((file) => join('false-alarms', file))]) {
        const text = read(name);
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
          await assertSane(text.slice(0, end));
        }
        for (let at = text.indexOf('{'); at >= 0; at = text.indexOf('{', at + 1)) {
          await assertSane(`${text.slice(0, at + 1)}"isol${text.slice(at + 1)}`);
          await assertSane(`${text.slice(0, at + 1)}'Comment': ${text.slice(at + 1)}`);
        }
      }
    });

    it('still reports a closed body above an unclosed one', async () => {
      const text = 'requests.post("https://api.security.microsoft.com/api/machines/1/unisolate", json={"comment": "x"})\nbody = {"Comment": "y", "isol';
      assert.deepEqual(spansOf(text, await pythonFindings(text)), [['wrong-case', '"comment"']]);
    });
  });
});
