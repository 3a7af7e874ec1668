// Everything the integration tests, the .vsix smoke test and the demo need on this machine:
// Debian packages (Chromium, the headers code-server's native modules build against, ripgrep)
// and code-server in a per-version cache outside the clone. Safe to rerun; quick when all is there.
import { ensureAptPackages, ensureVsCodeServer } from './lib/vscodeServer.mjs';

try {
  ensureAptPackages();
  const { version, dir } = ensureVsCodeServer();
  console.log(`[setup-integration] ready: code-server ${version} in ${dir}`);
} catch (err) {
  console.error(`[setup-integration] ${err.message}`);
  process.exit(1);
}
