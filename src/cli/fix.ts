/**
 * --fix and --fix-dry-run: the edits are the editor's Fix All (fixAllEdits, shared with the
 * server). Writing is atomic: a temporary file beside the real one (links resolved),
 * with its permissions, renamed over it; encoding, byte order mark and line endings are kept.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../core/findings';
import { applyEdits, fixAllEdits } from '../core/fixAll';
import { encode, type DecodedText } from './encoding';

export interface Fixed {
  readonly text: string;
  readonly edits: number;
}

/** The text after one pass of Fix All, or undefined when there is nothing to fix. */
export function fixAll(text: string, findings: readonly Finding[]): Fixed | undefined {
  const edits = fixAllEdits(findings);
  return edits.length > 0 ? { text: applyEdits(text, edits), edits: edits.length } : undefined;
}

export async function writeFixed(path: string, original: DecodedText, text: string): Promise<void> {
  await writeAtomically(path, encode(text, original.encoding, original.bom));
}

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const target = await realpath(path);
  const before = await stat(target);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.mde-api-lint.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(temporary, before.mode & 0o7777);
    // Keeps the owner when run as root; anyone else can only own what they write, which is fine.
    await chown(temporary, before.uid, before.gid).catch(() => undefined);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A unified diff of one file, with a/ and b/ prefixes so `git apply` takes it. */
export function unifiedDiff(display: string, before: string, after: string): string {
  const name = display.startsWith('/') ? display.slice(1) : display;
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
