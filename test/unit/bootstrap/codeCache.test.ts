import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../../src/bootstrap/codeCache';

interface Sample {
  readonly answer: number;
  readonly helper: string;
  readonly filename: string;
  greet(name: string): string;
}

/** A CommonJS bundle as esbuild writes one: exports, a require of a sibling file, its own name. */
function bundleSource(answer: number): string {
  return `"use strict";
const helper = require('./helper.js');
module.exports = { answer: ${answer}, helper: helper.name, filename: __filename, greet: (name) => 'hello ' + name };
`;
}

const LOADER = join(__dirname, '../../../src/bootstrap/codeCache.ts');

/**
 * Loads the bundle in a fresh process, as the extension host and the server each do once. In this
 * process V8 would answer a second compile of the same source from its own in-memory cache and
 * never look at the file, so only a fresh process shows whether the cache file was taken.
 */
function loadInFreshProcess(bundle: string, cacheDir: string): { compiledFrom: string; greeting: string } {
  const script = `
const { loadBundle } = require(${JSON.stringify(LOADER)});
const loaded = loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(cacheDir)});
const greeting = loaded.exports.greet('from a child');
loaded.saveCache();
process.stdout.write(JSON.stringify({ compiledFrom: loaded.compiledFrom, greeting }));
`;
  return JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' })) as { compiledFrom: string; greeting: string };
}

describe('the V8 code cache loader', function () {
  this.timeout(20_000);
  let folder: string;
  let bundle: string;
  let cacheDir: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'mde-code-cache-'));
    bundle = join(folder, 'sample.js');
    cacheDir = join(folder, 'cache', 'nested');
    writeFileSync(join(folder, 'helper.js'), 'exports.name = "the helper";\n');
    writeFileSync(bundle, bundleSource(41));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const cacheFiles = () => readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache'));

  it('runs the bundle as a CommonJS module: exports, require relative to it, __filename', () => {
    const loaded = loadBundle<Sample>(bundle, undefined);
    assert.equal(loaded.exports.answer, 41);
    assert.equal(loaded.exports.helper, 'the helper');
    assert.equal(loaded.exports.filename, bundle);
    assert.equal(loaded.exports.greet('you'), 'hello you');
    assert.equal(loaded.compiledFrom, 'source');
  });

  it('writes nothing without a cache folder', () => {
    loadBundle<Sample>(bundle, undefined).saveCache();
    assert.deepEqual(readdirSync(folder).sort(), ['helper.js', 'sample.js']);
  });

  it('compiles from source first, saves once, and a later process takes the cache', () => {
    assert.deepEqual(loadInFreshProcess(bundle, cacheDir), { compiledFrom: 'source', greeting: 'hello from a child' });
    assert.equal(cacheFiles().length, 1);
    assert.match(cacheFiles()[0], /^sample-[0-9a-f]{16}\.v8cache$/);
    const written = readFileSync(join(cacheDir, cacheFiles()[0]));
    assert.deepEqual(loadInFreshProcess(bundle, cacheDir), { compiledFrom: 'cache', greeting: 'hello from a child' });
    assert.deepEqual(readFileSync(join(cacheDir, cacheFiles()[0])), written, 'a load from the cache writes nothing');
  });

  it('never meets an old cache after the bundle changes, even at the same length, and removes the old one', () => {
    // V8 checks a cache against the source length only: it would run the old code for the new source.
    loadInFreshProcess(bundle, cacheDir);
    const oldCache = cacheFiles()[0];
    writeFileSync(bundle, bundleSource(42).replace('hello ', 'howdy '));
    assert.equal(readFileSync(bundle, 'utf8').length, bundleSource(41).length);
    assert.deepEqual(loadInFreshProcess(bundle, cacheDir), { compiledFrom: 'source', greeting: 'howdy from a child' });
    assert.equal(cacheFiles().length, 1);
    assert.notEqual(cacheFiles()[0], oldCache);
    assert.deepEqual(loadInFreshProcess(bundle, cacheDir), { compiledFrom: 'cache', greeting: 'howdy from a child' });
  });

  it('compiles from source when the cache file is garbage, and replaces it', () => {
    const hash = createHash('sha256').update(readFileSync(bundle, 'utf8')).digest('hex').slice(0, 16);
    loadInFreshProcess(bundle, cacheDir);
    const cacheFile = join(cacheDir, `sample-${hash}.v8cache`);
    assert.deepEqual(cacheFiles(), [`sample-${hash}.v8cache`]);
    writeFileSync(cacheFile, Buffer.from('not a V8 code cache at all'));
    assert.deepEqual(loadInFreshProcess(bundle, cacheDir), { compiledFrom: 'source', greeting: 'hello from a child' });
    assert.deepEqual(loadInFreshProcess(bundle, cacheDir), { compiledFrom: 'cache', greeting: 'hello from a child' });
  });

  it('keeps working when the cache folder cannot be created', () => {
    const blocked = join(folder, 'blocked');
    writeFileSync(blocked, 'a file where the folder should be');
    const loaded = loadBundle<Sample>(bundle, join(blocked, 'cache'));
    assert.doesNotThrow(() => loaded.saveCache());
    assert.equal(loaded.exports.answer, 41);
  });

  it('lets a bundle that throws fail as a require would', () => {
    writeFileSync(bundle, 'throw new Error("broken bundle");\n');
    assert.throws(() => loadBundle<Sample>(bundle, cacheDir), /broken bundle/);
  });
});
