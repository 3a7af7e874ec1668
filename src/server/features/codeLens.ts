/** A code lens above each recognized error response: one click copies its correlation id. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CommandIds } from '../../shared/protocol';
import { toRange } from '../convert';
import type { DocumentStore } from '../documentStore';
import { t } from '../../shared/language';

/** Past this many, lenses would bury a log under buttons; the command still finds them all. */
const MAX_LENSES = 500;

export function provideCodeLenses(document: TextDocument, store: DocumentStore): CodeLens[] {
  // Lenses need every error of the document, found again after each edit: past the size limit that
  // scan would hold the server on every keystroke (0.6 s on a 50 MB log). Hovers and the copy
  // command still find errors there.
  if (store.isTooLarge(document)) {
    return [];
  }
  return store
    .errors(document)
    .filter((error) => error.target)
    .slice(0, MAX_LENSES)
    .map((error) => ({
      range: toRange(document, error.start, error.start),
      command: {
        title: t('Copy correlation ID (target) of {code}', { code: error.code?.value ?? '?' }),
        command: CommandIds.copyTargetId,
        arguments: [{ target: error.target!.value }],
      },
    }));
}
