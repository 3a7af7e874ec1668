/** "Fix All Body Problems": the same edits as `source.fixAll.mdeApi`, on demand. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FixAllRequest } from '../../shared/protocol';

export function fixAllInDocumentCommand(client: LanguageClient) {
  return async (): Promise<void> => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      return;
    }
    const document = editor.document;
    const result = await client.sendRequest<FixAllRequest.Result | null>(FixAllRequest.method, { uri: document.uri.toString() });
    if (!result || result.edits.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to fix in this document.'));
      return;
    }
    if (result.version !== document.version) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The document changed while the fixes were computed; run the command again.'));
      return;
    }
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      result.edits.map((textEdit) => new vscode.TextEdit(client.protocol2CodeConverter.asRange(textEdit.range), textEdit.newText)),
    );
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The fixes could not be applied; the document may have changed. Run the command again.'));
      return;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Applied {0} fixes.', result.edits.length));
  };
}
