import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { version } from '../../../package.json';
import { cli, fixture } from './helpers';

/**
 * Two checks, both offline. The schema: ajv (with ajv-formats) against the SARIF 2.1.0 JSON schema
 * that the SARIF Multitool's npm package ships. The SARIF rules beyond the schema (SARIF1xxx,
 * SARIF2xxx): the Multitool's own `validate`. The Multitool alone is not enough: it passed, without
 * a word, a log whose first result had no message and an unknown level.
 */
const load = createRequire(__filename);
const multitool: string = load('@microsoft/sarif-multitool');
const schemaPath = join(dirname(multitool), 'sarif-2.1.0.json');
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats(ajv);
const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

function schemaErrors(log: unknown): string[] {
  return validateSchema(log) ? [] : (validateSchema.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

interface Validation {
  readonly level: string;
  readonly ruleId: string;
  readonly text: string;
}

/** What the Multitool's `validate` finds wrong with a SARIF file. */
function multitoolFindings(sarifPath: string): Validation[] {
  const output = `${sarifPath}.validation.sarif`;
  const run = spawnSync(multitool, ['validate', sarifPath, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(run.status, 0, `the Multitool failed to run: ${run.error ?? ''}${run.stdout}${run.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8'));
  const rules = log.runs[0].tool.driver.rules ?? [];
  return (log.runs[0].results ?? []).map((result: { level?: string; ruleId: string; message: { id?: string; arguments?: string[] } }) => {
    const template = rules.find((rule: { id: string }) => rule.id === result.ruleId)?.messageStrings?.[result.message.id ?? '']?.text ?? result.message.id ?? '';
    return { level: result.level ?? 'warning', ruleId: result.ruleId, text: `${template} ${(result.message.arguments ?? []).join(' | ')}` };
  });
}

const isolate = 'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n';

describe('mde-api-lint --format sarif', function () {
  this.timeout(180_000);
  let dir: string;
  let remove: () => void;
  let sarifPath: string;
  let log: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed SARIF log, checked field by field

  before(() => {
    ({ dir, remove } = fixture({
      'requests/two words.http': `${isolate}{"comment": "x", "IsolationType": "full", "foo": 1}\n`,
      'requests/crlf.http': `${isolate}{"Comment": "Ünïcödé 😀", "comment": "y"}\n`.replace(/\n/g, '\r\n'),
      'get.http': 'GET https://api.security.microsoft.com/api/machines\nContent-Type: application/json\n\n{"a": 1}\n',
      'body.json': '// mde: POST /api/machines/{id}/isolate\n{"isolationType": "Full"}\n',
      'binary.http': new Uint8Array([0x00, 0x01]),
      'big.http': `${isolate}${' '.repeat(2048)}{}\n`,
    }));
    sarifPath = join(dir, 'out/report.sarif');
    const result = cli(['--format', 'sarif', '--output', sarifPath, '--max-file-size', '0.001'], dir);
    assert.equal(result.code, 1, result.stderr);
    log = JSON.parse(readFileSync(sarifPath, 'utf8'));
  });
  after(() => remove());

  it('is valid against the SARIF 2.1.0 schema (ajv) and passes the SARIF Multitool\'s rules', () => {
    assert.deepEqual(schemaErrors(log), []);
    assert.deepEqual(
      multitoolFindings(sarifPath).filter((finding) => finding.level !== 'note'),
      [],
    );
  });

  it('is checked by validators that do fail: a broken log is rejected, a lacking one warned about', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    delete broken.runs[0].results[0].message;
    broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    assert.deepEqual(schemaErrors(broken), [
      "/runs/0/results/0 must have required property 'message'",
      '/runs/0/results/0/level must be equal to one of the allowed values',
      '/runs/0/results/1/locations/0/physicalLocation/region/startLine must be >= 1',
    ]);
    // The Multitool reads our log (it skips some logs silently): without informationUri, its rule SARIF2005 speaks up.
    const withoutUri = structuredClone(log);
    delete withoutUri.runs[0].tool.driver.informationUri;
    const brokenPath = join(dir, 'out/without-uri.sarif');
    writeFileSync(brokenPath, JSON.stringify(withoutUri, null, 2));
    assert.deepEqual(
      multitoolFindings(brokenPath).map((finding) => [finding.level, finding.ruleId]),
      [['warning', 'SARIF2005']],
    );
  });

  it('has one rule per diagnostic code, with a help URI and its usual level', () => {
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'mde-api-lint');
    assert.equal(driver.version, version);
    assert.deepEqual(
      driver.rules.map((rule: { id: string }) => rule.id),
      [
        'wrong-case',
        'unknown-parameter',
        'missing-required',
        'wrong-type',
        'invalid-value',
        'invalid-format',
        'batch-too-large',
        'duplicate-key',
        'invalid-json',
        'sent-comment',
        'documented-variant',
        'body-on-get',
        'missing-content-type',
        'wrong-method',
        'unknown-path',
        'shallow-json-depth',
        'form-encoded-body',
        'unserialized-body',
      ],
    );
    for (const rule of driver.rules) {
      assert.equal(rule.helpUri, 'https://github.com/mde-api-tools/mde-api-tools#what-it-does');
      assert.ok(rule.shortDescription.text.length > 10);
    }
    assert.equal(driver.rules[1].defaultConfiguration.level, 'warning');
    assert.equal(driver.rules[10].defaultConfiguration.level, 'note');
  });

  it('places results by relative URIs under %SRCROOT%, with 1-based lines and UTF-16 columns, the docs link and the fixes', () => {
    const run = log.runs[0];
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const byFile = (uri: string) => run.results.filter((result: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => result.locations[0].physicalLocation.artifactLocation.uri === uri);
    const [wrongCase, invalidValue, unknown] = byFile('requests/two%20words.http');
    assert.deepEqual(wrongCase.locations[0].physicalLocation, {
      artifactLocation: { uri: 'requests/two%20words.http', uriBaseId: '%SRCROOT%' },
      region: { startLine: 4, startColumn: 2, endLine: 4, endColumn: 11 },
    });
    assert.equal(wrongCase.ruleId, 'wrong-case');
    assert.equal(wrongCase.ruleIndex, 0);
    assert.equal(wrongCase.level, 'error');
    assert.equal(unknown.level, 'warning');
    assert.match(wrongCase.message.text, /^"comment" has the wrong letter case/);
    assert.match(wrongCase.message.markdown, /\[Documentation\]\(https:\/\/learn\.microsoft\.com\/defender-endpoint\/api\/isolate-machine\)$/);
    assert.deepEqual(wrongCase.fixes, [
      {
        description: { text: 'Rename to "Comment"' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'requests/two%20words.http', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 4, startColumn: 2, endLine: 4, endColumn: 11 }, insertedContent: { text: '"Comment"' } }],
          },
        ],
        properties: { preferred: true },
      },
    ]);
    assert.equal(invalidValue.fixes[0].description.text, 'Change to "Full"');
    // Columns count UTF-16 code units: the emoji counts two (in code points, "comment" would start at 26).
    const [duplicate] = byFile('requests/crlf.http');
    assert.equal(duplicate.ruleId, 'duplicate-key');
    assert.deepEqual(duplicate.locations[0].physicalLocation.region, { startLine: 4, startColumn: 27, endLine: 4, endColumn: 36 });
    assert.equal(duplicate.fixes[0].properties.preferred, false);
  });

  it('reports files it could not check as tool notifications, not results', () => {
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.deepEqual(
      notifications.map((notification: { level: string; descriptor: { id: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => [
        notification.locations[0].physicalLocation.artifactLocation.uri,
        notification.level,
        notification.descriptor.id,
      ]),
      [
        ['big.http', 'note', 'file-too-large'],
        ['binary.http', 'warning', 'file-not-checked'],
      ],
    );
    assert.equal(log.runs[0].invocations[0].executionSuccessful, true);
  });

  it('keeps partial fingerprints when lines are added above a problem', () => {
    const fingerprints = (text: string) => {
      const { dir: other, remove: removeOther } = fixture({ 'a.http': text });
      try {
        return JSON.parse(cli(['--format', 'sarif'], other).stdout).runs[0].results.map((result: { partialFingerprints: Record<string, string> }) => result.partialFingerprints['mdeApiLint/v1']);
      } finally {
        removeOther();
      }
    };
    const body = `${isolate}{"comment": "x", "IsolationType": "Full"}\n`;
    const before = fingerprints(body);
    assert.equal(before.length, 1);
    assert.deepEqual(fingerprints(`# a new comment\n\n${body}`), before);
    assert.notDeepEqual(fingerprints(body.replace('"comment"', '"COMMENT"')), before);
  });

  it('uses absolute file URIs for files outside the working folder', () => {
    const result = JSON.parse(cli(['--format', 'sarif', join(dir, 'get.http')], join(dir, 'requests')).stdout);
    assert.deepEqual(result.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(join(dir, 'get.http')).href });
  });
});
