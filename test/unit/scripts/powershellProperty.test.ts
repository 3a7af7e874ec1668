import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ElementSpec, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import { fixAllEdits } from '../../../src/core/fixAll';
import { sampleObject } from '../helpers/sampleBody';
import { jsonOperations } from '../property/arbitraries';
import { runs } from '../property/invariants';
import { findingsOf, fixAll } from './powershellHelpers';
import { flippedCase, type Draw } from '../helpers/caseFlip';

/**
 * A script is built as pieces: fixed text, and tokens with a correct and a broken spelling. The
 * broken rendering is what fix-all is given; the correct one is what it must give back, exactly.
 */
type Piece = string | { readonly correct: string; readonly broken: string };

const render = (pieces: readonly Piece[], which: 'correct' | 'broken') => pieces.map((piece) => (typeof piece === 'string' ? piece : piece[which])).join('');

type Quoting = 'bare' | 'single' | 'double';

function quoted(text: string, quoting: Quoting): string {
  switch (quoting) {
    case 'bare':
      return text;
    case 'single':
      return `'${text.replace(/'/g, "''")}'`;
    case 'double':
      return `"${text.replace(/[`"$]/g, '`$&')}"`;
  }
}

class TableWriter {
  readonly pieces: Piece[] = [];

  constructor(private readonly draw: Draw) {}

  table(value: Record<string, unknown>, parameters: readonly ParameterSpec[], depth: number): void {
    const entries = Object.entries(value);
    const multiline = entries.length > 0 && this.draw(fc.boolean());
    const indent = '    '.repeat(depth + 1);
    this.pieces.push(this.draw(fc.constantFrom('@{', '@{', '[ordered]@{')));
    entries.forEach(([name, child], index) => {
      const parameter = parameters.find((candidate) => candidate.name === name)!;
      if (multiline) {
        this.pieces.push(`\n${indent}`);
      } else {
        this.pieces.push(index === 0 ? ' ' : this.draw(fc.constantFrom('; ', ';', ' ; ')));
      }
      this.key(parameter);
      this.pieces.push(this.draw(fc.constantFrom(' = ', '=', ' =  ')));
      this.value(child, parameter, depth + 1);
    });
    this.pieces.push(multiline ? `\n${'    '.repeat(depth)}}` : ' }');
  }

  private key(parameter: ParameterSpec): void {
    const canBeBare = /^[A-Za-z_][A-Za-z0-9_]*$/.test(parameter.name);
    const quoting = this.draw(fc.constantFrom<Quoting>(...(canBeBare ? (['bare', 'single', 'double'] as const) : (['single', 'double'] as const))));
    const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, parameter.name, [parameter.name]) : undefined;
    this.pieces.push({ correct: quoted(parameter.name, quoting), broken: quoted(broken ?? parameter.name, quoting) });
  }

  private value(value: unknown, shape: ParameterSpec | ElementSpec, depth: number): void {
    if (Array.isArray(value)) {
      const items = 'items' in shape ? shape.items : undefined;
      // `a, b` is an array as much as `@(a, b)`; one element needs the `@(…)`.
      const bare = value.length > 1 && this.draw(fc.boolean());
      this.pieces.push(bare ? '' : '@(');
      value.forEach((element, index) => {
        if (index > 0) {
          this.pieces.push(', ');
        }
        this.value(element, items ?? { type: 'string' }, depth + 1);
      });
      this.pieces.push(bare ? '' : ')');
    } else if (value !== null && typeof value === 'object') {
      this.table(value as Record<string, unknown>, shape.properties ?? [], depth);
    } else if (typeof value === 'string') {
      const quoting = this.draw(fc.constantFrom<Quoting>('single', 'double'));
      if (shape.values) {
        const accepted = [...shape.values, ...('alternateSpellings' in shape ? (shape.alternateSpellings ?? []) : []).filter((alt) => alt.kind === 'value').map((alt) => alt.spelling)];
        const broken = this.draw(fc.boolean()) ? flippedCase(this.draw, value, accepted) : undefined;
        this.pieces.push({ correct: quoted(value, quoting), broken: quoted(broken ?? value, quoting) });
      } else if (this.draw(fc.boolean())) {
        // Only known when the script runs: neither checked nor touched.
        this.pieces.push(this.draw(fc.constantFrom('$value', '"$prefix-text"', '(Get-Value)', '$item.Name')));
      } else {
        this.pieces.push(quoted(value, quoting));
      }
    } else if (typeof value === 'boolean') {
      this.pieces.push(this.draw(fc.constantFrom(value ? '$true' : '$false', value ? '$True' : '$FALSE')));
    } else {
      this.pieces.push(JSON.stringify(value));
    }
  }
}

/** Whether ConvertTo-Json at its default depth would cut the value: a table or array below depth 2. */
function nestsDeeperThanTwo(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  return depth > 2 || Object.values(value).some((child) => nestsDeeperThanTwo(child, depth + 1));
}

function urlOf(operation: OperationSpec): string {
  return `https://api.securitycenter.microsoft.com${operation.path.replace(/\{[^}]*\}/g, '$id')}`;
}

/** One body for the operation, named by a directive or sent by Invoke-RestMethod, perhaps wrongly. */
function bodyPieces(draw: Draw, operation: OperationSpec, index: number): Piece[] {
  const writer = new TableWriter(draw);
  const value = sampleObject(operation.body);
  writer.table(value, operation.body, 0);
  const name = `$body${index}`;
  const how = draw(fc.constantFrom('directive', 'converted', 'sent as it is'));
  if (how === 'directive') {
    return [`# mde: ${operation.method} ${operation.path}\n${name} = `, ...writer.pieces, '\n'];
  }
  const send = `Invoke-RestMethod -Method ${draw(fc.constantFrom(operation.method, operation.method.toLowerCase()))} -Uri "${urlOf(operation)}" -Body `;
  if (how === 'converted') {
    const convert = nestsDeeperThanTwo(value) ? { correct: 'ConvertTo-Json -Depth 10', broken: 'ConvertTo-Json' } : 'ConvertTo-Json -Depth 10';
    return [`${name} = `, ...writer.pieces, `\n${send}(${name} | `, convert, ") -ContentType 'application/json'\n"];
  }
  // A table given to -Body as it is goes out form-encoded: the fix serializes it in place.
  return [`${name} = `, ...writer.pieces, `\n${send}`, { correct: `(${name} | ConvertTo-Json -Depth 10)`, broken: name }, '\n'];
}

const scripts: fc.Arbitrary<Piece[]> = fc.gen().map((generate) => {
  const draw: Draw = (arbitrary) => generate(() => arbitrary);
  const chosen = draw(fc.array(fc.constantFrom(...jsonOperations), { minLength: 1, maxLength: 3 }));
  const pieces: Piece[] = ["$id = 'd1'\n"];
  chosen.forEach((operation, index) => pieces.push(...bodyPieces(draw, operation, index), '\n'));
  return draw(fc.boolean()) ? pieces.map((piece) => (typeof piece === 'string' ? piece.replace(/\n/g, '\r\n') : piece)) : pieces;
});

/** Shrinking a fc.gen() value of many draws costs more than it tells: the message carries the script. */
const settings = (numRuns: number) => ({ ...runs(numRuns), endOnFailure: true });

describe('property: PowerShell bodies from the catalog', () => {
  it('a documented body, in any quoting and layout, gets no finding', async () => {
    await fc.assert(
      fc.asyncProperty(scripts, async (pieces) => {
        const correct = render(pieces, 'correct');
        assert.deepEqual(await findingsOf(correct), [], correct);
      }),
      settings(150),
    );
  });

  it('fix-all gives back exactly the documented script, keeping every quoting, and a second fix-all changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scripts, async (pieces) => {
        const broken = render(pieces, 'broken');
        const correct = render(pieces, 'correct');
        const fixed = await fixAll(broken);
        assert.equal(fixed, correct, `--- damaged:\n${broken}\n--- after fix-all:\n${fixed}`);
        assert.deepEqual(fixAllEdits(await findingsOf(fixed)), [], `a second fix-all changes nothing:\n${fixed}`);
      }),
      settings(150),
    );
  });
});
