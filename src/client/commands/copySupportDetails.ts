/** "Copy Support Details": a ticket-ready summary of one error response, without any credential. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { formatSupportDetails } from '../../core/errors/supportDetails';
import { errorsForEditor, pickOne } from '../errorPicker';

export function copySupportDetailsCommand(client: LanguageClient) {
  return async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a document that holds a Defender API error response first.'));
      return;
    }
    const { errors } = await errorsForEditor(client, editor);
    if (errors.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No Defender API error response was found here.'));
      return;
    }
    const picked = await pickOne(errors, vscode.l10n.t('Several error responses: pick the one to report'));
    if (!picked) {
      return;
    }
    const text = formatSupportDetails(picked, (message, args) => vscode.l10n.t(message, args ?? {}));
    await vscode.env.clipboard.writeText(text);
    void vscode.window.showInformationMessage(vscode.l10n.t('Copied the support details of {0}.', picked.code ?? picked.target ?? ''));
  };
}
