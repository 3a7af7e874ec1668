import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ElementSpec, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import { identifierWriter } from '../../../src/core/scripts/python/literals';
import { sampleObject } from '../helpers/sampleBody';
import { pythonFindings } from '../helpers/python';
import { jsonOperations } from '../property/arbitraries';
import { runs } from '../property/invariants';
import { flippedCase, type Draw } from '../helpers/caseFlip';

/**
 * A script is built as pieces: fixed text, and tokens with a correct and a broken spelling.
 * Rendering both from the same pieces gives the damaged script and the one fix-all must give back.
 */
type Piece = string | { readonly correct: string; readonly broken: string };

const render = (pieces: readonly Piece[], which: 'correct' | 'broken') => pieces.map((piece) => (typeof piece === 'string' ? piece : piece[which])).join('');

interface Quoting {
  readonly prefix: string;
  readonly quote: string;
}

const QUOTINGS: readonly Quoting[] = [
  { prefix: '', quote: '"' },
  { prefix: '', quote: "'" },
  { prefix: '', quote: '"""' },
  { prefix: '', quote: "'''" },
  { prefix: 'r', quote: '"' },
  { prefix: 'u', quote: "'" },
  { prefix: 'R', quote: "'''" },
  { prefix: 'U', quote: '"' },
];

/** A Python literal for plain text (no quotes or backslashes in catalog samples, but escaped all the same). */
function pythonString(value: string, { prefix, quote }: Quoting): string {
  const escaped = prefix.toLowerCase() === 'r' ? value : value.replace(/\\/g, '\\\\').replaceAll(quote[0], `\\${quote[0]}`);
  return `${prefix}${quote}${escaped}${quote}`;
}

/** Writes a body as Python: dicts or dict(…) calls, lists or tuples, each token in a drawn quoting. */
class PythonBodyWriter {
  readonly pieces: Piece[] = [];

  constructor(private readonly draw: Draw) {}

  object(value: Record<string, unknown>, parameters: readonly ParameterSpec[]): void {
    const entries = Object.entries(value);
    const keys = entries.map(([name]) => {
      const parameter = parameters.find((candidate) => candidate.name === name)!;
      const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, name, [name]) : undefined;
      return { name, broken: broken ?? name, parameter };
    });
    const asCall = keys.length > 0 && keys.every((key) => identifierWriter(key.name) && identifierWriter(key.broken)) && this.draw(fc.boolean());
    const gap = () => this.draw(fc.constantFrom('', ' ', '\n    '));
    this.pieces.push(asCall ? 'dict(' : '{');
    keys.forEach((key, index) => {
      this.pieces.push(gap());
      if (asCall) {
        this.pieces.push({ correct: key.name, broken: key.broken }, '=');
      } else {
        const quoting = this.draw(fc.constantFrom(...QUOTINGS));
        this.pieces.push({ correct: pythonString(key.name, quoting), broken: pythonString(key.broken, quoting) }, ': ');
      }
      this.value(value[key.name], key.parameter);
      if (index < keys.length - 1 || this.draw(fc.boolean())) {
        this.pieces.push(',');
      }
    });
    this.pieces.push(gap(), asCall ? ')' : '}');
  }

  private value(value: unknown, shape: ParameterSpec | ElementSpec): void {
    if (Array.isArray(value)) {
      const tuple = value.length > 0 && this.draw(fc.boolean());
      const items = 'items' in shape ? shape.items : undefined;
      this.pieces.push(tuple ? '(' : '[');
      value.forEach((element, index) => {
        this.value(element, items ?? { type: 'string' });
        this.pieces.push(index < value.length - 1 || tuple ? ', ' : '');
      });
      this.pieces.push(tuple ? ')' : ']');
    } else if (value !== null && typeof value === 'object') {
      this.object(value as Record<string, unknown>, shape.properties ?? []);
    } else if (typeof value === 'string') {
      const quoting = this.draw(fc.constantFrom(...QUOTINGS));
      if (shape.values) {
        const accepted = [...shape.values, ...('alternateSpellings' in shape ? (shape.alternateSpellings ?? []) : []).filter((alt) => alt.kind === 'value').map((alt) => alt.spelling)];
        const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, value, accepted) : undefined;
        this.pieces.push({ correct: pythonString(value, quoting), broken: pythonString(broken ?? value, quoting) });
      } else {
        // Names, calls, attributes and interpolations are only known when the script runs: never flagged nor touched.
        this.pieces.push(this.draw(fc.constantFrom(pythonString(value, quoting), 'reason', 'str(value)', 'cfg.value', `f"{prefix}-${value}"`)));
      }
    } else if (typeof value === 'boolean') {
      this.pieces.push(value ? 'True' : 'False');
    } else if (value === null) {
      this.pieces.push('None');
    } else {
      this.pieces.push(JSON.stringify(value));
    }
  }
}

/** The same body as JSON text, for a JSON string literal: keys and enum values may be broken. */
function jsonPieces(draw: Draw, value: unknown, shape: ParameterSpec | ElementSpec | undefined, parameters: readonly ParameterSpec[]): Piece[] {
  if (Array.isArray(value)) {
    const items = shape && 'items' in shape ? shape.items : undefined;
    return ['[', ...value.flatMap((element, index) => [...(index > 0 ? [', '] : []), ...jsonPieces(draw, element, items, items?.properties ?? [])]), ']'];
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    return [
      '{',
      ...entries.flatMap(([name, child], index) => {
        const parameter = parameters.find((candidate) => candidate.name === name)!;
        const broken = draw(fc.boolean()) ? flippedCase(draw, name, [name]) : undefined;
        return [index > 0 ? ', ' : '', { correct: JSON.stringify(name), broken: JSON.stringify(broken ?? name) }, ': ', ...jsonPieces(draw, child, parameter, parameter.properties ?? [])];
      }),
      '}',
    ];
  }
  if (typeof value === 'string' && shape?.values) {
    const broken = draw(fc.boolean()) ? flippedCase(draw, value, shape.values) : undefined;
    return [{ correct: JSON.stringify(value), broken: JSON.stringify(broken ?? value) }];
  }
  return [JSON.stringify(value)];
}

/** JSON text inside a Python literal: each character escaped as that literal needs, tokens alike. */
function inLiteral(pieces: readonly Piece[], quoting: Quoting): Piece[] {
  const single = quoting.quote.length === 1;
  const escape = (text: string) => {
    let result = text.replace(/\\/g, '\\\\');
    if (single) {
      result = result.replaceAll(quoting.quote, `\\${quoting.quote}`);
    }
    return result;
  };
  return [`${quoting.prefix}${quoting.quote}`, ...pieces.map((piece) => (typeof piece === 'string' ? escape(piece) : { correct: escape(piece.correct), broken: escape(piece.broken) })), quoting.quote];
}

/** The URL of an operation as an f-string, its path parameters interpolated. */
function urlOf(operation: OperationSpec): string {
  return `f"{BASE}${operation.path.replace(/\{[^}]*\}/g, '{mid}')}"`;
}

const scripts: fc.Arbitrary<Piece[]> = fc.gen().map((generate) => {
  const draw: Draw = (arbitrary) => generate(() => arbitrary);
  const operation = draw(fc.constantFrom(...jsonOperations));
  const sample = sampleObject(operation.body);
  const send = `requests.${operation.method.toLowerCase()}`;
  const header = 'import json\nimport requests\nBASE = "https://api.security.microsoft.com"\n\n';
  const form = draw(fc.constantFrom('inline', 'variable', 'directive', 'json-string'));
  if (form === 'json-string') {
    // Raw and single-quoted literals could not hold JSON's backslashes or quotes of their own kind.
    const quoting = draw(fc.constantFrom<Quoting>({ prefix: '', quote: '"' }, { prefix: '', quote: "'" }, { prefix: '', quote: '"""' }, { prefix: 'u', quote: "'''" }));
    return [header, 'payload = ', ...inLiteral(jsonPieces(draw, sample, undefined, operation.body), quoting), `\n${send}(${urlOf(operation)}, data=payload)\n`];
  }
  const writer = new PythonBodyWriter(draw);
  writer.object(sample, operation.body);
  switch (form) {
    case 'inline':
      return [header, `def act(mid, reason, value, cfg, prefix):\n    return ${send}(${urlOf(operation)}, json=`, ...writer.pieces, ')\n'];
    case 'variable':
      return [header, 'def act(mid, reason, value, cfg, prefix):\n    body = ', ...writer.pieces, `\n    return ${send}(${urlOf(operation)}, data=json.dumps(body))\n`];
    default:
      return [`# mde: ${operation.method} ${operation.path}\nbody = `, ...writer.pieces, '\n'];
  }
});

async function fixAll(text: string): Promise<string> {
  return applyEdits(text, fixAllEdits(await pythonFindings(text)));
}

const settings = (numRuns: number) => ({ ...runs(numRuns), endOnFailure: true });

describe('property: Python bodies from the catalog', () => {
  it('a documented body written any Python way has no findings', async () => {
    await fc.assert(
      fc.asyncProperty(scripts, async (pieces) => {
        const correct = render(pieces, 'correct');
        assert.deepEqual(await pythonFindings(correct), [], correct);
      }),
      settings(150),
    );
  });

  it('fix-all restores every key and value in its own quoting, and a second fix-all changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scripts, async (pieces) => {
        const broken = render(pieces, 'broken');
        const fixed = await fixAll(broken);
        assert.equal(fixed, render(pieces, 'correct'), `--- damaged:\n${broken}`);
        assert.equal(await fixAll(fixed), fixed);
      }),
      settings(150),
    );
  });
});
