/**
 * Bundle sizes and an estimate of client activation cost. The project's own build script is run
 * unchanged against a scratch folder that links to src/ and node_modules/, so dist/ (which others
 * may be using) is left alone and what is measured is the current source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarize, type Summary } from './stats';

export interface Build {
  readonly dir: string;
  readonly extensionJs: string;
  readonly serverJs: string;
}

export interface Builds {
  readonly root: string;
  readonly dev: Build;
  readonly production: Build;
  dispose(): void;
}

export function buildBundles(repo: string): Builds {
  const root = mkdtempSync(join(tmpdir(), 'mde-bench-'));
  const build = (name: string, args: string[]): Build => {
    const dir = join(root, name);
    mkdirSync(join(dir, 'scripts'), { recursive: true });
    for (const entry of ['src', 'node_modules', 'package.json', 'tsconfig.json']) {
      symlinkSync(join(repo, entry), join(dir, entry));
    }
    symlinkSync(join(repo, 'scripts', 'build.mjs'), join(dir, 'scripts', 'build.mjs'));
    execFileSync(process.execPath, [join(dir, 'scripts', 'build.mjs'), ...args], { cwd: dir, stdio: 'pipe' });
    return { dir, extensionJs: join(dir, 'dist', 'extension.js'), serverJs: join(dir, 'dist', 'server.js') };
  };
  return {
    root,
    dev: build('dev', []),
    production: build('production', ['--production']),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface SizeResult {
  readonly devKB: { readonly extension: number; readonly server: number };
  readonly productionKB: { readonly extension: number; readonly server: number };
  readonly vsix?: { readonly path: string; readonly kB: number; readonly modified: string };
  /** require() of the production extension.js with a stub `vscode`, in fresh processes. */
  readonly requireExtension: Summary;
  readonly requireSamples: number[];
}

const kB = (path: string) => statSync(path).size / 1024;

export function measureSizes(repo: string, builds: Builds, runs: number): SizeResult {
  const vsixPath = join(repo, 'dist-vsix', 'mde-api-tools.vsix');
  const samples: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const ms = Number(execFileSync(process.execPath, ['-e', activationProbe(builds.production.extensionJs)], { encoding: 'utf8' }).trim());
    if (i > 0) {
      samples.push(ms);
    }
  }
  return {
    devKB: { extension: kB(builds.dev.extensionJs), server: kB(builds.dev.serverJs) },
    productionKB: { extension: kB(builds.production.extensionJs), server: kB(builds.production.serverJs) },
    vsix: existsSync(vsixPath) ? { path: vsixPath, kB: kB(vsixPath), modified: statSync(vsixPath).mtime.toISOString() } : undefined,
    requireExtension: summarize(samples),
    requireSamples: samples,
  };
}

/**
 * A child-process script: `vscode` resolves to a stub whose every member is a do-nothing
 * function or object, then the bundle is required and the time printed. This is module load
 * and top-level evaluation only; activate() (which starts the server) is not run.
 */
function activationProbe(extensionJs: string): string {
  return `
const Module = require('module');
const stubPath = '/__vscode_stub__.js';
const stub = () => new Proxy(function () {}, { get: (_t, key) => (key === 'then' ? undefined : stub()), apply: () => stub(), construct: () => stub() });
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? stubPath : resolve.call(this, request, ...rest); };
const fake = new Module(stubPath);
fake.filename = stubPath; fake.loaded = true; fake.exports = stub();
require.cache[stubPath] = fake;
const start = process.hrtime.bigint();
require(${JSON.stringify(extensionJs)});
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6));
`;
}
