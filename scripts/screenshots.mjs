// Takes the README's pictures from the real VS Code (code-server + Chromium), driving it with the
// keyboard as a person would: find a token, put the cursor on it, show the hover or the quick fixes.
// Usage: node scripts/screenshots.mjs [name.png …]   (after npm run compile; writes images/*.png,
// all of them or the ones named)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAptPackages, launchChromium, openWorkbench, payloadUrl, startVsCodeServer } from './lib/vscodeServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.join(root, 'examples');
const log = (msg) => console.log(`[screenshots] ${msg}`);

const shots = [
  { file: 'machine-actions.http', find: '"comment": "Isolated', action: 'quickfix', out: 'diagnostics.png' },
  { file: 'rest-client-response.http', find: 'TooManyRequests', action: 'hover', out: 'hover-error.png' },
  { file: 'automation.log', find: 'ResourceNotFound', action: 'hover', out: 'hover-error-fr.png', settings: { 'mdeApi.docsLanguage': 'fr' } },
  { file: 'indicators-and-alerts.http', find: '"severity": "high"', action: 'hover', out: 'hover-parameter.png', offset: 3 },
  { file: 'isolate.ps1', find: 'comment       =', action: 'quickfix', out: 'script-powershell.png' },
  { file: 'isolate.ts', find: 'IsolationType:', action: 'hover', out: 'script-typescript.png', offset: 3 },
  { file: 'sentinel-playbook.json', find: '"comment": "Isolated by playbook', action: 'quickfix', out: 'playbook-arm.png' },
  // The raw body is one long line: wrapped, the picture shows it whole instead of scrolled sideways.
  { file: 'defender.postman_collection.json', find: 'isolationType', action: 'quickfix', out: 'postman.png', settings: { 'editor.wordWrap': 'on' } },
];

function positionOf(file, needle, offset) {
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  const line = lines.findIndex((text) => text.includes(needle));
  if (line < 0) {
    throw new Error(`${needle} is not in ${file}`);
  }
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 + offset };
}

async function takeShot(browser, shot) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mde-shots-'));
  const userDataDir = path.join(tmp, 'user-data');
  const settings = {
    'workbench.colorTheme': 'Default Light Modern',
    'editor.fontSize': 15,
    'workbench.startupEditor': 'none',
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    ...shot.settings,
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(settings));
  const extensionsDir = path.join(tmp, 'extensions');
  fs.mkdirSync(extensionsDir);
  const server = await startVsCodeServer({ workspace, userDataDir, extensionsDir });
  try {
    const url = payloadUrl(server, { folder: workspace, extensionDevelopmentPath: root, openFile: path.join(workspace, shot.file) });
    const { page } = await openWorkbench(browser, url, { viewport: { width: 1280, height: 760 } });
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    // Diagnostics mean the server is up and has answered.
    await page.locator('.squiggly-error, .squiggly-warning, .codelens-decoration').first().waitFor({ timeout: 60_000 }).catch(() => {});
    await page.locator('.monaco-editor textarea').first().focus();
    // Go to Line/Column puts the cursor inside the token, whatever the file's tokenization.
    const { line, column } = positionOf(path.join(workspace, shot.file), shot.find, shot.offset ?? 2);
    await page.keyboard.press('Control+g');
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    if (shot.action === 'hover') {
      await page.keyboard.press('Control+k');
      await page.keyboard.press('Control+i');
      await page.locator('.monaco-hover-content').first().waitFor({ timeout: 30_000 });
    } else {
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget').first().waitFor({ timeout: 30_000 }).catch(async (error) => {
        await page.screenshot({ path: path.join(os.tmpdir(), 'screenshots-failed.png') });
        throw error;
      });
    }
    // Hovers and menus fade in: wait for the animations to finish so the picture is not translucent.
    await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
    const out = path.join(root, 'images', shot.out);
    await page.screenshot({ path: out });
    log(`wrote images/${shot.out}`);
    await page.close();
  } finally {
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

ensureAptPackages();
const browser = await launchChromium();
try {
  const named = process.argv.slice(2);
  for (const shot of named.length > 0 ? shots.filter((candidate) => named.includes(candidate.out)) : shots) {
    await takeShot(browser, shot);
  }
} finally {
  await browser.close();
}
