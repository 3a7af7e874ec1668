/** The five bundles of dist/, rebuilt when missing, older than src/ or minified. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '../../..');
export const bundles = {
  extension: join(root, 'dist/extension.js'),
  client: join(root, 'dist/client.js'),
  server: join(root, 'dist/server.js'),
  serverMain: join(root, 'dist/serverMain.js'),
  cli: join(root, 'dist/cli.js'),
};

export function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export const sourceFiles = filesUnder(join(root, 'src')).filter((path) => path.endsWith('.ts'));

export function ensureBundles(): void {
  const inputs = [...sourceFiles, ...filesUnder(join(root, 'l10n')), join(root, 'package.json')];
  const newestInput = Math.max(...inputs.map((path) => statSync(path).mtimeMs));
  // The no-network check reads esbuild's per-module comments, which a production build drops.
  const usable = (path: string) => existsSync(path) && statSync(path).mtimeMs >= newestInput && readFileSync(path, 'utf8').includes('\n// src/');
  if (!Object.values(bundles).every(usable)) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  }
}
