import * as assert from 'node:assert/strict';
import { visit } from 'jsonc-parser';
import { catalogMatcher, operations } from '../../../src/core/catalog/catalog';
import type { OperationSpec } from '../../../src/core/catalog/types';
import type { Finding } from '../../../src/core/findings';
import { analyzeBody } from '../../../src/core/validate/analyzeBody';
import { sampleBody } from '../helpers/sampleBody';
import { applyEdits } from '../helpers/text';

function validate(operation: OperationSpec, body: string): Finding[] {
  return analyzeBody(body, { start: 0, end: body.length }, { operation, allowComments: false }).findings;
}

function operation(id: string): OperationSpec {
  const found = catalogMatcher.findById(id);
  assert.ok(found, `catalog has ${id}`);
  return found;
}

/** Every key of a JSON text with its offset, in document order. */
function keysOf(text: string): { key: string; offset: number; length: number }[] {
  const keys: { key: string; offset: number; length: number }[] = [];
  visit(text, { onObjectProperty: (key, offset, length) => keys.push({ key, offset, length }) });
  return keys;
}

function flipCase(name: string, alternates: readonly string[]): string {
  const firstFlipped = (name[0] === name[0].toUpperCase() ? name[0].toLowerCase() : name[0].toUpperCase()) + name.slice(1);
  if (!alternates.includes(firstFlipped) && firstFlipped !== name) {
    return firstFlipped;
  }
  return [...name].map((ch) => (ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
}

function alternateNames(op: OperationSpec): string[] {
  const names: string[] = [];
  const walk = (parameters: OperationSpec['body']) => {
    for (const parameter of parameters) {
      names.push(...(parameter.alternateSpellings ?? []).filter((alt) => alt.kind === 'name').map((alt) => alt.spelling));
      walk(parameter.properties ?? []);
      walk(parameter.items?.properties ?? []);
    }
  };
  walk(op.body);
  return names;
}

describe('body validator', () => {
  const jsonOperations = operations.filter((op) => op.bodyKind === 'json');

  it('covers every JSON-body operation of the catalog', () => {
    assert.ok(jsonOperations.length >= 25, `only ${jsonOperations.length} operations`);
  });

  for (const op of jsonOperations) {
    describe(`${op.id} (${op.method} ${op.path})`, () => {
      const body = sampleBody(op);

      it('accepts a body built from its documented parameters', () => {
        assert.deepEqual(validate(op, body), []);
      });

      for (const { key, offset, length } of keysOf(body)) {
        it(`reports exactly one wrong-case for a flipped "${key}" at ${offset}, with the fix that restores it`, () => {
          const flipped = flipCase(key, alternateNames(op));
          const broken = body.slice(0, offset) + JSON.stringify(flipped) + body.slice(offset + length);
          const findings = validate(op, broken);
          assert.deepEqual(
            findings.map((finding) => [finding.code, finding.start, finding.end]),
            [['wrong-case', offset, offset + length]],
          );
          const fix = findings[0].fixes?.find((candidate) => candidate.preferred);
          assert.ok(fix, 'a preferred fix');
          assert.equal(applyEdits(broken, fix.edits), body);
        });
      }
    });
  }
});

describe('body validator: specific checks', () => {
  const isolate = operation('isolateMachine');

  it('names the documented spelling and the error it pre-empts', () => {
    const [finding] = validate(isolate, '{"comment": "x", "IsolationType": "Full"}');
    assert.equal(finding.code, 'wrong-case');
    assert.equal(finding.args.expected, 'Comment');
    assert.equal(finding.preempts, 'MissingRequiredParameter');
    assert.equal(finding.docs, isolate.docs);
  });

  it('reports an enum value in the wrong case with a fix to the exact casing', () => {
    const body = '{"Comment": "x", "IsolationType": "full"}';
    const [finding] = validate(isolate, body);
    assert.equal(finding.code, 'invalid-value');
    assert.equal(applyEdits(body, finding.fixes![0].edits), '{"Comment": "x", "IsolationType": "Full"}');
  });

  it('reports a value outside the allowed ones without a fix', () => {
    const [finding] = validate(isolate, '{"Comment": "x", "IsolationType": "Partial"}');
    assert.equal(finding.code, 'invalid-value');
    assert.equal(finding.fixes, undefined);
    assert.match(finding.args.allowed, /Full, Selective/);
  });

  it('reports unknown parameters with a did-you-mean', () => {
    const [finding] = validate(isolate, '{"Coment": "x"}').filter((f) => f.code === 'unknown-parameter');
    assert.equal(finding.args.suggestion, 'Comment');
  });

  it('reports missing required parameters once, with a fix that adds them', () => {
    const body = '{\n  "IsolationType": "Full"\n}';
    const findings = validate(isolate, body);
    assert.deepEqual(findings.map((f) => f.code), ['missing-required']);
    const fixed = applyEdits(body, findings[0].fixes![0].edits);
    assert.equal(fixed, '{\n  "IsolationType": "Full",\n  "Comment": ""\n}');
  });

  it('reports the wrong JSON type', () => {
    const [finding] = validate(isolate, '{"Comment": 42}');
    assert.equal(finding.code, 'wrong-type');
    assert.equal(finding.args.expected, 'string');
  });

  it('reports two keys that differ only by case, with a removal fix', () => {
    const body = '{\n  "Comment": "a",\n  "comment": "b"\n}';
    const duplicate = validate(isolate, body).find((f) => f.code === 'duplicate-key');
    assert.ok(duplicate);
    assert.equal(applyEdits(body, duplicate.fixes![0].edits), '{\n  "Comment": "a"\n}');
  });

  describe('keys that differ only by case, in small and large objects', () => {
    // Small objects are scanned and large ones use a Map: both must name the same duplicates.
    const duplicatesIn = (keys: readonly string[]) => {
      const body = `{${keys.map((key, index) => `${JSON.stringify(key)}: ${index}`).join(', ')}}`;
      return validate(isolate, body)
        .filter((f) => f.code === 'duplicate-key')
        .map((f) => `${f.args.name}=${f.args.first}`);
    };
    const expectedDuplicates = (keys: readonly string[]) => {
      const firsts: string[] = [];
      const found: string[] = [];
      for (const key of keys) {
        const first = firsts.find((other) => other.length === key.length && other.toLowerCase() === key.toLowerCase());
        if (first === undefined) {
          firsts.push(key);
        } else {
          found.push(`${key}=${first}`);
        }
      }
      return found;
    };
    for (const size of [3, 16, 17, 40, 400]) {
      it(`finds every duplicate among ${size} keys`, () => {
        const names = Array.from({ length: size }, (_, index) => `key${index}`);
        const keys = [...names, ...names.filter((_, index) => index % 3 === 0).map((name) => name.toUpperCase()), 'KEY1', 'Key2'];
        const found = duplicatesIn(keys);
        assert.ok(found.length > 0);
        assert.deepEqual(found, expectedDuplicates(keys));
      });
    }
    it('never takes keys of different lengths for one another, though İ lower-cases to two characters', () => {
      for (const filler of [0, 20]) {
        const keys = ['İd', 'i\u0307d', ...Array.from({ length: filler }, (_, index) => `k${index}`), 'İD', 'I\u0307d'];
        assert.deepEqual(duplicatesIn(keys), ['İD=İd', 'I\u0307d=i\u0307d'], `with ${filler} other keys`);
      }
    });
  });

  it('checks indicator values against their indicatorType', () => {
    const submit = operation('submitIndicator');
    const body = (type: string, value: string) =>
      JSON.stringify({ indicatorValue: value, indicatorType: type, action: 'Alert', title: 't', description: 'd', severity: 'High' });
    const codes = (type: string, value: string) => validate(submit, body(type, value)).filter((f) => f.code === 'invalid-format').map((f) => f.preempts);
    assert.deepEqual(codes('IpAddress', '10.0.0.1'), []);
    assert.deepEqual(codes('IpAddress', '10.0.0.300'), ['InvalidIpAddress']);
    assert.deepEqual(codes('FileSha256', 'abc'), ['InvalidHashValue']);
    assert.deepEqual(codes('DomainName', 'not a domain'), ['InvalidDomainName']);
    assert.deepEqual(codes('Url', 'https://contoso.com/x'), []);
    assert.deepEqual(codes('Url', 'http://exa mple'), ['InvalidUrl']);
  });

  it('reports a batch over the documented maximum', () => {
    const tags = operation('addOrRemoveTagForMultipleMachines');
    const machineIds = Array.from({ length: 501 }, (_, i) => `m${i}`);
    const findings = validate(tags, JSON.stringify({ Value: 'tag', Action: 'Add', MachineIds: machineIds }));
    assert.deepEqual(findings.map((f) => [f.code, f.preempts]), [['batch-too-large', 'MaximumBatchSizeExceeded']]);
  });

  it('gives one clear diagnostic for a raw line break in a string, with an escape fix', () => {
    const body = '{"Comment": "first line\nsecond line"}';
    const findings = validate(isolate, body);
    assert.deepEqual(findings.map((f) => f.code), ['invalid-json']);
    assert.equal(applyEdits(body, findings[0].fixes![0].edits), '{"Comment": "first line\\nsecond line"}');
  });

  it('still flags wrong casing in a body that does not parse, without claiming anything missing', () => {
    const findings = validate(isolate, '{"comment": "x",');
    assert.deepEqual(findings.map((f) => f.code).sort(), ['invalid-json', 'wrong-case']);
  });

  it('validates nested live response commands', () => {
    const live = operation('runLiveResponse');
    const body = JSON.stringify({ Commands: [{ type: 'RunScript', params: [{ Key: 'ScriptName', value: 'a.ps1' }] }], Comment: 'x' });
    const findings = validate(live, body);
    assert.ok(findings.some((f) => f.args.path?.startsWith('Commands[0].params[0]') || f.args.name === 'Key'), JSON.stringify(findings));
  });
});
