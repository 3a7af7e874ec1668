// Entry point VS Code calls for extensionTestsPath (web workbench runner and @vscode/test-electron alike).
// Each *.test.ts is bundled to its own *.test.js beside this file; mocha requires them itself, so its
// `describe`/`it` globals exist before the test modules run.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type MochaType from 'mocha';

async function loadMocha(): Promise<typeof MochaType> {
  // mocha 12 is an ES module: import() loads it on every Node, require() only where require(esm) exists.
  const mod = (await import('mocha')) as unknown as { default?: typeof MochaType };
  return mod.default ?? (mod as unknown as typeof MochaType);
}

export async function run(): Promise<void> {
  const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
  console.log(`VS Code ${vscode.version} (${uiKind}), Node ${process.version}`);
  const Mocha = await loadMocha();
  const mocha = new Mocha({ ui: 'bdd', timeout: 20_000, color: false, reporter: 'spec' });
  if (process.env.MOCHA_GREP) {
    mocha.grep(process.env.MOCHA_GREP);
  }
  const files = fs.readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) {
    mocha.addFile(path.join(__dirname, f));
  }
  if (files.length === 0) {
    throw new Error(`No *.test.js next to ${__filename}`);
  }
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    // One closing line in the plain "N passed, N failed" form that CI logs are read for.
    runner.once('end', () => console.log(`integration: ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed, ${runner.stats?.pending ?? 0} skipped`));
  });
  if (failures > 0) {
    throw new Error(`${failures} integration test(s) failed`);
  }
}
