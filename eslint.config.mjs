// Lint rules, including the layer rule: core is pure, the server never touches the VS Code API, the command line
// touches neither VS Code nor LSP.
import tseslint from 'typescript-eslint';

const lspPackages = ['vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument', 'vscode-languageclient', 'vscode-languageclient/*', 'vscode-jsonrpc', 'vscode-jsonrpc/*'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'dist-vsix/**', '.bench/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      eqeqeq: ['error', 'always'],
      curly: 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core is pure: no VS Code API.' }],
          patterns: [
            { group: lspPackages, message: 'src/core is pure: no LSP packages.' },
            { group: ['**/server/**', '**/client/**', '**/shared/**'], message: 'src/core imports neither the server nor the client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The server runs outside VS Code: no VS Code API.' }],
          patterns: [{ group: ['vscode-languageclient', 'vscode-languageclient/*', '**/client/**'], message: 'The server does not import the client.' }],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The command line runs outside VS Code: no VS Code API.' }],
          patterns: [
            { group: lspPackages, message: 'The command line speaks no LSP: share code through src/core or src/shared.' },
            { group: ['**/server/**', '**/client/**', '**/bootstrap/**'], message: 'The command line imports neither the server nor the client: share code through src/core or src/shared.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['vscode'], patterns: lspPackages }],
    },
  },
);
