import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver';
import { builtinRules } from '../../rules/index.js';
import { ruleDocsUrl } from '../docs/rule-docs.js';
import type { Finding } from '../engine/finding.js';
import type { Severity } from '../engine/severity.js';
import type { SourceRange } from '../load/position.js';

/** What diagnostics name as their source, and what code actions look for. */
export const DIAGNOSTIC_SOURCE = 'podlint';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

// Only built-in rules have a published page; a custom rule gets no link rather than a dead one.
const BUILTIN_IDS = new Set(builtinRules.map((rule) => rule.id));

/** podlint ranges are already 0-based with UTF-16 columns and an exclusive end, as LSP wants. */
export function toLspRange(range: SourceRange): Range {
  return {
    start: { line: range.start.line, character: range.start.column },
    end: { line: range.end.line, character: range.end.column },
  };
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toLspRange(finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  if (BUILTIN_IDS.has(finding.ruleId)) diagnostic.codeDescription = { href: ruleDocsUrl(finding.ruleId) };
  if (finding.deprecated) diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

/** True when two ranges share a position; touching counts, so a cursor at a range's end finds it. */
export function rangesTouch(a: Range, b: Range): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
