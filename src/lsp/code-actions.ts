// Code actions for a range of a linted document: each finding's rewrites and safe fix, disabling
// its rule for the line or the file, and fixing every safe problem at once.
import { CodeActionKind, type CodeAction, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver/node.js';
import { fixAllKind } from './capabilities.js';
import {
  disableFileEdit,
  disableLineEdit,
  findingToDiagnostic,
  findingTouches,
  fixAllEdits,
  positionToOffset,
  rangeOf,
  suggestionEdit,
  suggestionTitle,
  type DocumentFormat,
  type LspTextEdit,
  type PositionEncoding,
} from './convert.js';
import type { LintSnapshot } from './documents.js';

export interface ActionTarget {
  uri: string;
  format: DocumentFormat;
  snapshot: LintSnapshot;
}

export function codeActions(target: ActionTarget, params: CodeActionParams, encoding: PositionEncoding, documentChanges: boolean): CodeAction[] {
  const { uri, format, snapshot } = target;
  const { index } = snapshot;
  const findings = snapshot.result.findings;
  const only = params.context.only;
  const wants = (kind: string) => only === undefined || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
  const start = positionToOffset(index, params.range.start, encoding);
  const end = positionToOffset(index, params.range.end, encoding);
  const asked = new Set(params.context.diagnostics.filter((d) => d.source === 'tonelint').map((d) => `${String(d.code)}@${d.range.start.line}`));
  // Innermost first, as in hover: the phrase the cursor is on comes before a sentence-level finding around it.
  const selected = findings
    .filter((finding) => findingTouches(finding, start, end) || asked.has(`${finding.ruleId}@${rangeOf(index, finding.start.offset, finding.start.offset, encoding).start.line}`))
    .sort((a, b) => a.end.offset - a.start.offset - (b.end.offset - b.start.offset));
  const edit = (edits: LspTextEdit[]): WorkspaceEdit =>
    documentChanges ? { documentChanges: [{ textDocument: { uri, version: snapshot.version }, edits }] } : { changes: { [uri]: edits } };
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of selected) {
      const diagnostics = [findingToDiagnostic(finding, index, encoding)];
      // A scorer finding's suggestions are advice about the whole sentence: shown on hover, never pasted over it.
      const rewrites = finding.advice ? [] : [...new Set(finding.suggestions)];
      const fixIsRewrite = (text: string) => finding.fix !== undefined && finding.fix.text === text && finding.fix.range[0] === finding.start.offset && finding.fix.range[1] === finding.end.offset;
      for (const suggestion of rewrites) {
        actions.push({
          title: suggestionTitle(finding, suggestion),
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: fixIsRewrite(suggestion),
          edit: edit([suggestionEdit(finding, suggestion, index, encoding)]),
        });
      }
      if (finding.fix && !rewrites.some(fixIsRewrite)) {
        actions.push({
          title: `Fix: replace with “${finding.fix.text}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics,
          isPreferred: true,
          edit: edit(fixAllEdits([finding], index, encoding)),
        });
      }
    }
    const lines = new Set<string>();
    for (const finding of selected) {
      const lineKey = `${finding.ruleId}@${finding.start.line}`;
      if (lines.has(lineKey)) continue;
      lines.add(lineKey);
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [findingToDiagnostic(finding, index, encoding)],
        edit: edit([disableLineEdit(finding, index, format)]),
      });
    }
    const files = new Set<string>();
    for (const finding of selected) {
      if (files.has(finding.ruleId)) continue;
      files.add(finding.ruleId);
      actions.push({
        title: `Disable ${finding.ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [findingToDiagnostic(finding, index, encoding)],
        edit: edit([disableFileEdit(finding.ruleId, index, format)]),
      });
    }
  }
  if (wants(fixAllKind)) {
    const edits = fixAllEdits(findings, index, encoding);
    if (edits.length > 0) actions.push({ title: 'Fix all safe tonelint problems', kind: fixAllKind, edit: edit(edits) });
  }
  return actions;
}
