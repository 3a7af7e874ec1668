// Bundles the client, the server and the command line; type-checking is `tsc --noEmit`, kept apart so builds stay fast.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

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

/**
 * web-tree-sitter loads Node's `module` with import(), which code compiled by vm.Script (the
 * code-cache loader, src/bootstrap) cannot run, and it declares a `var require` of its own that
 * hides the real one. The bundle keeps the real require under another name for it.
 */
const treeSitterInNode = {
  banner: { js: 'const __nodeRequire = require;' },
  plugins: [
    {
      name: 'tree-sitter-module-import',
      setup(build) {
        build.onLoad({ filter: /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/ }, async (args) => {
          const source = await fs.promises.readFile(args.path, 'utf8');
          const patched = source.replace('await import("module")', '__nodeRequire("module")');
          if (patched === source) {
            throw new Error('tree-sitter.js no longer imports "module" as expected: check the build patch');
          }
          return { contents: patched, loader: 'js' };
        });
      },
    },
  ],
};

// Each side is an entry that loads its bundle through the V8 code cache (src/bootstrap).
const builds = [
  { ...common, entryPoints: ['src/bootstrap/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/bootstrap/server.ts'], outfile: 'dist/server.js' },
  { ...common, ...treeSitterInNode, entryPoints: ['src/server/main.ts'], outfile: 'dist/serverMain.js' },
  // The command-line linter (package.json "bin"): no code cache, it is started once per run.
  {
    ...common,
    ...treeSitterInNode,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node
${treeSitterInNode.banner.js}` },
  },
];

/**
 * The Tree-sitter runtime and the grammars the script hosts use, beside the server bundle; the
 * list is the core's own (src/core/scripts/grammars.ts), so nothing unused ships.
 */
async function copyGrammars() {
  const compiled = await esbuild.build({ entryPoints: ['src/core/scripts/grammars.ts'], bundle: true, format: 'esm', write: false, logLevel: 'warning' });
  const { GRAMMAR_FILES, RUNTIME_FILE } = await import(`data:text/javascript;base64,${Buffer.from(compiled.outputFiles[0].text).toString('base64')}`);
  // Beside the bundles, which esbuild writes under the working folder (the bench builds in a scratch
  // folder through a link to this script, so this script's own folder is not the place).
  const from = path.resolve('node_modules/@vscode/tree-sitter-wasm/wasm');
  const to = path.resolve('dist/grammars');
  fs.mkdirSync(to, { recursive: true });
  for (const file of [RUNTIME_FILE, ...Object.values(GRAMMAR_FILES)]) {
    fs.copyFileSync(path.join(from, file), path.join(to, file));
  }
}

await copyGrammars();

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
