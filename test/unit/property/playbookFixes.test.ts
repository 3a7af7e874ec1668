import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { catalogMatcher } from '../../../src/core/catalog/catalog';
import type { ElementSpec, OperationSpec, ParameterSpec } from '../../../src/core/catalog/types';
import { applyEdits, fixAllEdits } from '../../../src/core/fixAll';
import type { Finding } from '../../../src/core/findings';
import { analyzeDocument } from '../../../src/core/requests/requestAnalyzer';
import { sampleObject } from '../helpers/sampleBody';
import { jsonOperations } from './arbitraries';
import { runs } from './invariants';
import { flippedCase, type Draw } from '../helpers/caseFlip';

/**
 * Bodies inside playbooks and collections: Logic Apps actions (ARM templates and Standard
 * workflows, nested in every kind of container), Postman raw bodies, which are JSON escaped
 * inside a JSON string, and docs pages (request line and body in two fences). A document is rendered twice from the same pieces, with the documented
 * spellings and with damaged ones: fix-all must turn the second into the first, to the character.
 */
type Token = { readonly correct: string; readonly broken: string; readonly changed: boolean };
type Piece = string | Token;

const render = (pieces: readonly Piece[], which: 'correct' | 'broken') => pieces.map((piece) => (typeof piece === 'string' ? piece : piece[which])).join('');

function token(correct: string, broken: string | undefined): Token {
  return { correct: JSON.stringify(correct), broken: JSON.stringify(broken ?? correct), changed: broken !== undefined && broken !== correct };
}

/** What a host writes for a string value only known when sent. */
type Unknowns = (draw: Draw) => string;

const workflowUnknowns: Unknowns = (draw) =>
  draw(fc.constantFrom(`"@{triggerBody()?['reason']}"`, `"by @{variables('who')} at @{utcNow()}"`, `"@variables('comment')"`, `"@body('Parse')?['x']"`));
const templateUnknowns: Unknowns = (draw) => (draw(fc.boolean()) ? workflowUnknowns(draw) : draw(fc.constantFrom(`"[parameters('reason')]"`, `"[concat('a', variables('b'))]"`)));
const postmanUnknowns: Unknowns = (draw) => `"${draw(fc.constantFrom('', 'prefix ', 'a \\"quoted\\" '))}{{${draw(fc.constantFrom('id', '$guid', 'host.name', 'x y'))}}}"`;

class BodyWriter {
  readonly pieces: Piece[] = [];

  constructor(
    private readonly draw: Draw,
    private readonly unknowns: Unknowns,
    private readonly indent: string,
  ) {}

  object(value: Record<string, unknown>, parameters: readonly ParameterSpec[], depth: number): void {
    const entries = Object.entries(value);
    const multiline = entries.length > 0 && this.draw(fc.boolean());
    const gap = () => (multiline ? `\n${this.indent.repeat(depth + 1)}` : this.draw(fc.constantFrom('', ' ')));
    this.pieces.push('{');
    entries.forEach(([name, child], index) => {
      const parameter = parameters.find((candidate) => candidate.name === name)!;
      this.pieces.push(gap());
      if (name.startsWith('@') && this.unknowns !== postmanUnknowns) {
        // Logic Apps reads a key starting with `@` as an expression: a literal one is written `@@`, and never checked.
        this.pieces.push(JSON.stringify(`@${name}`), ': ', JSON.stringify(child));
      } else {
        this.pieces.push(token(name, this.draw(fc.boolean()) ? flippedCase(this.draw, name, [name]) : undefined), ': ');
        this.value(child, parameter, depth + 1);
      }
      if (index < entries.length - 1) {
        this.pieces.push(',');
      }
    });
    this.pieces.push(multiline ? `\n${this.indent.repeat(depth)}` : '', '}');
  }

  private value(value: unknown, shape: ParameterSpec | ElementSpec, depth: number): void {
    if (Array.isArray(value)) {
      const items = 'items' in shape ? shape.items : undefined;
      this.pieces.push('[');
      value.forEach((element, index) => {
        this.value(element, items ?? { type: 'string' }, depth + 1);
        if (index < value.length - 1) {
          this.pieces.push(', ');
        }
      });
      this.pieces.push(']');
    } else if (value !== null && typeof value === 'object') {
      this.object(value as Record<string, unknown>, shape.properties ?? [], depth);
    } else if (typeof value === 'string' && shape.values) {
      const accepted = [...shape.values, ...('alternateSpellings' in shape ? (shape.alternateSpellings ?? []) : []).filter((alt) => alt.kind === 'value').map((alt) => alt.spelling)];
      this.pieces.push(token(value, this.draw(fc.boolean()) ? flippedCase(this.draw, value, accepted) : undefined));
    } else if (typeof value === 'string' && this.draw(fc.boolean())) {
      this.pieces.push(this.unknowns(this.draw));
    } else {
      this.pieces.push(JSON.stringify(value));
    }
  }
}

function bodyPieces(draw: Draw, operation: OperationSpec, unknowns: Unknowns, indent: string): Piece[] {
  const writer = new BodyWriter(draw, unknowns, indent);
  writer.object(sampleObject(operation.body), operation.body, 0);
  return writer.pieces;
}

/** Pieces as a JSON string's content: each character plainly escaped, or written `\uXXXX`, or `\/`. */
function escapedPieces(draw: Draw, pieces: readonly Piece[]): Piece[] {
  const odd = (text: string) =>
    [...text]
      .map((ch) => {
        const style = draw(fc.nat({ max: 9 }));
        if (style === 0) {
          return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
        if (style === 1 && ch === '/') {
          return '\\/';
        }
        return JSON.stringify(ch).slice(1, -1);
      })
      .join('');
  const plain = (text: string) => JSON.stringify(text).slice(1, -1);
  return pieces.map((piece) => {
    if (typeof piece === 'string') {
      // A variable is read where it is written: its braces stay as they are.
      return piece.includes('{{') ? plain(piece) : odd(piece);
    }
    // A fix writes its text escaped the plain way; a token it does not touch keeps any escapes.
    return piece.changed ? { ...piece, correct: plain(piece.correct), broken: odd(piece.broken) } : odd(piece.correct);
  });
}

/** A path with its parameters written the host's way. */
const pathWith = (operation: OperationSpec, parameter: string) => operation.path.replace(/\{[^}]*\}/g, parameter);

const CONTAINERS = ['Scope', 'Foreach', 'Until', 'If', 'Else', 'Case', 'Default'] as const;

function inContainer(kind: (typeof CONTAINERS)[number], inner: Piece[]): Piece[] {
  const actions = (content: Piece[]) => ['"actions": {', ...content, '}'];
  switch (kind) {
    case 'Scope':
      return ['{"type": "Scope", ', ...actions(inner), '}'];
    case 'Foreach':
      return ['{"type": "Foreach", "foreach": "@body(\'List\')?[\'value\']", ', ...actions(inner), '}'];
    case 'Until':
      return ['{"type": "Until", "expression": "@equals(variables(\'done\'), true)", "limit": {"count": 3}, ', ...actions(inner), '}'];
    case 'If':
      return ['{"type": "If", "expression": {"and": [{"equals": [1, 1]}]}, ', ...actions(inner), ', "else": {"actions": {}}}'];
    case 'Else':
      return ['{"type": "If", "expression": {"and": []}, "actions": {}, "else": {', ...actions(inner), '}}'];
    case 'Case':
      return ['{"type": "Switch", "expression": "@x", "cases": {"One": {"case": "a", ', ...actions(inner), '}}, "default": {"actions": {}}}'];
    case 'Default':
      return ['{"type": "Switch", "expression": "@x", "cases": {}, "default": {', ...actions(inner), '}}'];
  }
}

function logicAppAction(draw: Draw, operation: OperationSpec, index: number, inTemplate: boolean): Piece[] {
  const unknowns = inTemplate ? templateUnknowns : workflowUnknowns;
  const body = bodyPieces(draw, operation, unknowns, draw(fc.constantFrom('  ', '\t')));
  let action: Piece[];
  if (draw(fc.boolean())) {
    const connection = draw(fc.constantFrom(`"name": "@parameters('$connections')['wdatp']['connectionId']"`, `"referenceName": "wdatp"`));
    const path = pathWith(operation, "@{encodeURIComponent(items('Each')?['id'])}");
    action = [`{"type": "ApiConnection", "inputs": {"host": {"connection": {${connection}}}, "method": "${operation.method.toLowerCase()}", "path": ${JSON.stringify(path)}, "body": `, ...body, '}}'];
  } else {
    const uri = draw(
      fc.constantFrom(
        `https://api.securitycenter.microsoft.com${pathWith(operation, "@{variables('id')}")}`,
        `@{parameters('base')}${pathWith(operation, "@{triggerBody()?['id']}")}`,
        ...(inTemplate ? [`[concat(parameters('base'), '${pathWith(operation, "', parameters('id'), '")}')]`] : []),
      ),
    );
    action = [`{"type": "Http", "inputs": {"method": "${operation.method}", "uri": ${JSON.stringify(uri)}, "body": `, ...body, '}}'];
  }
  const depth = draw(fc.nat({ max: 3 }));
  for (let level = 0; level < depth; level++) {
    action = inContainer(draw(fc.constantFrom(...CONTAINERS)), [`"Inner_${level}": `, ...action]);
  }
  return [`"Action_${index}": `, ...action];
}

function joined(parts: readonly Piece[][], separator: string): Piece[] {
  return parts.flatMap((part, index) => (index === 0 ? part : [separator, ...part]));
}

function logicAppDocument(draw: Draw, operations: readonly OperationSpec[], inTemplate: boolean): Piece[] {
  const actions = joined(
    operations.map((operation, index) => logicAppAction(draw, operation, index, inTemplate)),
    ',\n',
  );
  const definition = [
    '{"$schema": "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#", "triggers": {}, "actions": {\n',
    ...actions,
    '\n}}',
  ];
  if (!inTemplate) {
    return ['{"definition": ', ...definition, ', "kind": "Stateful"}\n'];
  }
  return [
    '{\n"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",\n"resources": [\n',
    '{"type": "Microsoft.Logic/workflows", "name": "[parameters(\'name\')]", "properties": {"definition": ',
    ...definition,
    '}}\n]}\n',
  ];
}

function postmanRequest(draw: Draw, operation: OperationSpec, index: number): Piece[] {
  const body = escapedPieces(draw, bodyPieces(draw, operation, postmanUnknowns, draw(fc.constantFrom('  ', '    ', '\t'))).map((piece) => (typeof piece === 'string' ? piece.replace(/\n/g, draw(fc.constantFrom('\n', '\r\n'))) : piece)));
  const url = draw(
    fc.constantFrom(
      JSON.stringify(`{{baseUrl}}${pathWith(operation, '{{id}}')}`),
      JSON.stringify(`https://api.security.microsoft.com${pathWith(operation, ':id')}`),
      JSON.stringify({ raw: `{{baseUrl}}${pathWith(operation, '{{id}}')}`, host: ['{{baseUrl}}'] }),
      JSON.stringify({ protocol: 'https', host: ['api', 'securitycenter', 'microsoft', 'com'], path: pathWith(operation, ':id').split('/').filter(Boolean) }),
    ),
  );
  return [`{"name": "Request ${index}", "request": {"method": "${operation.method}", "header": [], "body": {"mode": "raw", "raw": "`, ...body, `"}, "url": ${url}}}`];
}

function postmanDocument(draw: Draw, operations: readonly OperationSpec[]): Piece[] {
  let items: Piece[] = joined(
    operations.map((operation, index) => postmanRequest(draw, operation, index)),
    ',\n',
  );
  const folders = draw(fc.nat({ max: 2 }));
  for (let level = 0; level < folders; level++) {
    items = [`{"name": "Folder ${level}", "item": [`, ...items, ']}'];
  }
  return [
    '{"info": {"name": "Generated", "schema": "https://schema.getpostman.com/json/collection/v2.',
    draw(fc.constantFrom('0', '1')),
    '.0/collection.json"},\n"item": [',
    ...items,
    ']}\n',
  ];
}

/** A page written as the API docs write it: the request line in an http fence, the body in the json fence after it. */
function docsPage(draw: Draw, operations: readonly OperationSpec[]): Piece[] {
  return operations.flatMap((operation, index) => [
    `## Request ${index}\n\n\`\`\`http\n${operation.method} https://api.security.microsoft.com${pathWith(operation, '{{id}}')}\n\`\`\`\n\n`,
    draw(fc.constantFrom('', 'Here is an example of the request.\n\n')),
    '```json\n',
    ...bodyPieces(draw, operation, postmanUnknowns, draw(fc.constantFrom('  ', '    '))),
    '\n```\n\n',
  ]);
}

type Host = 'template' | 'standard' | 'postman' | 'docs';

const documents: fc.Arbitrary<{ host: Host; pieces: Piece[] }> = fc.gen().map((generate) => {
  const draw: Draw = (arbitrary) => generate(() => arbitrary);
  const host = draw(fc.constantFrom<Host>('template', 'standard', 'postman', 'docs'));
  const operations = draw(fc.array(fc.constantFrom(...jsonOperations), { minLength: 1, maxLength: 3 }));
  const pieces =
    host === 'postman' ? postmanDocument(draw, operations) : host === 'docs' ? docsPage(draw, operations) : logicAppDocument(draw, operations, host === 'template');
  return { host, pieces };
});

const kindOf = (host: Host) => (host === 'docs' ? 'markdown' : 'json');
const findingsOf = (text: string, host: Host): readonly Finding[] => analyzeDocument(text, kindOf(host), catalogMatcher).findings;
const settings = (numRuns: number) => ({ ...runs(numRuns), endOnFailure: true });

describe('property: fixes in playbooks and collections', () => {
  it('the documents are valid JSON, and the documented spellings give no finding', () => {
    fc.assert(
      fc.property(documents, ({ host, pieces }) => {
        const correct = render(pieces, 'correct');
        if (host !== 'docs') {
          JSON.parse(correct);
          JSON.parse(render(pieces, 'broken'));
        }
        assert.deepEqual(findingsOf(correct, host), [], correct);
      }),
      settings(200),
    );
  });

  it('finds every body: as many bodies as requests', () => {
    fc.assert(
      fc.property(documents, ({ host, pieces }) => {
        const text = render(pieces, 'broken');
        const requests = (text.match(/"Action_\d+"|"Request \d+"|## Request \d+/g) ?? []).length;
        assert.equal(analyzeDocument(text, kindOf(host), catalogMatcher).bodies.length, requests, text);
      }),
      settings(100),
    );
  });

  it('fix-all gives the documented text exactly, escapes included', () => {
    fc.assert(
      fc.property(documents, ({ host, pieces }) => {
        const broken = render(pieces, 'broken');
        const fixed = applyEdits(broken, fixAllEdits(findingsOf(broken, host)));
        assert.equal(fixed, render(pieces, 'correct'), `--- damaged:\n${broken}`);
      }),
      settings(300),
    );
  });

  it('fix-all a second time changes nothing', () => {
    fc.assert(
      fc.property(documents, ({ host, pieces }) => {
        const broken = render(pieces, 'broken');
        const once = applyEdits(broken, fixAllEdits(findingsOf(broken, host)));
        const findings = findingsOf(once, host);
        assert.deepEqual(fixAllEdits(findings), []);
        assert.ok(!findings.some((finding) => finding.fixes?.some((fix) => fix.preferred)), 'no preferred fix is left');
      }),
      settings(200),
    );
  });
});
