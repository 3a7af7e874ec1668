// Runs test/integration in a real VS Code.
//   Default (any machine with the npm registry): code-server's VS Code server + web workbench in
//   Debian's Chromium; see shared/notes/real-vscode-tests-offline.md.
//   VSCODE_EXECUTABLE=/path/to/code (or --electron, which lets @vscode/test-electron download one):
//   @vscode/test-electron's runTests with that desktop build.
// Options: --grep <pattern>, --screenshot <dir> (or env INTEGRATION_SCREENSHOTS=<dir>).
// Needs dist/ (npm run compile). Exit code: the suite's (non-zero when a test fails).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  ensureAptPackages, ensureVsCodeServer, launchChromium, openWorkbench, payloadUrl, startVsCodeServer,
} from './lib/vscodeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'test/integration');
const outDir = path.join(root, 'out/integration');
const workspace = path.join(root, 'test/fixtures/workspace');
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS || 10 * 60_000);

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const grep = opt('--grep');
const screenshotDir = opt('--screenshot') || process.env.INTEGRATION_SCREENSHOTS;
const electron = argv.includes('--electron') || !!process.env.VSCODE_EXECUTABLE;
// Workbench chatter that says nothing about the extension; INTEGRATION_VERBOSE=1 shows it.
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Updating additional builtin|ChatSessionStore:)|ENOTFOUND open-vsx\.org/;
const log = (msg) => console.log(`[integration] ${msg}`);

async function bundleTests() {
  // One bundle per test file, so mocha itself loads each one after setting up describe/it.
  const tests = fs.readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.ts'));
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: ['index.ts', ...tests].map((f) => path.join(srcDir, f)),
    outbase: srcDir,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return tests.length;
}

async function runElectron(testsEnv) {
  const { runTests } = await import('@vscode/test-electron');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mde-it-electron-'));
  try {
    await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      extensionTestsEnv: testsEnv,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userDataDir],
    });
    return 0;
  } catch (err) {
    console.error(`[integration] ${err?.message ?? err}`);
    return 1;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

// On failure, the extension host's own log tells whether the extension loaded and activated.
function printExtHostLog(logsDir) {
  const files = fs.existsSync(logsDir)
    ? fs.readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('remoteexthost.log')) : [];
  for (const f of files) {
    const lines = fs.readFileSync(path.join(logsDir, f), 'utf8').split('\n')
      .filter((l) => /\[error\]|mde-api-tools/.test(l));
    if (lines.length) console.error(`[integration] extension host log (errors and mde-api-tools lines):\n${lines.join('\n')}`);
  }
}

async function runWeb(testsEnv) {
  ensureAptPackages();
  ensureVsCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mde-it-'));
  const state = {};
  let code;
  const cleanup = async () => {
    await state.browser?.close().catch(() => {});
    await state.server?.stop();
    if (code !== 0) printExtHostLog(path.join(tmp, 'user-data/logs'));
    if (!process.env.KEEP_TEMP) fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', async () => { code = 130; await cleanup(); process.exit(130); });

  const work = runSuite(testsEnv, tmp, state);
  let timer;
  const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); });
  try {
    code = await Promise.race([work, timeout]);
    if (code === 'timeout') {
      work.catch(() => {}); // it fails once the browser is closed below
      code = 124;
      console.error(`\n[integration] TIMEOUT: the suite did not finish within ${TIMEOUT_MS / 1000} s (INTEGRATION_TIMEOUT_MS)`);
      if (state.page) {
        const shot = path.join(os.tmpdir(), `mde-it-timeout-${Date.now()}.png`);
        await state.page.screenshot({ path: shot }).then(() => console.error(`[integration] screenshot of the window: ${shot}`), () => {});
      }
      if (state.server) console.error(`[integration] last code-server output:\n${state.server.output().slice(-3000)}`);
    }
    return code;
  } catch (err) {
    code = 1;
    throw err;
  } finally {
    clearTimeout(timer);
    await cleanup();
  }
}

async function runSuite(testsEnv, tmp, state) {
  const started = Date.now();
  const server = state.server = await startVsCodeServer({
    workspace,
    userDataDir: path.join(tmp, 'user-data'),
    extensionsDir: path.join(tmp, 'extensions'),
    env: testsEnv,
  });
  log(`code-server up at ${server.url} in ${Date.now() - started} ms`);
  state.browser = await launchChromium();
  let vscodeLine;
  const url = payloadUrl(server, { folder: workspace, extensionDevelopmentPath: root, extensionTestsPath: path.join(outDir, 'index.js') });
  const wb = await openWorkbench(state.browser, url, {
    onPage: (p) => { state.page = p; },
    onLog: (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (NOISE.test(text) && !process.env.INTEGRATION_VERBOSE) return;
      const m = /^VS Code (\S+ \(\w+\))/.exec(text);
      if (m) vscodeLine = m[1];
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    },
  });
  const { page } = wb;
  page.on('pageerror', (err) => console.error(`[workbench] ${err.message}`));
  const code = await wb.exited;
  log(`finished in ${((Date.now() - started) / 1000).toFixed(1)} s in VS Code ${vscodeLine ?? '(version not reported)'}: exit code ${code}`);
  if (screenshotDir) {
    fs.mkdirSync(screenshotDir, { recursive: true });
    const file = path.join(screenshotDir, 'integration-end.png');
    await page.screenshot({ path: file });
    log(`screenshot: ${file}`);
  }
  return code;
}

if (!fs.existsSync(path.join(root, 'dist/extension.js'))) {
  console.error('[integration] dist/extension.js is missing: run `npm run compile` first.');
  process.exit(1);
}
const count = await bundleTests();
log(`bundled index + ${count} test file(s) into ${path.relative(root, outDir)}/`);
const testsEnv = grep ? { MOCHA_GREP: grep } : {};
let code;
try {
  code = electron ? await runElectron(testsEnv) : await runWeb(testsEnv);
} catch (err) {
  console.error(`[integration] ${err?.stack ?? err}`);
  code = 1;
}
process.exit(code);
