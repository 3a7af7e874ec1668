/**
 * Bundle and .vsix sizes of the current source. The project's own build script is run
 * unchanged against a scratch folder that links to src/ and node_modules/, so dist/ (which others
 * may be using) is left alone and what is measured is the current source.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** The four bundles of a build, in KB. */
export interface BundleSizes {
  readonly extension: number;
  readonly client: number;
  readonly server: number;
  readonly serverMain: number;
}

export interface SizeResult {
  readonly devKB: BundleSizes;
  readonly productionKB: BundleSizes;
  readonly vsixKB: number;
}

const kB = (path: string) => statSync(path).size / 1024;

function bundleSizes(build: Build): BundleSizes {
  const dist = join(build.dir, 'dist');
  return {
    extension: kB(join(dist, 'extension.js')),
    client: kB(join(dist, 'client.js')),
    server: kB(join(dist, 'server.js')),
    serverMain: kB(join(dist, 'serverMain.js')),
  };
}

export function measureSizes(builds: Builds, vsixPath: string): SizeResult {
  return { devKB: bundleSizes(builds.dev), productionKB: bundleSizes(builds.production), vsixKB: kB(vsixPath) };
}

/**
 * Packages the current source into a .vsix inside the production build's scratch folder, with
 * vsce exactly as `npm run package` runs it (its prepublish step type-checks and builds again).
 */
export function packageVsix(repo: string, production: Build): string {
  for (const entry of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'images', 'l10n', 'syntaxes', 'snippets', 'package.nls.json', 'package.nls.fr.json']) {
    symlinkSync(join(repo, entry), join(production.dir, entry));
  }
  const vsix = join(production.dir, 'mde-api-tools.vsix');
  execFileSync(join(repo, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--follow-symlinks', '-o', vsix], { cwd: production.dir, stdio: 'pipe' });
  return vsix;
}
