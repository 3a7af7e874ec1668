import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundles, ensureBundles, root, sourceFiles } from './bundles';

/** Node built-ins that reach the network or start programs. */
const NETWORK_OR_PROCESS = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'child_process'];

/**
 * What each bundle genuinely requires of them, module by module, and why:
 * - child_process in the client: vscode-languageclient starts the server (fork) and, on shutdown,
 *   terminates its process tree (taskkill on Windows, a shell script elsewhere).
 * - child_process in the server: vscode-languageserver's Files helpers (resolveGlobalNodePath,
 *   resolveModulePath) run npm or yarn to find global modules; our server never calls them.
 * - net on both sides: vscode-jsonrpc's pipe and socket transports. The client starts the server
 *   over Node IPC and the CLI uses --stdio, so neither ever opens a socket.
 * - nothing in the command line (dist/cli.js): it reads and writes files, and that is all.
 */
const expected: Record<keyof typeof bundles, Record<string, string[]>> = {
  extension: {},
  client: {
    child_process: ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
  },
  server: {},
  serverMain: {
    child_process: ['node_modules/vscode-languageserver/lib/node/files.js'],
    net: ['node_modules/vscode-jsonrpc/lib/node/main.js'],
  },
  cli: {},
};

/**
 * In the extension, the code-cache loader (src/bootstrap/codeCache.ts) is the one module of ours
 * that uses Node built-ins: it reads our bundle and its cache, hashes the bundle, compiles it with
 * vm and writes the cache into the extension's storage folder. The command line (src/cli) finds,
 * reads and fixes files, hashes fingerprints and writes its report. Nothing else of ours touches
 * files or processes.
 */
const OWN_BUILTIN_USERS: Record<string, string[]> = {
  'src/bootstrap/codeCache.ts': ['node:crypto', 'node:fs', 'node:module', 'node:path', 'node:vm'],
  'src/bootstrap/server.ts': ['node:path'],
  // Reads the Tree-sitter .wasm files the build puts beside the bundle, by the fixed names the core asks for.
  'src/shared/grammarFiles.ts': ['node:fs/promises', 'node:path', 'node:v8'],
  'src/cli/files.ts': ['node:fs', 'node:path'],
  'src/cli/gitignore.ts': ['node:fs', 'node:path'],
  'src/cli/lint.ts': ['node:fs'],
  'src/cli/fix.ts': ['node:crypto', 'node:fs/promises', 'node:path'],
  'src/cli/report.ts': ['node:crypto'],
  'src/cli/run.ts': ['node:fs/promises', 'node:path'],
  'src/cli/formatters/sarif.ts': ['node:url'],
};

/** Libraries only the command line uses: .gitignore rules, globs, and the diff of --fix-dry-run. */
const CLI_PACKAGES = new Set(['ignore', 'picomatch', 'diff']);

/** The bundle split into the modules esbuild inlined, by the `// path` comment it puts before each. */
function modulesOf(bundle: string): Map<string, string> {
  const modules = new Map<string, string>();
  let current = '(prelude)';
  for (const line of bundle.split('\n')) {
    const marker = /^\/\/ ((?:node_modules|src)\/\S+)$/.exec(line);
    if (marker) {
      current = marker[1];
    }
    modules.set(current, `${modules.get(current) ?? ''}${line}\n`);
  }
  return modules;
}

/** Built-in name → the modules of the bundle that require it (`node:` prefix and subpaths folded). */
function requiresOf(modules: Map<string, string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [module, code] of modules) {
    for (const [, specifier] of code.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)) {
      const name = specifier.replace(/^node:/, '').split('/')[0];
      const users = found.get(name) ?? [];
      if (!users.includes(module)) {
        found.set(name, [...users, module].sort());
      }
    }
  }
  return found;
}

describe('security: no network, no code execution', function () {
  this.timeout(60_000);
  const modules: Record<keyof typeof bundles, Map<string, string>> = { extension: new Map(), client: new Map(), server: new Map(), serverMain: new Map(), cli: new Map() };

  before(() => {
    ensureBundles();
    for (const name of Object.keys(bundles) as (keyof typeof bundles)[]) {
      modules[name] = modulesOf(readFileSync(bundles[name], 'utf8'));
      assert.ok([...modules[name].keys()].some((module) => module.startsWith('src/')), `${name} bundle has its module comments`);
    }
  });

  for (const name of Object.keys(bundles) as (keyof typeof bundles)[]) {
    it(`requires network and process modules in the ${name} bundle only where the LSP libraries need them`, () => {
      const requires = requiresOf(modules[name]);
      const actual = Object.fromEntries(NETWORK_OR_PROCESS.filter((builtin) => requires.has(builtin)).map((builtin) => [builtin, requires.get(builtin)]));
      assert.deepEqual(actual, expected[name]);
    });

    it(`has none of our own modules in the ${name} bundle require a Node built-in, but for the code-cache loader and the command line's file, hash and report modules`, () => {
      for (const [module, code] of modules[name]) {
        if (module.startsWith('src/')) {
          const specifiers = [...code.matchAll(/\b(?:require|import)\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
          const allowed = OWN_BUILTIN_USERS[module] ?? [];
          assert.deepEqual(
            specifiers.filter((specifier) => specifier !== 'vscode' && !allowed.includes(specifier)),
            [],
            `${module} requires ${specifiers.join(', ')}`,
          );
        }
      }
    });
  }

  it('requires no http, https, http2, tls, dgram or dns anywhere in the server bundles and the command line', () => {
    for (const name of ['server', 'serverMain', 'cli'] as const) {
      const requires = requiresOf(modules[name]);
      assert.deepEqual(['http', 'https', 'http2', 'tls', 'dgram', 'dns'].filter((builtin) => requires.has(builtin)), [], name);
    }
  });

  it('holds fetch only in @vscode/l10n and web-tree-sitter, for files given by URL, which neither the server nor the command line ever does', () => {
    for (const name of Object.keys(bundles) as (keyof typeof bundles)[]) {
      const users = [...modules[name]].filter(([, code]) => /\bfetch\s*\(|XMLHttpRequest|WebSocket/.test(code)).map(([module]) => module);
      // web-tree-sitter fetches a grammar given as a URL string; src/core/scripts/parsers.ts only ever hands it bytes.
      const expectedUsers = name === 'serverMain' || name === 'cli' ? ['node_modules/@vscode/l10n/dist/main.js', 'node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter.js'] : [];
      assert.deepEqual([...users].sort(), expectedUsers);
    }
    const grammarLoads = sourceFiles.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/(?:Language\.load|Parser\.init)\(([^)]*)\)/g)].map((match) => match[1]));
    assert.ok(grammarLoads.length >= 2, 'the scan sees the grammar loads');
    assert.ok(
      grammarLoads.every((argument) => /^await this\.load\(|^\{ wasmBinary \}/.test(argument)),
      `Tree-sitter is only given bytes read by the host, never a URL: ${grammarLoads.join(' | ')}`,
    );
    const configCalls = sourceFiles.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/l10n\.config\(([^)]*)\)/g)].map((match) => match[1]));
    assert.ok(configCalls.length > 0, 'the server configures l10n');
    assert.ok(
      configCalls.every((argument) => /^\{\s*contents:/.test(argument)),
      `l10n.config is only given bundle contents, never a URI: ${configCalls.join(' | ')}`,
    );
  });

  describe('our own source', () => {
    const sources = sourceFiles.map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
    const allowedPackages = new Set([
      'vscode',
      'vscode-languageclient/node',
      'vscode-languageserver',
      'vscode-languageserver/node',
      'vscode-languageserver-textdocument',
      'jsonc-parser',
      '@vscode/l10n',
      '@vscode/tree-sitter-wasm',
    ]);

    it('imports only the LSP libraries, jsonc-parser, @vscode/l10n and Tree-sitter (and in the command line ignore, picomatch and diff), and Node built-ins only in the code-cache and grammar loaders and the command line', () => {
      const imported = new Set<string>();
      for (const { path, text } of sources) {
        for (const [, from, bare] of text.matchAll(/\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)) {
          const specifier = from ?? bare;
          imported.add(specifier);
          const posixPath = path.replace(/\\/g, '/');
          const allowed =
            specifier.startsWith('.') ||
            allowedPackages.has(specifier) ||
            (posixPath.startsWith('src/cli/') && CLI_PACKAGES.has(specifier)) ||
            (OWN_BUILTIN_USERS[posixPath] ?? []).includes(specifier);
          assert.ok(allowed, `${path} imports ${specifier}`);
        }
      }
      assert.ok(imported.has('vscode-languageserver') && imported.has('jsonc-parser'), 'the scan sees the imports');
    });

    it('makes no network call: no fetch, XMLHttpRequest or WebSocket', () => {
      for (const { path, text } of sources) {
        assert.doesNotMatch(text, /\bfetch\s*\(|XMLHttpRequest|WebSocket/, path);
      }
    });

    it('executes no text: no eval, no new Function, no require or import() of computed paths', () => {
      for (const { path, text } of sources) {
        assert.doesNotMatch(text, /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, path);
        assert.doesNotMatch(text, /\brequire\s*\(|\bimport\s*\(/, path);
      }
    });
  });

  it('declares support for untrusted and virtual workspaces', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { capabilities?: { untrustedWorkspaces?: { supported?: unknown }; virtualWorkspaces?: unknown } };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });
});
