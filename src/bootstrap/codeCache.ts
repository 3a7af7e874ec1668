/**
 * Loads one of this extension's own bundles through a V8 code cache kept in the extension's
 * storage folder. Loading the client bundle (mostly vscode-languageclient) took 50–65 ms in a
 * plain Node process and about 20 ms with the cache; `npm run bench` measures the effect on
 * activation in VS Code. Node 22 has module.enableCompileCache for this, and TypeScript's server uses it;
 * VS Code's extension host still runs Node 20 on many installs, so this is the mechanism that API is
 * built on: vm.Script with cachedData.
 *
 * Only our own bundle is ever compiled here. The cache file is named by a hash of the bundle's
 * bytes, because V8 checks a cache against the source's length only: an updated bundle must never
 * meet an old cache. V8 itself refuses a cache made by another V8 version or with other flags. A
 * missing, unreadable, refused or corrupt cache means an ordinary compile, never a failure.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface LoadedBundle<T> {
  readonly exports: T;
  /** 'cache' when V8 took the cached code, 'source' when it compiled the bundle. */
  readonly compiledFrom: 'cache' | 'source';
  /**
   * Writes everything compiled so far to the cache, once, if the cache was not used. Called after
   * start-up, so the functions start-up ran are in it too. Never throws: a cache is an optimization.
   */
  saveCache(): void;
}

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export function loadBundle<T>(bundlePath: string, cacheDir: string | undefined): LoadedBundle<T> {
  const source = readFileSync(bundlePath, 'utf8');
  const cacheFile = cacheDir ? join(cacheDir, `${basename(bundlePath, '.js')}-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.v8cache`) : undefined;
  const cachedData = cacheFile ? readOrUndefined(cacheFile) : undefined;
  // The same wrapper Node's CommonJS loader gives a module, so the bundle runs as if required.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as ModuleFunction).call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  const compiledFrom = cachedData && !script.cachedDataRejected ? 'cache' : 'source';
  let saved = compiledFrom === 'cache' || !cacheFile;
  return {
    exports: module.exports as T,
    compiledFrom,
    saveCache: () => {
      if (saved || !cacheDir || !cacheFile) {
        return;
      }
      saved = true;
      writeCache(cacheDir, cacheFile, script);
    },
  };
}

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeCache(cacheDir: string, cacheFile: string, script: Script): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: two windows starting at once never read a half-written file.
    const partial = `${cacheFile}.${process.pid}.partial`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
    removeStaleCaches(cacheDir, cacheFile);
  } catch {
    // A read-only or full disk leaves the extension as fast as it was without a cache.
  }
}

/** Caches of earlier versions of the same bundle. */
function removeStaleCaches(cacheDir: string, current: string): void {
  const prefix = basename(current).replace(/-[0-9a-f]{16}\.v8cache$/, '-');
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith(prefix) && name.endsWith('.v8cache') && name !== basename(current)) {
      try {
        unlinkSync(join(cacheDir, name));
      } catch {
        // Another window may have removed it first.
      }
    }
  }
}
