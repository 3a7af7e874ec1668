// Serves a real VS Code (code-server) with this extension and examples/ open, on 127.0.0.1 only.
// Usage: npm run demo [-- --port 8080] [-- --screenshot shot.png [--open file.http]]
// The repo is symlinked into a fresh extensions dir, so a plain browser visit gets the extension
// as if installed, and `npm run watch` + "Developer: Reload Window" picks up rebuilds.
// With --screenshot: opens the workbench in headless Chromium, saves a picture, and exits.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAptPackages, freePort, launchChromium, openWorkbench, payloadUrl, startVsCodeServer } from './lib/vscodeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const opt = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const log = (msg) => console.log(`[demo] ${msg}`);

const portFree = (port) => new Promise((resolve) => {
  const srv = net.createServer().once('error', () => resolve(false));
  srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
});

if (!fs.existsSync(path.join(root, 'dist/extension.js'))) {
  log('dist/ is missing: npm run compile');
  if (spawnSync('npm', ['run', 'compile'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
}
ensureAptPackages();
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mde-demo-'));
const extensionsDir = path.join(tmp, 'extensions');
fs.mkdirSync(extensionsDir);
const link = path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
fs.symlinkSync(root, link, 'dir');
const workspace = path.join(root, 'examples');

const wanted = Number(opt('--port') || process.env.DEMO_PORT || 8080);
const port = (await portFree(wanted)) ? wanted : await freePort();
const server = await startVsCodeServer({ workspace, userDataDir: path.join(tmp, 'user-data'), extensionsDir, port });
const shutdown = async (code = 0) => {
  await server.stop();
  fs.unlinkSync(link); // the link first: the temp dir must never be walked into the repo
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

const screenshot = opt('--screenshot');
if (screenshot) {
  const open = opt('--open');
  const browser = await launchChromium();
  const { page } = await openWorkbench(browser, payloadUrl(server, { folder: workspace, openFile: open && path.join(workspace, open) }));
  // The workbench has no "ready" event for a page; wait for the editor (or the explorer) to render.
  await page.locator(open ? '.monaco-editor .view-lines' : '.explorer-folders-view').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${screenshot}`);
  await browser.close();
  await shutdown(0);
} else {
  log(`VS Code with ${pkg.publisher}.${pkg.name} ${pkg.version} and examples/ open:`);
  log(`  ${server.url}/?folder=${encodeURIComponent(workspace)}`);
  log('Ctrl+C to stop.');
}
