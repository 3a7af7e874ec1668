/** Offsets and findings of the core, as LSP values. */
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, TextEditSpec } from '../core/findings';
import { DiagnosticSource } from '../shared/protocol';
import { findingMessage } from '../shared/messages';

export function toRange(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

export function toTextEdit(document: TextDocument, edit: TextEditSpec): TextEdit {
  return { range: toRange(document, edit.start, edit.end), newText: edit.newText };
}

const severities: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: toRange(document, finding.start, finding.end),
    severity: severities[finding.severity],
    source: DiagnosticSource,
    code: finding.code,
    codeDescription: finding.docs ? { href: finding.docs } : undefined,
    message: findingMessage(finding),
  };
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}
