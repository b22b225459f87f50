import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding.js';
import { DIAGNOSTIC_SOURCE, rangesTouch, sameRange, toDiagnostic, toLspRange } from './diagnostics.js';
import { acceptsComments, disableFileEdit, disableLineEdit } from './directives.js';

export interface CodeActionOptions {
  /** The client applies versioned edits (`documentChanges`), which it rejects on a stale document. */
  readonly versionedEdits: boolean;
}

/**
 * The code actions for the findings under a range: each rule's own fixes first, then a directive
 * that disables the rule for the line, then one for the file. Findings match the client's
 * diagnostics in the request, or the range itself for clients that send none.
 */
export function codeActionsFor(
  document: TextDocument,
  findings: readonly Finding[],
  params: CodeActionParams,
  options: CodeActionOptions,
): CodeAction[] {
  if (!wantsQuickFixes(params.context.only)) return [];
  const requested = params.context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  const text = document.getText();
  const comments = acceptsComments(text, document.languageId);
  for (const finding of findings) {
    const range = toLspRange(finding.range);
    const sent = requested.find((diagnostic) => diagnostic.code === finding.ruleId && sameRange(diagnostic.range, range));
    if (!sent && !rangesTouch(range, params.range)) continue;
    const diagnostic = sent ?? toDiagnostic(finding);
    const edit = (edits: TextEdit[]) => workspaceEdit(document, edits, options);

    for (const fix of finding.fixes ?? []) {
      const edits = fix.edits.map((textEdit) => ({ range: toLspRange(textEdit.range), newText: textEdit.newText }));
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: edit(edits) });
    }
    // Load problems (bad YAML, a duplicate key, a template) are not about an object: a directive
    // cannot make such a file acceptable to Kubernetes.
    if (!comments || !finding.object) continue;
    const lineKey = `line:${finding.ruleId}:${range.start.line}`;
    const lineEdit = offered.has(lineKey) ? undefined : disableLineEdit(text, range.start.line, finding.ruleId);
    if (lineEdit) {
      offered.add(lineKey);
      actions.push(disableAction(`Disable ${finding.ruleId} for this line`, diagnostic, edit([lineEdit])));
    }
    const fileKey = `file:${finding.ruleId}`;
    const fileEdit = offered.has(fileKey) ? undefined : disableFileEdit(text, finding.ruleId);
    if (fileEdit) {
      offered.add(fileKey);
      actions.push(disableAction(`Disable ${finding.ruleId} for this file`, diagnostic, edit([fileEdit])));
    }
  }
  // Fixes before directives, whatever finding they came from: a fix resolves, a directive hides.
  return [...actions.filter((action) => action.isPreferred), ...actions.filter((action) => !action.isPreferred)];
}

function disableAction(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

function workspaceEdit(document: TextDocument, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  if (options.versionedEdits) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
  }
  return { changes: { [document.uri]: edits } };
}

/** `only` filters by kind prefix: `quickfix` asks for quick fixes, `source` or `refactor` does not. */
function wantsQuickFixes(only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((kind) => kind === CodeActionKind.Empty || kind === CodeActionKind.QuickFix);
}
