import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ElementSpec, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import { sampleObject } from '../helpers/sampleBody';
import { jsonOperations } from '../property/arbitraries';
import { runs } from '../property/invariants';
import { findingsOf, fixAll, type ScriptLanguage } from './javascriptHelpers';
import { flippedCase, type Draw } from '../helpers/caseFlip';

/**
 * JavaScript bodies generated from the catalog: every operation, keys bare or in any quotes, values
 * in any quotes, sent by a directive, fetch, axios or got, or written as JSON in a string. Each token
 * has a correct and a broken spelling; fix-all must turn the broken file into the correct one exactly.
 */
type Piece = string | { readonly correct: string; readonly broken: string };
type Quote = "'" | '"' | '`';

/** A JavaScript string literal; the catalog's sample strings hold no quote or backslash. */
const literal = (quote: Quote, text: string) => `${quote}${text}${quote}`;

/** Writes an object literal (or, for a JSON string, JSON text) as pieces. */
class BodyWriter {
  readonly pieces: Piece[] = [];

  constructor(
    private readonly draw: Draw,
    private readonly json: boolean,
  ) {}

  object(value: Record<string, unknown>, parameters: readonly ParameterSpec[], depth: number): void {
    const entries = Object.entries(value);
    const multiline = this.draw(fc.boolean());
    const indent = '  '.repeat(depth + 1);
    this.pieces.push('{');
    entries.forEach(([name, child], index) => {
      const parameter = parameters.find((candidate) => candidate.name === name)!;
      this.pieces.push(multiline ? `\n${indent}` : ' ');
      this.key(parameter);
      this.pieces.push(this.draw(fc.constantFrom(': ', ':', ' : ')));
      this.value(child, parameter, depth + 1);
      if (index < entries.length - 1 || (!this.json && this.draw(fc.boolean()))) {
        this.pieces.push(',');
      }
    });
    this.pieces.push(multiline ? `\n${'  '.repeat(depth)}}` : ' }');
  }

  private key(parameter: ParameterSpec): void {
    const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, parameter.name, [parameter.name]) : undefined;
    const bare = /^[A-Za-z_$][\w$]*$/.test(parameter.name);
    const quote = this.json ? '"' : this.draw(fc.constantFrom(...(bare ? ['', "'", '"'] : ["'", '"'])));
    this.pieces.push({ correct: `${quote}${parameter.name}${quote}`, broken: `${quote}${broken ?? parameter.name}${quote}` });
  }

  private value(value: unknown, shape: ParameterSpec | ElementSpec, depth: number): void {
    if (Array.isArray(value)) {
      const items = 'items' in shape ? shape.items : undefined;
      this.pieces.push('[');
      value.forEach((element, index) => {
        this.value(element, items ?? { type: 'string' }, depth + 1);
        this.pieces.push(index < value.length - 1 ? ', ' : '');
      });
      this.pieces.push(']');
    } else if (value !== null && typeof value === 'object') {
      this.object(value as Record<string, unknown>, shape.properties ?? [], depth);
    } else if (typeof value === 'string') {
      const quote: Quote = this.json ? '"' : this.draw(fc.constantFrom<Quote>("'", '"', '`'));
      const accepted = [...(shape.values ?? []), ...('alternateSpellings' in shape ? (shape.alternateSpellings ?? []) : []).filter((alt) => alt.kind === 'value').map((alt) => alt.spelling)];
      const broken = shape.values && this.draw(fc.boolean()) ? flippedCase(this.draw, value, accepted) : undefined;
      this.pieces.push({ correct: literal(quote, value), broken: literal(quote, broken ?? value) });
    } else {
      this.pieces.push(JSON.stringify(value));
    }
  }
}

/** The pieces escaped for the inside of a string literal in `quote`. */
function insideString(pieces: readonly Piece[], quote: Quote): Piece[] {
  const escape = (text: string) => {
    const escaped = text.replace(/\\/g, '\\\\');
    return quote === '`' ? escaped.replace(/`/g, '\\`') : escaped.replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n');
  };
  return pieces.map((piece) => (typeof piece === 'string' ? escape(piece) : { correct: escape(piece.correct), broken: escape(piece.broken) }));
}

const HOSTS = ['https://api.securitycenter.microsoft.com', 'https://api.security.microsoft.com', 'https://api-eu.securitycenter.microsoft.com'];

interface Case {
  readonly language: ScriptLanguage;
  readonly pieces: readonly Piece[];
}

function sendingPieces(draw: Draw, operation: OperationSpec): Piece[] {
  const form = draw(fc.constantFrom('directive', 'fetch', 'axios', 'got', 'string'));
  const json = form === 'string';
  const writer = new BodyWriter(draw, json);
  writer.object(sampleObject(operation.body), operation.body, 0);
  const url = `${draw(fc.constantFrom(...HOSTS))}${operation.path.replace(/\{[^}]*\}/g, '${id}')}`;
  const method = operation.method;
  switch (form) {
    case 'directive':
      return [`// mde: ${method} ${operation.path}\nconst body = `, ...writer.pieces, draw(fc.constantFrom(';', ' as const;', ' satisfies object;')), '\n'];
    case 'fetch':
      return [`await fetch(\`${url}\`, {\n  method: '${method}',\n  body: JSON.stringify(`, ...writer.pieces, '),\n});\n'];
    case 'axios':
      return [`await axios({ method: '${method.toLowerCase()}', url: \`${url}\`, data: `, ...writer.pieces, ' });\n'];
    case 'got':
      return [`await got(\`${url}\`, { method: '${method}', json: `, ...writer.pieces, ' });\n'];
    case 'string': {
      const quote = draw(fc.constantFrom<Quote>("'", '"', '`'));
      return [`// mde: ${method} ${operation.path}\nconst json = ${quote}`, ...insideString(writer.pieces, quote), `${quote};\n`];
    }
  }
}

const cases: fc.Arbitrary<Case> = fc.gen().map((generate) => {
  const draw: Draw = (arbitrary) => generate(() => arbitrary);
  const operations = draw(fc.array(fc.constantFrom(...jsonOperations), { minLength: 1, maxLength: 3 }));
  const pieces: Piece[] = ['const id = 42;\n'];
  operations.forEach((operation, index) => pieces.push(`\nasync function send${index}() {\n`, ...sendingPieces(draw, operation), '}\n'));
  return { language: draw(fc.constantFrom<ScriptLanguage>('javascript', 'typescript', 'typescriptreact')), pieces };
});

const render = (pieces: readonly Piece[], which: 'correct' | 'broken') => pieces.map((piece) => (typeof piece === 'string' ? piece : piece[which])).join('');

/** Shrinking a fc.gen() value of many draws costs more than it tells: the message carries the file itself. */
const settings = (numRuns: number) => ({ ...runs(numRuns), endOnFailure: true });

describe('property: JavaScript bodies from the catalog', () => {
  it('a documented body, however quoted and sent, raises nothing', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (testCase) => {
        const text = render(testCase.pieces, 'correct');
        assert.deepEqual(
          (await findingsOf(text, testCase.language)).map((finding) => [finding.code, text.slice(finding.start, finding.end)]),
          [],
          text,
        );
      }),
      settings(120),
    );
  });

  it('fix-all restores every documented spelling, in its own quotes, and a second fix-all changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async (testCase) => {
        const broken = render(testCase.pieces, 'broken');
        const fixed = fixAll(broken, await findingsOf(broken, testCase.language));
        assert.equal(fixed, render(testCase.pieces, 'correct'), `--- broken:\n${broken}`);
        assert.equal(fixAll(fixed, await findingsOf(fixed, testCase.language)), fixed);
      }),
      settings(120),
    );
  });
});
