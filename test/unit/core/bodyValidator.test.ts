import * as assert from 'node:assert/strict';
import { parseTree, visit, type Node } from 'jsonc-parser';
import { catalogMatcher, operations } from '../../../src/core/catalog/catalog';
import type { AlternateSpelling, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import type { Finding } from '../../../src/core/findings';
import { analyzeBody } from '../../../src/core/validate/analyzeBody';
import { fixAllEdits } from '../../../src/core/fixAll';
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

/** The docs page an operation is documented on, as `AlternateSpelling.requestPages` names it. */
function pageOf(op: OperationSpec): string {
  return op.docs.slice(op.docs.lastIndexOf('/') + 1);
}

/** A token of a sample body that the catalog knows another spelling for. */
interface AlternateSite {
  readonly alternate: AlternateSpelling;
  readonly start: number;
  readonly end: number;
  /** The token as the canonical spelling writes it. */
  readonly canonical: string;
}

/** Every key and value of `body` that has an alternate spelling, found by walking the body beside the catalog. */
function alternateSites(body: string, parameters: readonly ParameterSpec[]): AlternateSite[] {
  const sites: AlternateSite[] = [];
  const walk = (node: Node | undefined, shape: readonly ParameterSpec[] | undefined) => {
    if (node?.type === 'array') {
      node.children?.forEach((element) => walk(element, shape));
      return;
    }
    if (node?.type !== 'object' || !shape) {
      return;
    }
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const parameter = shape.find((candidate) => candidate.name === keyNode.value);
      assert.ok(parameter, `sample key ${String(keyNode.value)} is documented`);
      for (const alternate of parameter.alternateSpellings ?? []) {
        if (alternate.kind === 'name') {
          sites.push({ alternate, start: keyNode.offset, end: keyNode.offset + keyNode.length, canonical: JSON.stringify(parameter.name) });
        } else if (valueNode.type === 'string') {
          sites.push({ alternate, start: valueNode.offset, end: valueNode.offset + valueNode.length, canonical: JSON.stringify(alternate.canonical) });
        }
      }
      walk(valueNode, parameter.properties ?? parameter.items?.properties);
    }
  };
  walk(parseTree(body), parameters);
  return sites;
}

describe('body validator: spellings the docs use elsewhere', () => {
  const jsonOperations = operations.filter((op) => op.bodyKind === 'json');
  const allAlternates = jsonOperations.flatMap((op) => alternateSites(sampleBody(op), op.body).map((site) => ({ op, site })));

  it('finds the alternates of the catalog, both those tolerated and those not', () => {
    const tolerated = allAlternates.filter(({ op, site }) => site.alternate.requestPages.includes(pageOf(op)));
    assert.ok(tolerated.length >= 10, `only ${tolerated.length} tolerated alternates`);
    assert.ok(allAlternates.length - tolerated.length >= 10, `only ${allAlternates.length - tolerated.length} other alternates`);
  });

  it('names in requestPages only pages that document an operation of the catalog', () => {
    const pages = new Set(operations.map(pageOf));
    for (const { site } of allAlternates) {
      for (const page of site.alternate.requestPages) {
        assert.ok(pages.has(page), `${site.alternate.spelling}: ${page}`);
      }
    }
  });

  it('pairs every value spelling with one of the allowed values', () => {
    for (const { op, site } of allAlternates) {
      if (site.alternate.kind === 'value') {
        const body = sampleBody(op);
        assert.deepEqual(validate(op, body.slice(0, site.start) + site.canonical + body.slice(site.end)), [], `${op.id}: ${site.canonical}`);
        assert.notEqual(site.alternate.spelling, site.alternate.canonical);
      }
    }
  });

  for (const { op, site } of allAlternates) {
    const own = site.alternate.requestPages.includes(pageOf(op));
    const expected = own ? 'documented-variant (information)' : site.alternate.kind === 'name' ? 'wrong-case (error)' : 'invalid-value (error)';
    it(`${op.id}: "${site.alternate.spelling}" is ${expected}, and the preferred fix writes ${site.canonical}`, () => {
      const body = sampleBody(op);
      const written = body.slice(0, site.start) + JSON.stringify(site.alternate.spelling) + body.slice(site.end);
      const end = site.start + JSON.stringify(site.alternate.spelling).length;
      const findings = validate(op, written);
      const code = own ? 'documented-variant' : site.alternate.kind === 'name' ? 'wrong-case' : 'invalid-value';
      assert.deepEqual(
        findings.map((finding) => [finding.code, finding.severity, finding.start, finding.end]),
        [[code, own ? 'information' : 'error', site.start, end]],
      );
      const fixes = findings[0].fixes ?? [];
      assert.equal(fixes.length, 1);
      assert.equal(fixes[0].preferred, true);
      const fixed = body.slice(0, site.start) + site.canonical + body.slice(site.end);
      assert.equal(applyEdits(written, fixes[0].edits), fixed);
      assert.equal(applyEdits(written, fixAllEdits(findings)), fixed);
    });
  }

  describe('the cases of issue 14', () => {
    const run = (id: string, body: string) => {
      const findings = validate(operation(id), body);
      return { findings, fixedAll: applyEdits(body, fixAllEdits(findings)) };
    };

    it('"commands" on live response is the resource entity\'s spelling: a wrong-case error, fixed to "Commands"', () => {
      const body = '{"commands": [{"type": "GetFile", "params": [{"key": "Path", "value": "C:\\\\a.txt"}]}], "Comment": "x"}';
      const { findings, fixedAll } = run('runLiveResponse', body);
      assert.deepEqual(findings.map((f) => [f.code, f.severity, f.args.expected, f.preempts]), [['wrong-case', 'error', 'Commands', 'MissingRequiredParameter']]);
      assert.equal(fixedAll, body.replace('"commands"', '"Commands"'));
    });

    it('"deviceValue" on set device value is the update-machine page\'s spelling: a wrong-case error, fixed to "DeviceValue"', () => {
      const { findings, fixedAll } = run('setDeviceValue', '{"deviceValue": "High"}');
      assert.deepEqual(findings.map((f) => [f.code, f.severity, f.args.expected]), [['wrong-case', 'error', 'DeviceValue']]);
      assert.equal(fixedAll, '{"DeviceValue": "High"}');
    });

    it('"DeviceValue" on update machine is the set-device-value page\'s spelling: a wrong-case error too', () => {
      const { findings, fixedAll } = run('updateMachine', '{"DeviceValue": "High"}');
      assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['wrong-case', 'error']]);
      assert.equal(fixedAll, '{"deviceValue": "High"}');
    });

    it('"Key" of a live response parameter is written by the page\'s own Commands table: information, fixed by fix-all', () => {
      const body = '{"Commands": [{"type": "RunScript", "params": [{"Key": "ScriptName", "Value": "a.ps1"}]}], "Comment": "x"}';
      const { findings, fixedAll } = run('runLiveResponse', body);
      assert.deepEqual(
        findings.map((f) => [f.code, f.severity, f.args.path, f.args.expected]),
        [
          ['documented-variant', 'information', 'Commands[0].params[0]', 'key'],
          ['documented-variant', 'information', 'Commands[0].params[0]', 'value'],
        ],
      );
      assert.equal(fixedAll, body.replace('"Key"', '"key"').replace('"Value"', '"value"'));
    });

    it('a field list shared by two operations tolerates a spelling only where the page writes it', () => {
      const generate = (id: string, body: string) => run(id, body).findings.map((f) => [f.code, f.severity]);
      const indicator = '{"indicatorValue": "contoso.com", "indicatorType": "DomainName", "action": "Alert", "title": "t", "description": "d", "GenerateAlert": true}';
      assert.deepEqual(generate('submitIndicator', indicator), [['documented-variant', 'information']]);
      assert.deepEqual(generate('importIndicators', `{"Indicators": [${indicator}]}`), [['wrong-case', 'error']]);
    });

    it('an enum label of another page is an invalid value whose fix writes the value it stands for, not the first allowed one', () => {
      const update = run('updateAlert', '{"determination": "NotMalicious"}');
      assert.deepEqual(update.findings.map((f) => [f.code, f.severity]), [['documented-variant', 'information']]);
      assert.equal(update.fixedAll, '{"determination": "Clean"}');
      const batch = run('batchUpdateAlerts', '{"alertIds": ["a"], "determination": "ConfirmedActivity"}');
      assert.deepEqual(batch.findings.map((f) => [f.code, f.severity, f.args.expected]), [['invalid-value', 'error', 'ConfirmedUserActivity']]);
      assert.equal(batch.fixedAll, '{"alertIds": ["a"], "determination": "ConfirmedUserActivity"}');
    });
  });
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
    const body = JSON.stringify({ Commands: [{ type: 'RunScript', params: [{ KEY: 'ScriptName', value: 'a.ps1' }] }], Comment: 'x' });
    const findings = validate(live, body);
    assert.deepEqual(findings.map((f) => [f.code, f.args.path, f.args.expected]), [['wrong-case', 'Commands[0].params[0]', 'key']]);
  });
});
