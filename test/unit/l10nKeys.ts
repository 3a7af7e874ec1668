/** Extracts the English source strings passed to `t(…)`/`l10n.t(…)` from the sources. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /\b(?:env\.t|l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

export function localizedStrings(root: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(CALL)) {
      found.set(match[1].replace(/\\(.)/g, '$1'), file);
    }
  }
  return found;
}
