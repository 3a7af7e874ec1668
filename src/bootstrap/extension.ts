/**
 * The extension's entry (dist/extension.js): loads the client bundle (dist/client.js) through the
 * V8 code cache and hands over to it. Kept apart so the bundle it loads can be cached whole.
 */
import * as vscode from 'vscode';
import type * as Client from '../client/extension';
import { loadBundle } from './codeCache';

let client: typeof Client | undefined;

export function activate(context: vscode.ExtensionContext): Client.ExtensionApi {
  // While developing and testing, bundles change on every build: a cache would only be rewritten.
  const codeCacheDir =
    context.extensionMode === vscode.ExtensionMode.Production && context.globalStorageUri.scheme === 'file'
      ? vscode.Uri.joinPath(context.globalStorageUri, 'code-cache').fsPath
      : undefined;
  const bundle = loadBundle<typeof Client>(context.asAbsolutePath('dist/client.js'), codeCacheDir);
  client = bundle.exports;
  const api = client.activate(context, { codeCacheDir });
  void api.ready.then(() => bundle.saveCache());
  return api;
}

export function deactivate(): Promise<void> | undefined {
  return client?.deactivate();
}
