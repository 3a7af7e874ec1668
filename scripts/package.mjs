// Packages the .vsix into dist-vsix/ (vsce will not create the folder itself).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

mkdirSync('dist-vsix', { recursive: true });
const vsce = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '-o', 'dist-vsix/mde-api-tools.vsix'], { stdio: 'inherit' });
process.exitCode = vsce.status ?? 1;
