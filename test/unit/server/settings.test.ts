import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultSettings, readSettings, type SettingProblem } from '../../../src/core/settings';

const ids = {
  docsLanguage: 'mdeApi.docsLanguage',
  maxFileSizeMB: 'mdeApi.maxFileSizeMB',
  validation: 'mdeApi.validation.enabled',
  codeLens: 'mdeApi.codeLens.enabled',
};

/** The one problem readSettings reports for a section holding a single bad value. */
function onlyProblem(section: unknown): SettingProblem {
  const { settings, problems } = readSettings(section);
  assert.deepEqual(settings, defaultSettings, 'every setting falls back to its default');
  assert.equal(problems.length, 1, `one problem: ${JSON.stringify(problems)}`);
  return problems[0];
}

describe('settings read defensively', () => {
  it('reads well-formed values as they are', () => {
    const { settings, problems } = readSettings({ docsLanguage: 'fr', maxFileSizeMB: 0.5, validation: { enabled: false }, codeLens: { enabled: false } });
    assert.deepEqual(settings, { docsLanguage: 'fr', maxFileSizeMB: 0.5, validationEnabled: false, codeLensEnabled: false });
    assert.deepEqual(problems, []);
  });

  describe('a section that is not an object', () => {
    for (const raw of [undefined, null, 42, 'mdeApi', true, [], [{ docsLanguage: 'fr' }], () => 'fr']) {
      it(`falls back to every default for ${typeof raw === 'function' ? 'a function' : JSON.stringify(raw) ?? String(raw)}, with nothing to report`, () => {
        assert.deepEqual(readSettings(raw), { settings: defaultSettings, problems: [] });
      });
    }
  });

  describe('mdeApi.docsLanguage', () => {
    const cases: [unknown, string][] = [
      ['de', '"de"'],
      ['EN', '"EN"'],
      [' fr', '" fr"'],
      ['', '""'],
      [1, '1'],
      [true, 'true'],
      [['en'], '["en"]'],
      [{ value: 'en' }, '{"value":"en"}'],
    ];
    for (const [value, shown] of cases) {
      it(`falls back to "auto" for ${shown}, naming the setting, the value and the fallback`, () => {
        assert.deepEqual(onlyProblem({ docsLanguage: value }), { setting: ids.docsLanguage, value: shown, fallback: 'auto' });
      });
    }
  });

  describe('mdeApi.maxFileSizeMB', () => {
    const cases: [unknown, string][] = [
      [-1, '-1'],
      [0, '0'],
      [-0.001, '-0.001'],
      [NaN, 'NaN'],
      [Infinity, 'Infinity'],
      [-Infinity, '-Infinity'],
      ['32', '"32"'],
      ['', '""'],
      [true, 'true'],
      [[32], '[32]'],
      [{ mb: 32 }, '{"mb":32}'],
    ];
    for (const [value, shown] of cases) {
      it(`falls back to the default size for ${shown}, naming the setting, the value and the fallback`, () => {
        assert.deepEqual(onlyProblem({ maxFileSizeMB: value }), { setting: ids.maxFileSizeMB, value: shown, fallback: String(defaultSettings.maxFileSizeMB) });
      });
    }

    it('keeps a huge but finite size: the user asked for no practical limit', () => {
      assert.deepEqual(readSettings({ maxFileSizeMB: Number.MAX_VALUE }), { settings: { ...defaultSettings, maxFileSizeMB: Number.MAX_VALUE }, problems: [] });
    });
  });

  describe('the boolean switches', () => {
    for (const [key, setting] of [['validation', ids.validation], ['codeLens', ids.codeLens]] as const) {
      for (const [value, shown] of [['false', '"false"'], [0, '0'], [1, '1'], [[], '[]'], [{}, '{}']] as [unknown, string][]) {
        it(`falls back to true for ${setting} = ${shown}`, () => {
          assert.deepEqual(onlyProblem({ [key]: { enabled: value } }), { setting, value: shown, fallback: 'true' });
        });
      }

      for (const container of [false, 'off', 0, [false], null]) {
        it(`ignores a ${key} section that is ${JSON.stringify(container)} instead of an object: the switch stays on`, () => {
          assert.deepEqual(readSettings({ [key]: container }), { settings: defaultSettings, problems: [] });
        });
      }
    }
  });

  it('treats null as not set, as LSP clients send null for settings they do not know', () => {
    assert.deepEqual(readSettings({ docsLanguage: null, maxFileSizeMB: null, validation: { enabled: null }, codeLens: { enabled: null } }), {
      settings: defaultSettings,
      problems: [],
    });
  });

  it('reports each bad value once, in setting order, and keeps the good ones', () => {
    const { settings, problems } = readSettings({ docsLanguage: 'de', maxFileSizeMB: -5, validation: { enabled: false }, codeLens: { enabled: 'no' }, unknown: { deeply: [1, { nested: 'garbage' }] } });
    assert.deepEqual(settings, { ...defaultSettings, validationEnabled: false });
    assert.deepEqual(problems, [
      { setting: ids.docsLanguage, value: '"de"', fallback: 'auto' },
      { setting: ids.maxFileSizeMB, value: '-5', fallback: String(defaultSettings.maxFileSizeMB) },
      { setting: ids.codeLens, value: '"no"', fallback: 'true' },
    ]);
  });

  it('shortens a long value in the problem, so a notice stays readable', () => {
    const problem = onlyProblem({ docsLanguage: 'x'.repeat(10_000) });
    assert.ok(problem.value.length <= 60, problem.value);
    assert.ok(problem.value.endsWith('…'));
  });

  it('never throws, and answers usable settings with one problem per bad value, whatever JSON arrives', () => {
    const anyJson = fc.oneof(fc.jsonValue(), fc.constantFrom(NaN, Infinity, -0, Number.MIN_VALUE, 'de', 'fr', 'auto'));
    const section = fc.oneof(
      anyJson,
      fc.record(
        { docsLanguage: anyJson, maxFileSizeMB: anyJson, validation: fc.oneof(anyJson, fc.record({ enabled: anyJson })), codeLens: fc.oneof(anyJson, fc.record({ enabled: anyJson })) },
        { requiredKeys: [] },
      ),
    );
    fc.assert(
      fc.property(section, (raw) => {
        const { settings, problems } = readSettings(raw);
        assert.ok(['auto', 'en', 'fr'].includes(settings.docsLanguage));
        assert.ok(Number.isFinite(settings.maxFileSizeMB) && settings.maxFileSizeMB > 0);
        assert.equal(typeof settings.validationEnabled, 'boolean');
        assert.equal(typeof settings.codeLensEnabled, 'boolean');
        assert.equal(new Set(problems.map((problem) => problem.setting)).size, problems.length, 'at most one problem per setting');
        for (const problem of problems) {
          assert.ok(Object.values(ids).includes(problem.setting));
          assert.ok(problem.value.length > 0 && problem.value.length <= 60);
          assert.notEqual(problem.value, 'null', 'a non-null value is never shown as null');
        }
      }),
      { numRuns: 500 },
    );
  });
});
