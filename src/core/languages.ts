/**
 * The VS Code language id a file gets from its name, as the editor assigns it: the one place that
 * decides a file's kind outside the editor (the command line), so a file is read the same way in
 * both. Covers the languages this extension reads or will read, plus the text and log files it
 * recognizes error responses in; any other file gets `undefined`.
 *
 * As in VS Code, matching ignores letter case; a whole file name wins over a pattern, and a pattern
 * over an extension, and the longest extension wins (`.eslintrc.json` before `.json`). VS Code also
 * looks at the first line of a file without a known extension (`#!/bin/bash`); this does not.
 */

/** Whole file names (lower case). */
const fileNames: Readonly<Record<string, string>> = {
  'tsconfig.json': 'jsonc',
  'jsconfig.json': 'jsonc',
  'babel.config.json': 'jsonc',
  '.babelrc.json': 'jsonc',
  'typedoc.json': 'jsonc',
  '.ember-cli': 'jsonc',
  pkgbuild: 'shellscript',
  apkbuild: 'shellscript',
  '.envrc': 'shellscript',
  '.hushlogin': 'shellscript',
  zshrc: 'shellscript',
  zshenv: 'shellscript',
  zlogin: 'shellscript',
  zprofile: 'shellscript',
  zlogout: 'shellscript',
};

/** File name patterns, tried in order. */
const patterns: readonly (readonly [RegExp, string])[] = [
  [/^(?:ts|js)config\..+\.json$/, 'jsonc'],
  [/\.log\..$/, 'log'],
];

/** Extensions, dot included (lower case). */
const extensions: Readonly<Record<string, string>> = {
  // This extension's own language.
  '.http': 'http',
  '.rest': 'http',
  // vscode.json-language-features
  '.json': 'json',
  '.bowerrc': 'json',
  '.jscsrc': 'json',
  '.webmanifest': 'json',
  '.js.map': 'json',
  '.css.map': 'json',
  '.ts.map': 'json',
  '.har': 'json',
  '.jslintrc': 'json',
  '.jsonld': 'json',
  '.geojson': 'json',
  '.ipynb': 'json',
  '.vuerc': 'json',
  '.jsonc': 'jsonc',
  '.eslintrc': 'jsonc',
  '.eslintrc.json': 'jsonc',
  '.jsfmtrc': 'jsonc',
  '.jshintrc': 'jsonc',
  '.swcrc': 'jsonc',
  '.hintrc': 'jsonc',
  '.babelrc': 'jsonc',
  '.code-workspace': 'jsonc',
  '.code-snippets': 'jsonc',
  // vscode.markdown
  '.md': 'markdown',
  '.mkd': 'markdown',
  '.mdwn': 'markdown',
  '.mdown': 'markdown',
  '.markdown': 'markdown',
  '.markdn': 'markdown',
  '.mdtxt': 'markdown',
  '.mdtext': 'markdown',
  '.workbook': 'markdown',
  // vscode.powershell
  '.ps1': 'powershell',
  '.psm1': 'powershell',
  '.psd1': 'powershell',
  '.pssc': 'powershell',
  '.psrc': 'powershell',
  // vscode.python
  '.py': 'python',
  '.rpy': 'python',
  '.pyw': 'python',
  '.cpy': 'python',
  '.gyp': 'python',
  '.gypi': 'python',
  '.pyi': 'python',
  '.ipy': 'python',
  '.pyt': 'python',
  // vscode.javascript and vscode.typescript
  '.js': 'javascript',
  '.es6': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.pac': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.cts': 'typescript',
  '.mts': 'typescript',
  '.tsx': 'typescriptreact',
  // vscode.shellscript
  '.sh': 'shellscript',
  '.bash': 'shellscript',
  '.bashrc': 'shellscript',
  '.bash_aliases': 'shellscript',
  '.bash_profile': 'shellscript',
  '.bash_login': 'shellscript',
  '.bash_logout': 'shellscript',
  '.ebuild': 'shellscript',
  '.profile': 'shellscript',
  '.xprofile': 'shellscript',
  '.zsh': 'shellscript',
  '.zshrc': 'shellscript',
  '.zprofile': 'shellscript',
  '.zlogin': 'shellscript',
  '.zlogout': 'shellscript',
  '.zshenv': 'shellscript',
  '.ksh': 'shellscript',
  // vscode.log and the plain-text default
  '.log': 'log',
  '.txt': 'plaintext',
};

/** The language id VS Code gives a file at `path` (either separator), or undefined when none of ours applies. */
export function languageIdOfPath(path: string): string | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  if (Object.hasOwn(fileNames, name)) {
    return fileNames[name];
  }
  for (const [pattern, languageId] of patterns) {
    if (pattern.test(name)) {
      return languageId;
    }
  }
  // Longest extension first: every suffix that starts at a dot, from the first dot on.
  for (let dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
    const extension = name.slice(dot);
    if (Object.hasOwn(extensions, extension)) {
      return extensions[extension];
    }
  }
  return undefined;
}
