// Smoke test of the packaged extension, as a user gets it: package the .vsix, install it with the
// code-server CLI into a fresh extensions dir, open an .http file in a real VS Code, and check that
// the installed extension (not the repo copy) activated from that file, that activate() succeeded, and
// that its language server answers (a hover on an error code). Before that, the .vsix file list is
// checked: everything a user needs is in, and no sources, tests, node_modules or source maps.
// Usage: node scripts/smoke-vsix.mjs [--vsix <file>]   (without --vsix: `npm run package` first)
//
// The extension under test is loaded from the extensions dir, in production mode. To get a
// definite answer (activation done, and whether activate() threw) rather than a guess from logs,
// a throwaway probe extension in a temp dir runs a few lines of checks through the same
// extensionTestsPath hook as the integration tests; it has no code of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import {
  ensureAptPackages, installExtension, launchChromium, openWorkbench, payloadUrl, startVsCodeServer,
} from './lib/vscodeServer.mjs';

const EXTENSION_ID = 'mde-api-tools.mde-api-tools';
const TIMEOUT_MS = 5 * 60_000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const given = argv.includes('--vsix') ? path.resolve(argv[argv.indexOf('--vsix') + 1]) : undefined;
const log = (msg) => console.log(`[smoke-vsix] ${msg}`);

// An error response appended to smoke.http, so the probe can ask the server for a hover on its code.
const SMOKE_ERROR_CODE = 'ResourceNotFound';
const SMOKE_ERROR_STATUS = '404';
const SMOKE_RESPONSE = [
  '', '', `HTTP/1.1 ${SMOKE_ERROR_STATUS} Not Found`, 'Content-Type: application/json', '',
  `{"error":{"code":"${SMOKE_ERROR_CODE}","message":"Machine 1e5bc9d7 was not found","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}`, '',
].join('\n');

const PROBE_TESTS = `
const vscode = require('vscode');
exports.run = async () => {
  console.log('VS Code ' + vscode.version + ' (' + (vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop') + ')');
  const ext = vscode.extensions.getExtension(${JSON.stringify(EXTENSION_ID)});
  if (!ext) throw new Error(${JSON.stringify(EXTENSION_ID)} + ' is not installed');
  console.log('[probe] ' + ext.id + ' ' + ext.packageJSON.version + ' from ' + ext.extensionPath);
  if (!ext.extensionPath.startsWith(process.env.SMOKE_EXTENSIONS_DIR)) throw new Error('not loaded from the installed .vsix');
  // The workbench opened smoke.http itself (payload openFile): activation must follow from that.
  const deadline = Date.now() + 30000;
  while (!ext.isActive) {
    if (Date.now() > deadline) {
      const open = vscode.workspace.textDocuments.map((d) => d.uri.path + ' [' + d.languageId + ']').join(', ');
      throw new Error('not activated 30 s after opening smoke.http; open documents: ' + (open || 'none'));
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await ext.activate(); // rejects with the error if activate() threw
  console.log('[probe] activated');
  // Activation alone proves little: the bundled server must also start and answer a request.
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'smoke.http'));
  const position = doc.positionAt(doc.getText().indexOf(${JSON.stringify(SMOKE_ERROR_CODE)}) + 2);
  const hoverDeadline = Date.now() + 20000;
  let hover = '';
  while (!hover.includes(${JSON.stringify(SMOKE_ERROR_STATUS)})) {
    if (Date.now() > hoverDeadline) throw new Error('no hover naming HTTP ${SMOKE_ERROR_STATUS} on ${SMOKE_ERROR_CODE}; last hover: ' + (hover || 'none'));
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', doc.uri, position)) || [];
    hover = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\\n');
    if (!hover.includes(${JSON.stringify(SMOKE_ERROR_STATUS)})) await new Promise((r) => setTimeout(r, 100));
  }
  console.log('[probe] answered: ' + hover.split('\\n')[0]);
  // Scripts need a Tree-sitter grammar read from the installed dist/grammars, through the code-cached bundle.
  const script = await vscode.workspace.openTextDocument({ language: 'powershell', content: '# mde: POST /api/machines/{id}/isolate\\n$body = @{ comment = "smoke"; IsolationType = "Full" }\\n' });
  const scriptDeadline = Date.now() + 30000;
  let codes = [];
  while (!codes.includes('wrong-case')) {
    if (Date.now() > scriptDeadline) throw new Error('no wrong-case diagnostic on a PowerShell body; diagnostics: ' + (codes.join(', ') || 'none'));
    await new Promise((r) => setTimeout(r, 100));
    codes = vscode.languages.getDiagnostics(script.uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
  }
  console.log('[probe] checked a PowerShell body: ' + codes.join(', '));
};
`;

// What a user's install needs, and what must never ship (sources, tests, dependencies, source maps).
const REQUIRED_FILES = [
  'extension/package.json', 'extension/dist/extension.js', 'extension/dist/client.js', 'extension/dist/server.js',
  'extension/dist/serverMain.js', 'extension/l10n/bundle.l10n.fr.json',
  'extension/dist/grammars/tree-sitter.wasm', 'extension/dist/grammars/tree-sitter-powershell.wasm',
  'extension/package.nls.json', 'extension/package.nls.fr.json', 'extension/snippets/http.code-snippets',
  /^extension\/syntaxes\/[^/]+\.json$/, 'extension/language-configuration.json', 'extension/images/icon.png',
  // vsce stores these as readme.md, changelog.md and LICENSE.txt whatever the repo's spelling.
  /^extension\/README\.md$/i, /^extension\/CHANGELOG\.md$/i, /^extension\/LICENSE(\.txt)?$/i,
];
const FORBIDDEN_FILE = /(^|\/)(src|test|node_modules)\/|\.map$/;

/** The entry names of a zip, from its central directory (a .vsix is a plain zip; no zip64 for our size). */
function zipEntryNames(buffer) {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new Error('zip64 archives are not supported');
  const names = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== CENTRAL) throw new Error(`bad central directory entry ${n} at offset ${offset}`);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function checkVsixContents(vsix) {
  const names = zipEntryNames(fs.readFileSync(vsix));
  const missing = REQUIRED_FILES.filter((want) => !names.some((name) => (typeof want === 'string' ? name === want : want.test(name))));
  const forbidden = names.filter((name) => FORBIDDEN_FILE.test(name));
  const problems = [
    ...missing.map((want) => `missing ${want}`),
    ...forbidden.map((name) => `must not ship ${name}`),
  ];
  if (problems.length) throw new Error(`the .vsix content is wrong:\n  ${problems.join('\n  ')}\nit holds:\n  ${names.join('\n  ')}`);
  log(`.vsix holds the ${names.length} expected entries, no sources, tests, node_modules or source maps`);
}

function packageVsix() {
  log('npm run package');
  const r = spawnSync('npm', ['run', 'package'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run package failed (exit ${r.status})`);
  return path.join(root, 'dist-vsix/mde-api-tools.vsix');
}

function activationLines(userDataDir) {
  const logs = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs.readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('remoteexthost.log'))
    .flatMap((f) => fs.readFileSync(path.join(logs, f), 'utf8').split('\n'))
    .filter((l) => l.includes(EXTENSION_ID));
}

/** An installed extension runs in production mode: both sides must have written their V8 code cache. */
function checkCodeCaches(userDataDir) {
  const cacheDir = path.join(userDataDir, 'User', 'globalStorage', EXTENSION_ID, 'code-cache');
  const caches = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).sort() : [];
  const expected = [/^client-[0-9a-f]{16}\.v8cache$/, /^serverMain-[0-9a-f]{16}\.v8cache$/];
  if (caches.length !== expected.length || !expected.every((pattern) => caches.some((name) => pattern.test(name)))) {
    throw new Error(`expected the client's and the server's code caches in ${cacheDir}, found: ${caches.join(', ') || 'nothing'}`);
  }
  log(`code caches written in production mode: ${caches.join(', ')}`);
}

async function main() {
  const vsix = given ?? packageVsix();
  if (!fs.existsSync(vsix)) throw new Error(`${vsix} does not exist`);
  checkVsixContents(vsix);
  ensureAptPackages();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mde-smoke-vsix-'));
  const dirs = Object.fromEntries(['extensions', 'user-data', 'workspace', 'probe'].map((d) => [d, path.join(tmp, d)]));
  Object.values(dirs).forEach((d) => fs.mkdirSync(d));
  let server;
  let browser;
  try {
    log(`installing ${path.relative(root, vsix)}`);
    log(installExtension(vsix, dirs.extensions));
    const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith(`${EXTENSION_ID}-`));
    if (installed.length !== 1) throw new Error(`expected one ${EXTENSION_ID}-* folder in the extensions dir, found: ${fs.readdirSync(dirs.extensions).join(', ')}`);
    const httpFile = path.join(dirs.workspace, 'smoke.http');
    fs.writeFileSync(httpFile, fs.readFileSync(path.join(root, 'test/fixtures/workspace/requests.http'), 'utf8') + SMOKE_RESPONSE);
    fs.writeFileSync(path.join(dirs.probe, 'package.json'), JSON.stringify({
      name: 'vsix-smoke-probe', publisher: 'mde-api-tools-tests', version: '0.0.0', engines: { vscode: '*' },
    }));
    fs.writeFileSync(path.join(dirs.probe, 'run.js'), PROBE_TESTS);

    server = await startVsCodeServer({
      workspace: dirs.workspace, userDataDir: dirs['user-data'], extensionsDir: dirs.extensions,
      env: { SMOKE_EXTENSIONS_DIR: dirs.extensions },
    });
    browser = await launchChromium();
    const url = payloadUrl(server, {
      folder: dirs.workspace, openFile: httpFile,
      extensionDevelopmentPath: dirs.probe, extensionTestsPath: path.join(dirs.probe, 'run.js'),
    });
    const wb = await openWorkbench(browser, url, {
      onLog: (type, args) => {
        const text = format(...(Array.isArray(args) ? args : [args]));
        if (/^VS Code |^\[probe\]|Error|failed/.test(text) && !/ENOTFOUND open-vsx/.test(text)) log(text);
      },
    });
    let timer;
    const code = await Promise.race([
      wb.exited,
      new Promise((r) => { timer = setTimeout(() => r('timeout'), TIMEOUT_MS); }),
    ]);
    clearTimeout(timer);
    await browser.close();
    browser = undefined;
    await server.stop();
    const lines = activationLines(dirs['user-data']);
    lines.forEach((l) => log(`exthost.log: ${l}`));
    if (code === 'timeout') throw new Error(`no result within ${TIMEOUT_MS / 1000} s`);
    if (code !== 0) throw new Error('the installed extension did not activate cleanly (see above)');
    if (!lines.some((l) => l.includes(`_doActivateExtension ${EXTENSION_ID}`))) throw new Error('no activation in the extension host log');
    checkCodeCaches(dirs['user-data']);
    log(`PASS: ${installed[0]} installed from the .vsix, activated and answered a hover`);
    // The plain closing line CI logs are read for.
    console.log('smoke: 1 passed, 0 failed');
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (!process.env.KEEP_TEMP) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[smoke-vsix] FAIL: ${err.message}`);
  console.log('smoke: 0 passed, 1 failed');
  process.exit(1);
});
