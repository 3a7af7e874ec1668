/** Finds the error responses a command should act on: selection, cursor, or the whole document. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ErrorsRequest, type ErrorSummary } from '../shared/protocol';

export interface PickedErrors {
  readonly errors: readonly ErrorSummary[];
  /** How they were chosen, which decides between "all of them" and a quick pick. */
  readonly scope: 'selection' | 'cursor' | 'document';
}

export async function errorsForEditor(client: LanguageClient, editor: vscode.TextEditor): Promise<PickedErrors> {
  const uri = editor.document.uri.toString();
  const selections = editor.selections.filter((selection) => !selection.isEmpty);
  if (selections.length > 0) {
    const ranges = selections.map((selection) => client.code2ProtocolConverter.asRange(selection));
    return { errors: await client.sendRequest<ErrorsRequest.Result>(ErrorsRequest.method, { uri, ranges }), scope: 'selection' };
  }
  const all = await client.sendRequest<ErrorsRequest.Result>(ErrorsRequest.method, { uri });
  const cursor = editor.selection.active;
  const around = all.filter((error) => client.protocol2CodeConverter.asRange(error.range).contains(cursor));
  return around.length > 0 ? { errors: around.slice(-1), scope: 'cursor' } : { errors: all, scope: 'document' };
}

/** One error, asking the user when there are several. */
export async function pickOne(errors: readonly ErrorSummary[], placeHolder: string): Promise<ErrorSummary | undefined> {
  if (errors.length <= 1) {
    return errors[0];
  }
  const items = errors.map((error) => ({
    label: error.code ?? vscode.l10n.t('(no code)'),
    description: error.target ?? vscode.l10n.t('(no target)'),
    detail: error.message,
    error,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.error;
}
