/** "Copy Correlation ID (target)": what support asks for, straight to the clipboard. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorsForEditor, pickOne } from '../errorPicker';

export function copyCorrelationIdCommand(client: LanguageClient) {
  return async (fromLink?: { target?: unknown }): Promise<void> => {
    if (typeof fromLink?.target === 'string') {
      return copy([fromLink.target]);
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document that holds a Defender API error response first.'));
      return;
    }
    const { errors, scope } = await errorsForEditor(client, editor);
    const withTarget = errors.filter((error) => error.target);
    if (withTarget.length === 0) {
      void vscode.window.showInformationMessage(
        scope === 'selection'
          ? vscode.l10n.t('No error response with a correlation ID (target) was found in the selection.')
          : vscode.l10n.t('No error response with a correlation ID (target) was found in this document.'),
      );
      return;
    }
    if (scope === 'selection') {
      return copy(withTarget.map((error) => error.target!));
    }
    const picked = await pickOne(withTarget, vscode.l10n.t('Several error responses: pick the one whose correlation ID to copy'));
    if (picked?.target) {
      return copy([picked.target]);
    }
  };
}

async function copy(targets: readonly string[]): Promise<void> {
  await vscode.env.clipboard.writeText(targets.join('\n'));
  const message =
    targets.length === 1
      ? vscode.l10n.t('Copied correlation ID {0}.', targets[0])
      : vscode.l10n.t('Copied {0} correlation IDs.', targets.length);
  void vscode.window.showInformationMessage(message);
}
