import * as assert from 'node:assert/strict';
import { stringWriter } from '../../../src/core/scripts/javascript/strings';
import { analyze, covered, findingsOf, fixAll, fixedOnce, fixture, type ScriptLanguage } from './javascriptHelpers';

const ISOLATE = "// mde: POST /api/machines/{id}/isolate";

/** A body under an isolate directive, in TypeScript unless said otherwise. */
function isolate(body: string): string {
  return `${ISOLATE}\nconst body = ${body};\n`;
}

describe('JavaScript and TypeScript bodies: literals', () => {
  describe('keys keep their quoting when fixed', () => {
    const cases: { name: string; body: string; wrong: string[]; fixed: string }[] = [
      { name: 'bare', body: "{ comment: 'x', isolationType: 'Full' }", wrong: ['comment', 'isolationType'], fixed: "{ Comment: 'x', IsolationType: 'Full' }" },
      { name: 'single-quoted', body: "{ 'comment': 'x', 'isolationType': 'Full' }", wrong: ["'comment'", "'isolationType'"], fixed: "{ 'Comment': 'x', 'IsolationType': 'Full' }" },
      { name: 'double-quoted', body: '{ "comment": "x", "isolationType": "Full" }', wrong: ['"comment"', '"isolationType"'], fixed: '{ "Comment": "x", "IsolationType": "Full" }' },
      { name: 'computed with a string', body: "{ ['comment']: 'x' }", wrong: ["'comment'"], fixed: "{ ['Comment']: 'x' }" },
      { name: 'shorthand, keeping the variable as the value', body: '{ comment, isolationType }', wrong: ['comment', 'isolationType'], fixed: '{ Comment: comment, IsolationType: isolationType }' },
    ];
    for (const testCase of cases) {
      it(`${testCase.name}`, async () => {
        const text = isolate(testCase.body);
        const findings = await findingsOf(text);
        assert.deepEqual(
          covered(text, findings),
          testCase.wrong.map((token) => ['wrong-case', token]),
        );
        assert.equal(await fixedOnce(text), isolate(testCase.fixed));
        assert.deepEqual(await findingsOf(isolate(testCase.fixed)), []);
      });
    }
  });

  it('fixes values in the literal they are written in: single, double and backtick quotes', async () => {
    const text = `${ISOLATE}\nconst a = { Comment: 'x', IsolationType: 'full' };\n${ISOLATE}\nconst b = { Comment: "x", IsolationType: "selective" };\n${ISOLATE}\nconst c = { Comment: \`x\`, IsolationType: \`unmanagedDevice\` };\n`;
    const findings = await findingsOf(text);
    assert.deepEqual(covered(text, findings), [
      ['invalid-value', "'full'"],
      ['invalid-value', '"selective"'],
      ['invalid-value', '`unmanagedDevice`'],
    ]);
    assert.equal(await fixedOnce(text), text.replace("'full'", "'Full'").replace('"selective"', '"Selective"').replace('`unmanagedDevice`', '`UnManagedDevice`'));
  });

  it('writes a renamed bare key bare while the new name is an identifier, quoted in the file\'s quotes otherwise', () => {
    assert.equal(stringWriter('bare', '"')('Sha1'), 'Sha1');
    assert.equal(stringWriter('bare', '"')('Machine Ids'), '"Machine Ids"');
    assert.equal(stringWriter('bare', "'")("it's"), "'it\\'s'");
    assert.equal(stringWriter('template', "'")('a`${b}'), '`a\\`\\${b}`');
    assert.equal(stringWriter('double', "'")(12), undefined);
  });

  it('reads numeric and computed keys: a variable key is unknown, so nothing is claimed missing', async () => {
    const text = `// mde: POST /api/indicators\nconst indicator = { [field]: value, 1: 'one', indicatorValue: '1.2.3.4', indicatorType: 'IpAddress', action: 'Alert', title: 't', description: 'd' };\n`;
    assert.deepEqual(covered(text, await findingsOf(text)), [['unknown-parameter', '1']]);
  });

  it('a spread may bring any key: no required parameter is claimed missing beside it', async () => {
    const spread = `// mde: POST /api/indicators\nconst indicator = { ...defaults, indicatorValue: '1.2.3.4' };\n`;
    assert.deepEqual(await findingsOf(spread), []);
    const plain = spread.replace('...defaults, ', '');
    assert.deepEqual(
      (await findingsOf(plain)).map((finding) => finding.code),
      ['missing-required'],
    );
  });

  it('reads arrays, numbers, booleans and null, and leaves variables, calls and members unknown', async () => {
    const text = `// mde: POST /api/machines/AddOrRemoveTagForMultipleMachines\nconst tags = { value: tag.name, action: getAction(), machineIds: ['a', "b", \`c\`, ids[0]] };\n`;
    assert.deepEqual(covered(text, await findingsOf(text)), [
      ['wrong-case', 'value'],
      ['wrong-case', 'action'],
      ['wrong-case', 'machineIds'],
    ]);
    const typed = `// mde: POST /api/machines/{id}/isolate\nconst b = { Comment: 12, IsolationType: true };\n`;
    assert.deepEqual(
      (await findingsOf(typed)).map((finding) => [finding.code, typed.slice(finding.start, finding.end)]),
      [
        ['wrong-type', '12'],
        ['wrong-type', 'true'],
      ],
    );
  });

  it('sees through as const, satisfies, type assertions, non-null assertions and parentheses', async () => {
    for (const wrapped of [
      "{ comment: 'x' } as const",
      "({ comment: 'x' }) satisfies Record<string, string>",
      "<Record<string, string>>{ comment: 'x' }",
      "({ comment: 'x' })!",
      "(({ comment: 'x' }) as unknown) as object",
    ]) {
      const text = `// mde: POST /api/machines/{id}/unisolate\nconst body = ${wrapped};\n`;
      assert.deepEqual(covered(text, await findingsOf(text)), [['wrong-case', 'comment']], wrapped);
    }
  });

  it('reads JSON.stringify of an object literal', async () => {
    const text = `// mde: POST /api/machines/{id}/unisolate\nconst json = JSON.stringify({ comment: 'x' }, null, 2);\n`;
    assert.deepEqual(covered(text, await findingsOf(text)), [['wrong-case', 'comment']]);
  });

  describe('JSON inside string literals', () => {
    const cases: { name: string; literal: string; wrong: string; fixed: string }[] = [
      { name: 'single-quoted', literal: `'{"comment": "it\\'s done"}'`, wrong: '"comment"', fixed: `'{"Comment": "it\\'s done"}'` },
      { name: 'double-quoted, with escaped quotes', literal: `"{\\"comment\\": \\"x\\"}"`, wrong: '\\"comment\\"', fixed: `"{\\"Comment\\": \\"x\\"}"` },
      { name: 'template, with a substitution', literal: '`{"comment": "${reason}"}`', wrong: '"comment"', fixed: '`{"Comment": "${reason}"}`' },
      { name: 'template on several lines', literal: '`{\n  "comment": "x"\n}`', wrong: '"comment"', fixed: '`{\n  "Comment": "x"\n}`' },
      { name: 'with unicode escapes', literal: `"{\\"\\u0063omment\\": \\"x\\"}"`, wrong: '\\"\\u0063omment\\"', fixed: `"{\\"Comment\\": \\"x\\"}"` },
    ];
    for (const testCase of cases) {
      it(testCase.name, async () => {
        const text = `// mde: POST /api/machines/{id}/unisolate\nconst json = ${testCase.literal};\n`;
        assert.deepEqual(covered(text, await findingsOf(text)), [['wrong-case', testCase.wrong]]);
        assert.equal(await fixedOnce(text), text.replace(testCase.literal, testCase.fixed));
      });
    }

    it('re-escapes a fixed value for a double-quoted literal', async () => {
      const text = `// mde: POST /api/machines/{id}/isolate\nconst json = "{\\"Comment\\": \\"x\\", \\"IsolationType\\": \\"full\\"}";\n`;
      assert.equal(await fixedOnce(text), text.replace('\\"full\\"', '\\"Full\\"'));
    });

    it('a substitution in a value is unknown, and one in a key hides that key', async () => {
      const text = '// mde: POST /api/machines/{id}/isolate\nconst json = `{"${key}": "x", "IsolationType": "${kind}"}`;\n';
      assert.deepEqual(await findingsOf(text), []);
    });
  });

  describe('bodies built in steps within one function', () => {
    it('adds `body.Key = …` and `body["Key"] = …` to the literal, and fixes them in place', async () => {
      const text = [
        'async function scan(id: string) {',
        '  // mde: POST /api/machines/{id}/runAntiVirusScan',
        '  const body: Record<string, string> = {};',
        "  body.comment = 'Weekly';",
        '  body["scanType"] = "quick";',
        '}',
        '',
      ].join('\n');
      const findings = await findingsOf(text);
      assert.deepEqual(covered(text, findings), [
        ['wrong-case', 'comment'],
        ['wrong-case', '"scanType"'],
        ['invalid-value', '"quick"'],
      ]);
      assert.equal(await fixedOnce(text), text.replace('body.comment', 'body.Comment').replace('"scanType"', '"ScanType"').replace('"quick"', '"Quick"'));
    });

    it('a key written again is sent with its later value', async () => {
      const text = "// mde: POST /api/machines/{id}/isolate\nconst body = { Comment: 'x', IsolationType: 'full' };\nbody.IsolationType = 'Selective';\n";
      assert.deepEqual(await findingsOf(text), []);
    });

    it('ignores writes in another function, to another variable of the same name, or after the call that sends it', async () => {
      const text = [
        'async function isolate(id: string) {',
        "  const body = { Comment: 'x' };",
        "  body.IsolationType = 'Full';",
        "  await fetch(`https://api.securitycenter.microsoft.com/api/machines/${id}/isolate`, { method: 'POST', body: JSON.stringify(body) });",
        "  body.isolationType = 'late';",
        '}',
        'function other() {',
        '  const body: any = {};',
        "  body.comment = 'not the same body';",
        '}',
        '',
      ].join('\n');
      assert.deepEqual(await findingsOf(text), []);
    });
  });

  describe('the fixtures', () => {
    const fixtures: [string, string, ScriptLanguage][] = [
      ['connector.ts', 'connector.fixed.ts', 'typescript'],
      ['actions.js', 'actions.fixed.js', 'javascript'],
      ['IsolateButton.tsx', 'IsolateButton.fixed.tsx', 'typescriptreact'],
    ];
    for (const [name, fixedName, language] of fixtures) {
      it(`${name}: fix-all gives ${fixedName}, which has nothing left to report`, async () => {
        const text = fixture(name);
        assert.ok((await findingsOf(text, language)).length > 0);
        assert.equal(await fixedOnce(text, language), fixture(fixedName));
        assert.deepEqual(covered(fixture(fixedName), await findingsOf(fixture(fixedName), language)), []);
      });
    }

    it('connector.ts: each finding on its token, for the operation its call sends to', async () => {
      const text = fixture('connector.ts');
      const findings = await findingsOf(text);
      assert.deepEqual(
        findings.map((finding) => [finding.code, text.slice(finding.start, finding.end), finding.args.operation]),
        [
          ['wrong-case', 'comment', 'isolateMachine'],
          ['wrong-case', 'isolationType', 'isolateMachine'],
          ['wrong-case', "'scanType'", 'runAntiVirusScan'],
          ['invalid-value', "'quick'", 'runAntiVirusScan'],
          ['wrong-case', 'value', 'addOrRemoveMachineTag'],
          ['wrong-case', "'action'", 'addOrRemoveMachineTag'],
          ['wrong-case', '"query"', 'runAdvancedQuery'],
          ['wrong-case', 'comment', 'unisolateMachine'],
          ['wrong-case', 'IndicatorValue', 'submitIndicator'],
        ],
      );
      assert.ok(findings.every((finding) => finding.args.inferred === undefined), 'every operation comes from a call or a directive');
    });

    it('reads the same bodies whichever grammar parses the file', async () => {
      const text = fixture('actions.js');
      const expected = covered(text, await findingsOf(text, 'javascript'));
      for (const language of ['typescript', 'javascriptreact', 'typescriptreact'] as const) {
        assert.deepEqual(covered(text, await findingsOf(text, language)), expected, language);
      }
    });

    it('gives each body the span of its literal, built steps included', async () => {
      const text = fixture('connector.ts');
      const { bodies } = await analyze(text);
      const payload = text.indexOf('{};');
      const tagBody = bodies.find((body) => body.span.start === payload);
      assert.ok(tagBody, 'the tag body starts at its literal');
      assert.equal(text.slice(tagBody.span.start, tagBody.span.end), "{};\n    payload.value = tag;\n    payload['action'] = 'Add'");
    });
  });

  it('fix-all keeps every byte it does not fix', async () => {
    const text = fixture('connector.ts');
    const fixed = fixAll(text, await findingsOf(text));
    assert.equal(fixed.length, text.length);
    const changed = [...text].filter((ch, i) => fixed[i] !== ch).length;
    assert.ok(changed > 0 && changed < 40, `changed ${changed} characters`);
  });
});
