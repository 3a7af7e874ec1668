// Real VS Code for tests on machines that cannot download a desktop build: the code-server npm
// package (VS Code server + web workbench) driven by Debian's Chromium through playwright-core.
// Recipe and reasons: shared/notes/real-vscode-tests-offline.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// code-server pins the Node major it runs on (its engines.node), so the version follows the machine.
const CODE_SERVER_FOR_NODE = { 20: '4.100.3', 22: '4.103.2' };
const NATIVE_MODULES = ['kerberos', 'node-pty', '@vscode/spdlog', 'native-watchdog', '@parcel/watcher', '@vscode/deviceid'];
const MARKER = '.mde-install-complete';
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

// Chromium runs the workbench; the rest is what code-server's native modules and search need.
export const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'ripgrep', 'build-essential', 'python3'];

export function missingAptPackages(packages = APT_PACKAGES) {
  return packages.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
}

/** Installs the Debian packages that are missing (as root), or says which to install. */
export function ensureAptPackages() {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) throw new Error(`Missing Debian packages; as root run:\n  ${cmd}`);
  log(`Installing Debian packages: ${missing.join(' ')}`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${r.stdout}${r.stderr}`);
  }
}

export function codeServerVersion() {
  const major = Number(process.versions.node.split('.')[0]);
  const v = process.env.CODE_SERVER_VERSION || CODE_SERVER_FOR_NODE[major];
  if (!v) throw new Error(`No code-server version known for Node ${major}; set CODE_SERVER_VERSION (see \`npm view code-server engines\`).`);
  return v;
}

export function cacheDir(version = codeServerVersion()) {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'mde-api-tools', `code-server-${version}`);
}

const log = (msg) => console.log(`[vscode-server] ${msg}`);

function run(cmd, args, cwd, extraEnv = {}) {
  const t0 = Date.now();
  log(`  $ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
  // Under `npm run`, npm_* variables describe this repo (prefix, package, lifecycle); the cache is
  // its own project. Only where packages come from and are cached is kept.
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|.*proxy|strict_ssl|cafile)$/i;
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)));
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extraEnv }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(r.stdout + r.stderr);
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}) in ${cwd}`);
  }
  log(`    done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return r.stdout;
}

export function isInstalled(dir = cacheDir()) {
  return fs.existsSync(path.join(dir, MARKER));
}

/** Installs code-server into the per-version cache unless a complete install is already there. */
export function ensureVsCodeServer() {
  const version = codeServerVersion();
  const dir = cacheDir(version);
  if (isInstalled(dir)) return { dir, version, entry: path.join(dir, 'out/node/entry.js') };
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is missing: run `node scripts/setup-integration.mjs` (apt-get install ripgrep).');
  const t0 = Date.now();
  log(`Installing code-server ${version} into ${dir} (a few minutes, once per version)`);
  // No marker means an earlier install stopped half way: start over.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'code-server-pack-'));
  try {
    log('1/5 fetching the package');
    const tgz = run('npm', ['pack', `code-server@${version}`, '--pack-destination', tmp, '--silent'], tmp).trim().split('\n').pop();
    run('tar', ['xzf', path.join(tmp, tgz), '-C', dir, '--strip-components=1'], tmp);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  // Scripts stay off: as root the postinstall refuses to run, and @vscode/ripgrep's downloads rg.
  const yes = { npm_config_yes: 'true' }; // node-pty's rebuild runs `npx node-gyp`
  log('2/5 code-server dependencies');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
  run('npm', ['rebuild', 'argon2'], dir, yes);
  const vsc = path.join(dir, 'lib/vscode');
  log('3/5 VS Code server dependencies and native modules');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], vsc);
  run('npm', ['rebuild', ...NATIVE_MODULES], vsc, yes);
  log("4/5 Debian's ripgrep");
  const rgBin = path.join(vsc, 'node_modules/@vscode/ripgrep/bin');
  fs.mkdirSync(rgBin, { recursive: true });
  fs.copyFileSync(rg, path.join(rgBin, 'rg'));
  fs.chmodSync(path.join(rgBin, 'rg'), 0o755);
  fs.rmSync(path.join(vsc, 'node_modules.asar'), { force: true });
  fs.symlinkSync('node_modules', path.join(vsc, 'node_modules.asar'));
  log('5/5 built-in extensions');
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], path.join(vsc, 'extensions'));
  fs.writeFileSync(path.join(dir, MARKER), `${new Date().toISOString()}\n`);
  log(`code-server ${version} installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return { dir, version, entry: path.join(dir, 'out/node/entry.js') };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function commonArgs({ userDataDir, extensionsDir }) {
  return ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
}

// A quiet first start: no welcome walkthrough over the editor, no telemetry banner, no update checks.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'git.openRepositoryInParentFolders': 'never',
};

function seedSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(DEFAULT_SETTINGS, null, 2)}\n`);
}

// Keeps code-server away from ~/.config/code-server (it writes a password file there otherwise).
function configFile(userDataDir) {
  fs.mkdirSync(userDataDir, { recursive: true });
  const file = path.join(userDataDir, 'code-server.yaml');
  fs.writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

/**
 * Starts code-server on loopback and resolves once it answers HTTP.
 * `env` is added to the server's environment, which its extension host inherits (e.g. MOCHA_GREP).
 * `verbose` forwards the server's own output (also: env VSCODE_SERVER_VERBOSE=1).
 */
export async function startVsCodeServer({ workspace, userDataDir, extensionsDir, port, env = {}, verbose = !!process.env.VSCODE_SERVER_VERBOSE, timeoutMs = 60_000 }) {
  const { entry } = ensureVsCodeServer();
  port ??= await freePort();
  fs.mkdirSync(extensionsDir, { recursive: true });
  seedSettings(userDataDir);
  const args = [entry, '--config', configFile(userDataDir), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ...commonArgs({ userDataDir, extensionsDir })];
  if (workspace) args.push(workspace);
  // Own process group, so stop() also ends the server processes code-server forks.
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, ...env } });
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk).slice(-20_000);
    if (verbose) process.stdout.write(`[code-server] ${chunk}`);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  const exitedP = new Promise((r) => child.on('exit', (code, sig) => { exited = { code, sig }; r(); }));

  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const t = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exitedP;
    clearTimeout(t);
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.sig}) before answering:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, stop, process: child, output: () => output };
}

/** Installs a .vsix with the code-server CLI into `extensionsDir`. */
export function installExtension(vsixPath, extensionsDir) {
  const { entry } = ensureVsCodeServer();
  fs.mkdirSync(extensionsDir, { recursive: true });
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mde-vsix-ud-'));
  try {
    const r = spawnSync(process.execPath, [entry, '--config', configFile(userDataDir), ...commonArgs({ userDataDir, extensionsDir }),
      '--force', '--install-extension', path.resolve(vsixPath)], { encoding: 'utf8' });
    const out = `${r.stdout}${r.stderr}`;
    if (r.status !== 0 || /failed|error/i.test(r.stderr)) throw new Error(`Installing ${vsixPath} failed (exit ${r.status}):\n${out}`);
    return out.trim();
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Headless Debian Chromium through playwright-core; playwright never downloads a browser here. */
export async function launchChromium({ headless = true } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`node scripts/setup-integration.mjs\` (apt-get install chromium).`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}

/** The workbench URL; the payload can load a development extension, run its tests, open a file. */
export function payloadUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${path.resolve(p)}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (openFile) payload.push(['openFile', remote(openFile)]);
  const q = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q}`;
}

/**
 * Opens the workbench in a fresh page. `onLog(type, args)` gets the extension host's console
 * (the hook VS Code's own browser tests use); the promise `exited` resolves with the exit code
 * the workbench reports when extension tests finish.
 */
export async function openWorkbench(browser, url, { onLog, onPage, viewport = { width: 1400, height: 900 } } = {}) {
  const page = await browser.newPage({ viewport });
  onPage?.(page); // the caller can screenshot a page whose load never finishes
  let resolveExit;
  const exited = new Promise((r) => { resolveExit = r; });
  await page.exposeFunction('codeAutomationLog', (type, args) => onLog?.(type, args));
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  await page.goto(url);
  return { page, exited };
}
