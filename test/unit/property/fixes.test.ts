import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse, type ParseError } from 'jsonc-parser';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import type { ElementSpec, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import type { Finding } from '../../../src/core/findings';
import { analyzeDocument, type DocumentKind } from '../../../src/core/requests/requestAnalyzer';
import { fixAllEdits } from '../../../src/core/fixAll';
import { sampleBody, sampleObject } from '../helpers/sampleBody';
import { applyEdits } from '../helpers/text';
import { jsonOperations, requestLine } from './arbitraries';
import { runs } from './invariants';
import { flippedCase, type Draw } from '../helpers/caseFlip';

/**
 * A document is built as pieces: fixed text, and tokens with a correct and a broken spelling.
 * Rendering both from the same pieces gives the damaged document and the one its fixes must give back.
 */
type Piece = string | { readonly correct: string; readonly broken: string; readonly kind: 'key' | 'value' | 'comment' | 'placeholder' };

const commentTexts = ['note', 'TODO: check "Comment": "x"', '{{token}} is set above', '{"a": [1, 2]}', '', 'déjà vu ✓', 'a // b # c'];

interface Style {
  readonly indent: string;
  readonly gap: () => string;
  readonly hashComments: boolean;
}

class BodyWriter {
  readonly pieces: Piece[] = [];

  constructor(
    private readonly draw: Draw,
    private readonly style: Style,
  ) {}

  object(value: Record<string, unknown>, parameters: readonly ParameterSpec[], depth: number): void {
    const entries = Object.entries(value);
    const multiline = entries.length > 0 && this.draw(fc.boolean());
    const inner = this.style.indent.repeat(depth + 1);
    this.pieces.push('{');
    entries.forEach(([name, child], index) => {
      const parameter = parameters.find((candidate) => candidate.name === name)!;
      if (multiline) {
        this.pieces.push('\n');
        this.comments(inner);
        this.pieces.push(inner);
      } else {
        this.pieces.push(this.style.gap());
      }
      this.key(parameter);
      this.pieces.push(this.style.gap(), ':', this.style.gap() || ' ');
      this.value(child, parameter, depth + 1);
      if (index < entries.length - 1) {
        this.pieces.push(this.style.gap(), ',');
      }
    });
    if (multiline) {
      this.pieces.push('\n');
      this.comments(inner);
      this.pieces.push(this.style.indent.repeat(depth));
    } else {
      this.pieces.push(this.style.gap());
    }
    this.pieces.push('}');
  }

  private key(parameter: ParameterSpec): void {
    // The docs' own variants are drawn too: fix-all must take them back to the canonical name like any other case.
    const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, parameter.name, [parameter.name]) : undefined;
    this.pieces.push({ correct: JSON.stringify(parameter.name), broken: JSON.stringify(broken ?? parameter.name), kind: 'key' });
  }

  private value(value: unknown, shape: ParameterSpec | ElementSpec, depth: number): void {
    if (Array.isArray(value)) {
      const items = 'items' in shape ? shape.items : undefined;
      this.pieces.push('[', this.style.gap());
      value.forEach((element, index) => {
        this.value(element, items ?? { type: 'string' }, depth + 1);
        if (index < value.length - 1) {
          this.pieces.push(',', this.style.gap() || ' ');
        }
      });
      this.pieces.push(this.style.gap(), ']');
    } else if (value !== null && typeof value === 'object') {
      this.object(value as Record<string, unknown>, shape.properties ?? [], depth);
    } else if (typeof value === 'string' && shape.values) {
      const accepted = [...shape.values, ...('alternateSpellings' in shape ? (shape.alternateSpellings ?? []) : []).filter((alt) => alt.kind === 'value').map((alt) => alt.spelling)];
      const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, value, accepted) : undefined;
      this.pieces.push({ correct: JSON.stringify(value), broken: JSON.stringify(broken ?? value), kind: 'value' });
    } else if (typeof value === 'string' && this.draw(fc.boolean())) {
      // A REST Client variable in a string: unknown until sent, so neither flagged nor touched.
      const variable = `"${this.draw(fc.constantFrom('', 'prefix ', 'a \\"quoted\\" ', '\\\\'))}{{${this.draw(fc.constantFrom('id', '$guid', 'host.name', 'x y'))}}}"`;
      this.pieces.push({ correct: variable, broken: variable, kind: 'placeholder' });
    } else {
      this.pieces.push(JSON.stringify(value));
    }
  }

  /** Whole-line comments, which REST Client strips before sending (JSONC keeps `//` ones as comments). */
  private comments(indent: string): void {
    const count = this.draw(fc.nat({ max: 2 }));
    for (let i = 0; i < count; i++) {
      const marker = this.style.hashComments && this.draw(fc.boolean()) ? '#' : '//';
      const line = `${this.draw(fc.constantFrom('', indent, ' '))}${marker}${this.draw(fc.constantFrom('', ' '))}${this.draw(fc.constantFrom(...commentTexts))}`;
      this.pieces.push({ correct: line, broken: line, kind: 'comment' }, '\n');
    }
  }
}

interface Case {
  readonly kind: Exclude<DocumentKind, 'other'>;
  readonly pieces: readonly Piece[];
}

const render = (pieces: readonly Piece[], which: 'correct' | 'broken') => pieces.map((piece) => (typeof piece === 'string' ? piece : piece[which])).join('');

function bodyPieces(draw: Draw, operation: OperationSpec, hashComments: boolean): Piece[] {
  const style: Style = {
    indent: draw(fc.constantFrom('  ', '    ', '\t', ' ')),
    gap: () => draw(fc.constantFrom('', '', ' ', '  ', '\t')),
    hashComments,
  };
  const writer = new BodyWriter(draw, style);
  writer.object(sampleObject(operation.body), operation.body, 0);
  return writer.pieces;
}

const cases: fc.Arbitrary<Case> = fc.gen().map((generate) => {
  const draw: Draw = (arbitrary) => generate(() => arbitrary);
  const kind = draw(fc.constantFrom('http' as const, 'json' as const, 'markdown' as const));
  const operations = draw(fc.array(fc.constantFrom(...jsonOperations), { minLength: 1, maxLength: kind === 'json' ? 1 : 3 }));
  let pieces: Piece[];
  if (kind === 'json') {
    pieces = [`// mde: ${operations[0].method} ${operations[0].path}\n`, ...bodyPieces(draw, operations[0], false), '\n'];
  } else {
    pieces = operations.flatMap((operation, index) => [
      `### request ${index}\n${requestLine(operation)}\nContent-Type: application/json\n\n`,
      ...bodyPieces(draw, operation, true),
      '\n\n',
    ]);
    if (kind === 'markdown') {
      pieces = ['# Requests\n\nSome `prose`.\n\n```http\n', ...pieces, '```\n\nMore prose {{not a variable}}.\n'];
    }
  }
  if (draw(fc.boolean())) {
    pieces = pieces.map((piece) => (typeof piece === 'string' ? piece.replace(/\n/g, '\r\n') : piece));
  }
  return { kind, pieces };
});

function findingsOf(text: string, kind: DocumentKind): readonly Finding[] {
  return analyzeDocument(text, kind, catalogMatcher).findings;
}

/** The text with every token blanked: what must come out of the fixes unchanged, to the character. */
function withTokensBlanked(text: string, pieces: readonly Piece[], which: 'correct' | 'broken'): string {
  let offset = 0;
  let result = '';
  for (const piece of pieces) {
    const written = typeof piece === 'string' ? piece : piece[which];
    const isChanged = typeof piece !== 'string' && piece.correct !== piece.broken;
    result += isChanged ? '\u0000'.repeat(written.length) : text.slice(offset, offset + written.length);
    offset += written.length;
  }
  return result;
}

/** Each body's value, comments dropped and placeholders masked as the analyzer reads them. */
function bodiesAsJson(text: string, kind: DocumentKind): unknown[] {
  return analyzeDocument(text, kind, catalogMatcher).bodies.map((body) => {
    const errors: ParseError[] = [];
    const value: unknown = parse(body.analysis.masked.text, errors, { disallowComments: false, allowTrailingComma: false });
    assert.deepEqual(errors, [], `the body parses:\n${body.analysis.masked.text}`);
    return value;
  });
}

/** The broken rendering of a case after one fix-all. */
function fixAllOf(testCase: Case): string {
  const broken = render(testCase.pieces, 'broken');
  return applyEdits(broken, fixAllEdits(findingsOf(broken, testCase.kind)));
}

function assertRepaired(fixed: string, testCase: Case): void {
  const correct = render(testCase.pieces, 'correct');
  const broken = render(testCase.pieces, 'broken');
  const context = `\n--- damaged:\n${broken}\n--- after the fixes:\n${fixed}`;
  assert.deepEqual(bodiesAsJson(fixed, testCase.kind), bodiesAsJson(correct, testCase.kind), `the bodies parse to the documented structure${context}`);
  assert.equal(fixed.length, broken.length, `case fixes keep every length${context}`);
  assert.equal(withTokensBlanked(fixed, testCase.pieces, 'broken'), withTokensBlanked(broken, testCase.pieces, 'broken'), `comments, variables and layout are untouched${context}`);
  assert.equal(fixed, correct, `each changed token is back to its documented spelling${context}`);
}

/**
 * Shrinking a fc.gen() value of hundreds of draws takes longer than any report is worth:
 * a failure stops the run at once, and the messages carry the documents themselves.
 */
const settings = (numRuns: number) => ({ ...runs(numRuns), endOnFailure: true });

describe('property: quick fixes repair only what they name', () => {
  it('leaves a documented body with comments, variables and any layout without findings', () => {
    fc.assert(
      fc.property(cases, (testCase) => {
        assert.deepEqual(findingsOf(render(testCase.pieces, 'correct'), testCase.kind), []);
      }),
      settings(300),
    );
  });

  it('fix-all restores the documented spellings and touches nothing else', () => {
    fc.assert(
      fc.property(cases, (testCase) => {
        assertRepaired(fixAllOf(testCase), testCase);
      }),
      settings(300),
    );
  });

  it('fix-all a second time changes nothing', () => {
    fc.assert(
      fc.property(cases, (testCase) => {
        const findings = findingsOf(fixAllOf(testCase), testCase.kind);
        assert.deepEqual(fixAllEdits(findings), []);
        assert.ok(!findings.some((finding) => finding.fixes?.some((fix) => fix.preferred)), 'no preferred fix is left');
      }),
      settings(300),
    );
  });

  describe('what the properties found', () => {
    const addScan = catalogMatcher.findById('addScanDefinition')!;
    const scan = (edit: (body: string) => string) => `${requestLine(addScan)}\nContent-Type: application/json\n\n${edit(sampleBody(addScan))}\n`;

    it('still checks the keys of a nested object that holds a variable', () => {
      const text = scan((body) => body.replace('"machineId": "text"', '"MachineID": "{{id}}"'));
      assert.deepEqual(
        findingsOf(text, 'http').map((finding) => [finding.code, text.slice(finding.start, finding.end)]),
        [['wrong-case', '"MachineID"']],
      );
    });

    it('claims no required parameter is missing beside a key built from a variable', () => {
      const text = scan((body) => body.replace('"scanName"', '"{{nameKey}}"').replace('"machineId"', '"{{idKey}}"'));
      assert.deepEqual(findingsOf(text, 'http'), []);
    });
  });

  it('applying the preferred quick fixes one by one ends where fix-all does', () => {
    fc.assert(
      fc.property(cases, (testCase) => {
        const broken = render(testCase.pieces, 'broken');
        const changed = testCase.pieces.filter((piece) => typeof piece !== 'string' && piece.correct !== piece.broken).length;
        let text = broken;
        for (let step = 0; step <= changed; step++) {
          const fix = findingsOf(text, testCase.kind)
            .flatMap((finding) => finding.fixes ?? [])
            .find((candidate) => candidate.preferred);
          if (!fix) {
            break;
          }
          text = applyEdits(text, fix.edits);
        }
        assertRepaired(text, testCase);
      }),
      settings(200),
    );
  });
});
