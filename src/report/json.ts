import type { Finding } from '../engine/finding.js';
import { isSuppressed, type FileResult, type Formatter } from './results.js';

/**
 * ESLint's JSON shape, so tools that read ESLint output read podlint's: positions 1-based,
 * endColumn exclusive, severity 2 for errors and 1 for warnings. ESLint has no info level:
 * info findings carry severity 1 and `severityName: "info"`. Suppressed findings are always
 * carried, as ESLint carries them, in `suppressedMessages` with their `suppressions` (kind and
 * justification); `messages` never holds them, so tools that count messages count what fails.
 */
export const formatJson: Formatter = (results) => JSON.stringify(results.map(toEslintResult));

function toEslintResult(result: FileResult) {
  return {
    filePath: result.absolutePath,
    messages: result.findings.filter((finding) => !isSuppressed(finding)).map(toEslintMessage),
    suppressedMessages: result.findings.filter(isSuppressed).map(toSuppressedMessage),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    infoCount: result.infoCount,
    suppressedCount: result.suppressedCount,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
}

function toEslintMessage(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity === 'error' ? 2 : 1,
    severityName: finding.severity,
    message: finding.message,
    line: finding.range.start.line + 1,
    column: finding.range.start.column + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.column + 1,
    kind: finding.object?.kind ?? null,
    name: finding.object?.name ?? null,
    namespace: finding.object?.namespace ?? null,
  };
}

function toSuppressedMessage(finding: Finding) {
  return {
    ...toEslintMessage(finding),
    suppressions: (finding.suppressions ?? []).map((suppression) => ({
      kind: suppression.kind,
      justification: suppression.reason ?? '',
      ...(suppression.range ? { line: suppression.range.start.line + 1, column: suppression.range.start.column + 1 } : {}),
    })),
  };
}
