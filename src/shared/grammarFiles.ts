/**
 * Reads the Tree-sitter WebAssembly files the build copies next to the server bundle
 * (dist/grammars). The core never touches files: it asks for bytes by name.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WasmLoader } from '../core/scripts/parsers';

export function grammarLoader(folder = join(__dirname, 'grammars')): WasmLoader {
  return async (fileName) => {
    // Only the names the core knows; never a path taken from a document.
    if (!/^[a-z-]+\.wasm$/.test(fileName)) {
      throw new Error(`not a grammar file name: ${fileName}`);
    }
    return new Uint8Array(await readFile(join(folder, fileName)));
  };
}
