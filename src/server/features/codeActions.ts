/** Quick fixes for body diagnostics, and fix-all (`source.fixAll.mdeApi`). */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../core/findings';
import { fixAllEdits } from '../../core/fixAll';
import { FixAllKind } from '../../shared/protocol';
import { sameRange, toRange, toTextEdit } from '../convert';
import type { DocumentStore } from '../documentStore';
import { fixAllTitle, fixTitle } from '../../shared/messages';

export function provideCodeActions(document: TextDocument, params: CodeActionParams, store: DocumentStore): CodeAction[] {
  const only = params.context.only;
  const wantsQuickFix = !only || only.some((kind) => CodeActionKind.QuickFix.startsWith(kind));
  const wantsFixAll = !only || only.some((kind) => FixAllKind.startsWith(kind) || kind === CodeActionKind.SourceFixAll);
  const findings = store.findings(document);
  const actions: CodeAction[] = [];
  if (wantsQuickFix) {
    for (const diagnostic of params.context.diagnostics) {
      const finding = findings.find((candidate) => matches(document, candidate, diagnostic));
      for (const fix of finding?.fixes ?? []) {
        actions.push({
          title: fixTitle(fix),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: fix.edits.map((edit) => toTextEdit(document, edit)) }] },
        });
      }
    }
  }
  const fixAll = fixAllEdits(findings);
  if (wantsFixAll && fixAll.length > 0) {
    actions.push({
      title: fixAllTitle(),
      kind: FixAllKind,
      edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: fixAll.map((edit) => toTextEdit(document, edit)) }] },
    });
  }
  return actions;
}

/** A diagnostic from the client is ours only if code and range still match the current analysis. */
function matches(document: TextDocument, finding: Finding, diagnostic: Diagnostic): boolean {
  return diagnostic.code === finding.code && sameRange(diagnostic.range, toRange(document, finding.start, finding.end));
}
