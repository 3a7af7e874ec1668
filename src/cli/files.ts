/**
 * Which files a run checks. Folders are walked honouring .gitignore, never into `node_modules`
 * or `.git`, and without following links to folders; globs are matched with picomatch from their
 * fixed leading folder. A file named on the command line is checked even when .gitignore lists it.
 * Only files whose language is analysed are kept, judged by name before anything is read.
 */
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { languageIdOfPath } from '../core/languages';
import { ignoreFileIn, isIgnored, stackAbove, type IgnoreStack } from './gitignore';

export interface Candidate {
  /** Absolute path. */
  readonly path: string;
  /** Relative to the working folder with `/` separators, or absolute when outside it. */
  readonly display: string;
  readonly languageId: string;
}

export interface Discovery {
  readonly files: readonly Candidate[];
  /** Arguments that name no existing path, or globs that match no file. */
  readonly unmatched: readonly string[];
  /** Folders that could not be listed. */
  readonly unreadableFolders: readonly { readonly display: string; readonly error: unknown }[];
}

const skippedFolders = new Set(['.git', 'node_modules']);

export function displayPath(cwd: string, path: string): string {
  const relativePath = relative(cwd, path);
  return relativePath === '' || relativePath.startsWith('..') || isAbsolute(relativePath) ? path : relativePath.split(sep).join('/');
}

export function discover(patterns: readonly string[], cwd: string, wanted: (languageId: string) => boolean): Discovery {
  const found = new Map<string, Candidate>();
  const unmatched: string[] = [];
  const unreadableFolders: { display: string; error: unknown }[] = [];
  const add = (path: string): boolean => {
    const languageId = languageIdOfPath(path);
    if (languageId === undefined || !wanted(languageId)) {
      return false;
    }
    found.set(path, { path, display: displayPath(cwd, path), languageId });
    return true;
  };
  const walk = (dir: string, stack: IgnoreStack, accept: (path: string) => boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadableFolders.push({ display: displayPath(cwd, dir), error });
      return;
    }
    const own = entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory()) ? ignoreFileIn(dir) : undefined;
    const here = own ? [...stack, own] : stack;
    for (const entry of entries) {
      if (skippedFolders.has(entry.name)) {
        continue;
      }
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!isIgnored(here, path, true)) {
          walk(path, here, accept);
        }
        continue;
      }
      const regular = entry.isFile();
      // Links to folders are not followed (no cycles); a link whose target is missing is kept, and reported when read.
      if ((regular || entry.isSymbolicLink()) && accept(path) && !isIgnored(here, path, false) && (regular || !isFolder(path))) {
        add(path);
      }
    }
  };
  const byName = (path: string) => {
    const languageId = languageIdOfPath(path);
    return languageId !== undefined && wanted(languageId);
  };

  for (const pattern of patterns.length > 0 ? patterns : ['.']) {
    const scan = picomatch.scan(pattern);
    if (scan.isGlob) {
      const base = resolve(cwd, scan.base || '.');
      const matches = picomatch(scan.glob, { dot: true });
      let matched = false;
      if (isFolder(base)) {
        walk(base, stackAbove(base), (path) => {
          if (!matches(relative(base, path).split(sep).join('/'))) {
            return false;
          }
          matched = true;
          return byName(path);
        });
      }
      if (!matched) {
        unmatched.push(pattern);
      }
      continue;
    }
    const path = resolve(cwd, pattern);
    if (!exists(path)) {
      unmatched.push(pattern);
    } else if (isFolder(path)) {
      walk(path, stackAbove(path), byName);
    } else {
      add(path);
    }
  }
  const files = [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, unmatched, unreadableFolders };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Whether anything is there, a link to nothing included. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
