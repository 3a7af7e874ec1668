/**
 * .gitignore rules as git applies them: each file speaks for the paths below its own folder, a
 * deeper file overrides a shallower one, and the last matching line of a file wins (`ignore` does
 * the matching). The rules that apply above a starting folder are read from the repository root
 * (the nearest folder with a `.git`) down.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface IgnoreFile {
  readonly dir: string;
  readonly rules: Ignore;
}

/** The .gitignore files in force in a folder, shallowest first. */
export type IgnoreStack = readonly IgnoreFile[];

const cache = new Map<string, IgnoreFile | undefined>();

/** The rules of `dir/.gitignore`, or undefined when it has none (or it cannot be read). */
export function ignoreFileIn(dir: string): IgnoreFile | undefined {
  if (!cache.has(dir)) {
    let file: IgnoreFile | undefined;
    try {
      file = { dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) };
    } catch {
      file = undefined;
    }
    cache.set(dir, file);
  }
  return cache.get(dir);
}

/** The stack of the folders above `dir`, from the repository root; empty outside a repository. */
export function stackAbove(dir: string): IgnoreStack {
  if (existsSync(join(dir, '.git'))) {
    return [];
  }
  const chain: string[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    chain.unshift(current);
    if (existsSync(join(current, '.git'))) {
      return chain.flatMap((folder) => ignoreFileIn(folder) ?? []);
    }
    if (dirname(current) === current) {
      return [];
    }
  }
}

export function isIgnored(stack: IgnoreStack, path: string, isDirectory: boolean): boolean {
  for (let index = stack.length - 1; index >= 0; index--) {
    const file = stack[index];
    const relativePath = relative(file.dir, path).split(sep).join('/');
    if (relativePath === '' || relativePath.startsWith('../')) {
      continue;
    }
    const result = file.rules.test(isDirectory ? `${relativePath}/` : relativePath);
    if (result.ignored) {
      return true;
    }
    if (result.unignored) {
      return false;
    }
  }
  return false;
}
