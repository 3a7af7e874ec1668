/**
 * Starts the language server and owns the commands and notices; everything else is the server's.
 * Loaded by the entry dist/extension.js (src/bootstrap/extension.ts) as dist/client.js.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CommandIds, LargeDocumentNotification, SettingIds, SettingProblemNotification } from '../shared/protocol';
import { copyCorrelationIdCommand } from './commands/copyCorrelationId';
import { copySupportDetailsCommand } from './commands/copySupportDetails';
import { fixAllInDocumentCommand } from './commands/fixAllInDocument';

/** Languages served; no scheme, so untitled and REST Client response documents are served too. */
// Scripts are served for their request bodies (src/core/scripts/grammars.ts lists the same ids).
export const servedLanguages = ['http', 'json', 'jsonc', 'plaintext', 'log', 'markdown', 'powershell', 'python', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'shellscript'];

/** What the extension returns from `activate`, for other extensions and the integration tests. */
export interface ExtensionApi {
  readonly client: LanguageClient;
  /** Settles once the server has answered `initialize` (or failed to start). */
  readonly ready: Promise<void>;
}

let client: LanguageClient | undefined;

export interface ActivateOptions {
  /** Where the server keeps its V8 code cache (src/bootstrap/codeCache.ts); none while developing. */
  readonly codeCacheDir?: string;
}

export function activate(context: vscode.ExtensionContext, options: ActivateOptions = {}): ExtensionApi {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: options.codeCacheDir ? ['--code-cache-dir', options.codeCacheDir] : [] },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: servedLanguages.map((language) => ({ language })),
    // Read when the initialize request is sent, not during activation, where it cost 3–10 ms.
    initializationOptions: () => ({ settings: vscode.workspace.getConfiguration(SettingIds.section) }),
    synchronize: { configurationSection: SettingIds.section },
    // Hovers may run this extension's copy command and nothing else, whatever a pasted response holds.
    markdown: { isTrusted: { enabledCommands: [CommandIds.copyTargetId] }, supportHtml: false },
  };
  client = new LanguageClient('mdeApi', vscode.l10n.t('Defender for Endpoint API Tools'), serverOptions, clientOptions);
  const languageClient = client;

  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.copyTargetId, copyCorrelationIdCommand(languageClient)),
    vscode.commands.registerCommand(CommandIds.copySupportDetails, copySupportDetailsCommand(languageClient)),
    vscode.commands.registerCommand(CommandIds.fixAllInDocument, fixAllInDocumentCommand(languageClient)),
    languageClient.onNotification(LargeDocumentNotification.method, (params: LargeDocumentNotification.Params) => {
      void vscode.window.showInformationMessage(
        vscode.l10n.t(
          'This document is larger than {0} MB: its request bodies are not validated and its error responses get no code lens. Hovers and the copy commands still work. Raise mdeApi.maxFileSizeMB to change this.',
          params.limitMB,
        ),
      );
    }),
    languageClient.onNotification(SettingProblemNotification.method, (params: SettingProblemNotification.Params) => {
      void vscode.window.showWarningMessage(
        vscode.l10n.t('The setting {0} has an unusable value {1}; the default {2} applies.', params.setting, params.value, params.fallback),
      );
    }),
  );
  // Activation ends here, without waiting for the server process: VS Code counts activation
  // against the extension host, and requests sent meanwhile wait for the client to be running.
  // The client reports a failed start itself, in its output channel and a notification.
  const ready = languageClient.start().catch(() => undefined);
  return { client: languageClient, ready };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
