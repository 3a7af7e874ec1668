import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import { fixAllEdits } from '../../../src/core/fixAll';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { DocumentStore } from '../../../src/server/documentStore';
import { provideCompletion } from '../../../src/server/features/completion';
import { provideHover } from '../../../src/server/features/hover';
import { currentLanguage, t } from '../../../src/shared/language';
import { testParsers } from '../helpers/parsers';
import { fixtures, mutated } from './arbitraries';
import { assertAnalysisInside, assertEditsInside, runs } from './invariants';

const playbooks = [...fixtures].filter(([name]) => name.startsWith('playbooks/')).map(([, text]) => text);
const damaged = mutated(fc.constantFrom(...playbooks));

describe('property: damaged playbooks, collections and docs pages', () => {
  it('never throw, and keep findings, fixes and bodies inside the text', () => {
    fc.assert(
      fc.property(damaged, fc.constantFrom('json' as const, 'markdown' as const), (text, kind) => {
        const analysis = analyzeDocument(text, kind, catalogMatcher);
        assertAnalysisInside(text, analysis);
        assertEditsInside(fixAllEdits(analysis.findings), { start: 0, end: text.length }, 'fix-all');
      }),
      runs(300),
    );
  });

  it('answer hovers and completions anywhere without throwing, with ranges inside the text', () => {
    const env = { language: currentLanguage(), t };
    let version = 1;
    fc.assert(
      fc.property(damaged, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (text, probes) => {
        const document = TextDocument.create('untitled:probe.json', 'json', version++, text);
        const store = new DocumentStore(() => 32 * 1024 * 1024, testParsers);
        for (const probe of probes) {
          const position = document.positionAt(probe % (text.length + 1));
          const hover = provideHover(document, position, store, env);
          if (hover?.range) {
            assert.ok(document.offsetAt(hover.range.start) <= document.offsetAt(hover.range.end));
          }
          for (const item of provideCompletion(document, position, store, env)) {
            assert.ok(item.label.length > 0);
          }
        }
      }),
      runs(150),
    );
  });
});
