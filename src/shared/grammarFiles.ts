/**
 * Reads the Tree-sitter WebAssembly files the build copies next to the server bundle
 * (dist/grammars). The core never touches files: it asks for bytes by name.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { WasmLoader } from '../core/scripts/parsers';

export function grammarLoader(folder = join(__dirname, 'grammars')): WasmLoader {
  keepWasmOnBaselineCompiler();
  return async (fileName) => {
    // Only the names the core knows; never a path taken from a document.
    if (!/^[a-z-]+\.wasm$/.test(fileName)) {
      throw new Error(`not a grammar file name: ${fileName}`);
    }
    return new Uint8Array(await readFile(join(folder, fileName)));
  };
}

/**
 * V8 compiles WebAssembly quickly (Liftoff), then recompiles hot functions with its optimizing
 * compiler in the background. For the PowerShell grammar's lexer that costs about 30 s of CPU per
 * process after the first parse, measured here (a plain Node script that parsed one line kept the
 * process busy 70 s before it could exit). Liftoff alone parsed a 1 MB script faster while the
 * machine was busy, and close to it when idle, so the optimizing tier is switched off. The flag
 * only concerns WebAssembly, and this process is ours (the language server or the linter).
 */
let baselineOnly = false;
function keepWasmOnBaselineCompiler(): void {
  if (!baselineOnly) {
    setFlagsFromString('--liftoff-only');
    baselineOnly = true;
  }
}
