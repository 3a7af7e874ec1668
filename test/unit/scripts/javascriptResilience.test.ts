import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import type { DocumentAnalysis } from '../../../src/core/requests/requestAnalyzer';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { scriptLanguageOf } from '../../../src/core/scripts/registry';
import { ScriptDocument } from '../../../src/core/scripts/scriptDocument';
import { testParsers } from '../helpers/parsers';
import { assertEditsInside, assertFindingsInside, assertSpan } from '../property/invariants';
import { analyze, fixture, fixtureFolder, type ScriptLanguage } from './javascriptHelpers';

const LANGUAGE_OF: Readonly<Record<string, ScriptLanguage>> = { js: 'javascript', jsx: 'javascriptreact', ts: 'typescript', tsx: 'typescriptreact' };

function languageOf(name: string): ScriptLanguage {
  return LANGUAGE_OF[name.slice(name.lastIndexOf('.') + 1)];
}

/** Every finding, fix, body and view offset lies inside the text, and fix-all applies. */
function assertInside(text: string, analysis: DocumentAnalysis, label: string): void {
  const whole = { start: 0, end: text.length };
  assertFindingsInside(analysis.findings, whole);
  assertEditsInside(fixAllEdits(analysis.findings), whole, `${label}: fix-all`);
  applyEdits(text, fixAllEdits(analysis.findings));
  for (const body of analysis.bodies) {
    assertSpan(body.span, whole, `${label}: body`);
    assertSpan(body.target?.urlSpan, whole, `${label}: url`);
    assertSpan(body.target?.methodSpan, whole, `${label}: method`);
    const { masked } = body.analysis;
    for (let offset = 0; offset <= masked.text.length; offset++) {
      const host = masked.map ? masked.map.toHost(offset) : masked.base + offset;
      assert.ok(body.span.start <= host && host <= body.span.end, `${label}: view offset ${offset} maps to ${host}, outside the body [${body.span.start}, ${body.span.end})`);
    }
  }
}

describe('JavaScript and TypeScript bodies: half-typed code', () => {
  const names = readdirSync(fixtureFolder).filter((name) => languageOf(name) && !name.includes('.fixed.'));

  for (const name of names) {
    it(`${name} typed character by character: every prefix read without a throw, every range inside the text`, async () => {
      const text = fixture(name);
      const language = scriptLanguageOf(languageOf(name))!;
      // The editor's path: one document, reparsed incrementally after each keystroke.
      const document = new ScriptDocument(await testParsers.prepare(language.grammar), language.extractor, catalogMatcher);
      try {
        document.reset('');
        for (let length = 1; length <= text.length; length++) {
          const prefix = text.slice(0, length);
          document.update(prefix, [{ start: length - 1, end: length - 1, newLength: 1 }]);
          assertInside(prefix, document.analyze(), `${name}[0, ${length})`);
        }
        assert.deepEqual(document.analyze().findings, (await analyze(text, languageOf(name))).findings, 'typing ends where reading the whole file does');
      } finally {
        document.dispose();
      }
    });
  }

  it('survives the shapes of typing a body', async () => {
    const start = "await fetch('https://api.securitycenter.microsoft.com/api/machines/1/isolate', { method: 'POST', body: JSON.stringify(";
    for (const typed of [
      '{',
      '{ comm',
      '{ comment',
      '{ comment:',
      "{ comment: 'x",
      "{ comment: 'x', isolationType: `Fu",
      '{ ...',
      '{ [',
      '{ "comment',
      "{ comment: 'x' } as",
      "{ comment: 'x' }) })\nbody.",
      "{ Comment: 'x', IsolationType: \"Full\" }",
    ]) {
      for (const language of ['javascript', 'typescript', 'typescriptreact'] as const) {
        const text = start + typed;
        assertInside(text, await analyze(text, language), JSON.stringify(typed));
      }
    }
  });

  it('still reports the other keys while one is being typed in a closed literal', async () => {
    const text = "// mde: POST /api/machines/{id}/isolate\nconst body = { comment: 'x', IsolationType: };\n";
    const { findings } = await analyze(text);
    assert.deepEqual(
      findings.map((finding) => [finding.code, text.slice(finding.start, finding.end)]),
      [['wrong-case', 'comment']],
    );
  });
});
