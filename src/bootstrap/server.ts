/**
 * The server's entry (dist/server.js): loads the server bundle (dist/serverMain.js) through the V8
 * code cache when the client names a cache folder (`--code-cache-dir <folder>`), then starts it.
 * `node dist/server.js --stdio` without that argument compiles as usual and writes nothing.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type * as ServerMain from '../server/main';
import { loadBundle } from './codeCache';

// The grammar loader keeps WebAssembly on V8's baseline compiler (src/shared/grammarFiles.ts). V8
// rejects a code cache made under other flags, so the flag is set before the bundle is compiled.
setFlagsFromString('--liftoff-only');

const flag = process.argv.indexOf('--code-cache-dir');
const codeCacheDir = flag > 0 ? process.argv[flag + 1] : undefined;
const bundle = loadBundle<typeof ServerMain>(join(__dirname, 'serverMain.js'), codeCacheDir);
// After the initialize answer, so the cache holds what start-up compiled and start-up does not wait for it.
bundle.exports.main({ onInitialized: () => setImmediate(() => bundle.saveCache()), compiledFrom: bundle.compiledFrom });
