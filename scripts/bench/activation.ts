/**
 * Client activation as VS Code itself measures and shows it: the "Activation: N ms" of Developer:
 * Show Running Extensions, which is the time to load the extension's main module plus the
 * synchronous part of `activate`. Each sample is a fresh VS Code (code-server with Chromium, the
 * integration tests' runner) opening an .http file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { summarize, type Summary } from './stats';

export interface ActivationResult {
  /** Activation as VS Code reports it (code loading + activate call) on an install's first start, cache not yet written. */
  readonly firstStart: Summary;
  /** The same on the starts after it, which load the bundles through the V8 code cache. */
  readonly laterStarts: Summary;
  /** An extension whose activate() does nothing, on the same event in the same windows: VS Code's own share. */
  readonly floor: Summary;
  readonly samples: { readonly firstStart: number[]; readonly laterStarts: number[]; readonly floor: number[] };
  readonly vscodeVersion: string;
}

interface VsCodeServerLib {
  startVsCodeServer(options: { workspace: string; userDataDir: string; extensionsDir: string }): Promise<{ stop(): Promise<void>; port: number; url: string }>;
  installExtension(vsixPath: string, extensionsDir: string): string;
  launchChromium(): Promise<Browser>;
  openWorkbench(browser: Browser, url: string): Promise<{ page: Page }>;
  payloadUrl(server: unknown, options: { folder: string; extensionDevelopmentPath: string }): string;
  codeServerVersion(): string;
}

/**
 * `installs` fresh installs of the .vsix, each started `startsPerInstall` times: the first start of
 * an install compiles the bundles and writes the code cache, the later ones read it. The .vsix
 * is installed, not loaded as a development extension, because only an installed extension runs
 * in production mode, the mode that uses the cache.
 */
export async function measureActivation(repo: string, vsixPath: string, installs: number, startsPerInstall: number): Promise<ActivationResult> {
  const lib = (await import(join(repo, 'scripts/lib/vscodeServer.mjs'))) as VsCodeServerLib;
  const workspace = mkdtempSync(join(tmpdir(), 'mde-activation-ws-'));
  writeFileSync(
    join(workspace, 'request.http'),
    'POST https://api.security.microsoft.com/api/machines/1/isolate\nContent-Type: application/json\n\n{"comment": "x", "IsolationType": "Full"}\n',
  );
  const floorExtension = mkdtempSync(join(tmpdir(), 'mde-activation-floor-'));
  writeFileSync(
    join(floorExtension, 'package.json'),
    JSON.stringify({
      name: FLOOR_NAME,
      displayName: FLOOR_NAME,
      publisher: 'bench',
      version: '0.0.0',
      engines: { vscode: '^1.91.0' },
      main: './extension.js',
      activationEvents: ['onLanguage:http'],
    }),
  );
  writeFileSync(join(floorExtension, 'extension.js'), 'exports.activate = () => {};\n');
  const browser = await lib.launchChromium();
  const firstStart: number[] = [];
  const laterStarts: number[] = [];
  const floor: number[] = [];
  try {
    for (let install = 0; install < installs; install++) {
      const scratch = mkdtempSync(join(tmpdir(), 'mde-activation-'));
      const userDataDir = join(scratch, 'user-data');
      const extensionsDir = join(scratch, 'extensions');
      mkdirSync(join(userDataDir, 'User'), { recursive: true });
      writeFileSync(join(userDataDir, 'User/settings.json'), JSON.stringify({ 'workbench.startupEditor': 'none', 'git.enabled': false }));
      lib.installExtension(vsixPath, extensionsDir);
      try {
        for (let start = 0; start < startsPerInstall; start++) {
          const times = await activationOnce(lib, browser, { workspace, userDataDir, extensionsDir, floorExtension });
          (start === 0 ? firstStart : laterStarts).push(times.ours);
          floor.push(times.floor);
          if (start === 0) {
            assertCachesWritten(userDataDir);
          }
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
    rmSync(workspace, { recursive: true, force: true });
    rmSync(floorExtension, { recursive: true, force: true });
  }
  return {
    firstStart: summarize(firstStart),
    laterStarts: summarize(laterStarts),
    floor: summarize(floor),
    samples: { firstStart, laterStarts, floor },
    vscodeVersion: lib.codeServerVersion(),
  };
}

/** Without both caches on disk, the later starts would not measure what they are labelled with. */
function assertCachesWritten(userDataDir: string): void {
  const folder = join(userDataDir, 'User', 'globalStorage', 'mde-api-tools.mde-api-tools', 'code-cache');
  const names = existsSync(folder) ? readdirSync(folder) : [];
  if (!names.some((name) => name.startsWith('client-')) || !names.some((name) => name.startsWith('serverMain-'))) {
    throw new Error(`the first start did not write both code caches into ${folder}: ${names.join(', ') || 'nothing'}`);
  }
}

const FLOOR_NAME = 'activation-floor';

interface Folders {
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly floorExtension: string;
}

async function activationOnce(lib: VsCodeServerLib, browser: Browser, folders: Folders): Promise<{ ours: number; floor: number }> {
  const server = await lib.startVsCodeServer(folders);
  try {
    const { page } = await lib.openWorkbench(browser, lib.payloadUrl(server, { folder: folders.workspace, extensionDevelopmentPath: folders.floorExtension }));
    // The file is opened from the Explorer once the window is up, as a user would, so the
    // activation is not measured while every built-in extension is starting as well.
    const item = page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'request.http' }).first();
    await item.waitFor({ timeout: 90_000 });
    await item.dblclick();
    // A squiggle means the extension is active and its server has answered (so the caches are written).
    await page.locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('F1');
    await page.keyboard.type('Developer: Show Running Extensions');
    await page.keyboard.press('Enter');
    const ours = await activationShown(page, 'Defender for Endpoint API Tools');
    const floor = await activationShown(page, FLOOR_NAME);
    await page.close();
    return { ours, floor };
  } finally {
    await server.stop();
  }
}

/** The "Activation: N ms" of an extension's row in the Running Extensions editor. */
async function activationShown(page: Page, rowText: string): Promise<number> {
  const row = page.locator('.runtime-extensions-editor .monaco-list-row').filter({ hasText: rowText }).first();
  await row.waitFor({ timeout: 30_000 }).catch(async (error: unknown) => {
    const picture = join(tmpdir(), 'mde-activation-failed.png');
    await page.screenshot({ path: picture });
    throw new Error(`the Running Extensions view did not list ${rowText} (screenshot: ${picture}): ${String(error)}`);
  });
  const text = (await row.locator('.activation-time').textContent()) ?? '';
  const match = /Activation: (\d+(?:\.\d+)?)ms/.exec(text);
  if (!match) {
    throw new Error(`no activation time in the Running Extensions row of ${rowText}: "${text}"`);
  }
  return Number(match[1]);
}
