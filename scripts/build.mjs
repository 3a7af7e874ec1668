// Bundles the client, the server and the command line; type-checking is `tsc --noEmit`, kept apart so builds stay fast.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // vscode-languageserver pulls in the UMD builds of its helpers; the main fields keep them CommonJS.
  mainFields: ['module', 'main'],
};

// Each side is an entry that loads its bundle through the V8 code cache (src/bootstrap).
const builds = [
  { ...common, entryPoints: ['src/bootstrap/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/bootstrap/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['src/server/main.ts'], outfile: 'dist/serverMain.js' },
  // The command-line linter (package.json "bin"): no code cache, it is started once per run.
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('esbuild: watching src/ for changes');
} else {
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`esbuild: built dist/ in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
