/** Script parsers for tests, reading the grammars from the installed package (the build copies the same files into dist/). */
import { join } from 'node:path';
import { ScriptParsers } from '../../../src/core/scripts/parsers';
import { grammarLoader } from '../../../src/shared/grammarFiles';

export const grammarFolder = join(__dirname, '../../../node_modules/@vscode/tree-sitter-wasm/wasm');

export const testParsers = new ScriptParsers(grammarLoader(grammarFolder));
