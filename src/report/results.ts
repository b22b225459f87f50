import type { Finding } from '../engine/finding.js';
import type { ConfiguredRule } from '../engine/rule-settings.js';

/** The findings of one linted file, as formatters receive them. */
export interface FileResult {
  /** The path as found or given (relative to the working directory when found by a glob). */
  readonly filePath: string;
  readonly absolutePath: string;
  /**
   * Every finding, in position order. Suppressed ones (a directive or an annotation) keep their place with `suppressions` set; formatters leave them out unless
   * `FormatContext.includeSuppressed` (`--include-suppressed`), and they are never counted.
   */
  readonly findings: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly suppressedCount: number;
}

/** Counts a file's findings by severity; suppressed findings are counted apart. */
export function fileResult(filePath: string, absolutePath: string, findings: readonly Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  let suppressedCount = 0;
  for (const finding of findings) {
    if (isSuppressed(finding)) suppressedCount++;
    else if (finding.severity === 'error') errorCount++;
    else if (finding.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { filePath, absolutePath, findings, errorCount, warningCount, infoCount, suppressedCount };
}

export interface FormatContext {
  readonly color: boolean;
  readonly cwd: string;
  /** The rules that ran, with their configured severity (SARIF describes each one). */
  readonly rules: readonly ConfiguredRule[];
  /**
   * Where repository-relative paths start (SARIF URIs, annotations): the git root of the linted
   * files, else the working directory (see repository-root.ts).
   */
  readonly repositoryRoot: string;
  /** SARIF `automationDetails.id`, from `--sarif-category`. */
  readonly sarifCategory?: string;
  /** Report suppressed findings too: SARIF lists them with `suppressions[]`. Off by default. */
  readonly includeSuppressed?: boolean;
}

/** A finding a directive or an annotation silenced. */
export function isSuppressed(finding: Finding): boolean {
  return (finding.suppressions?.length ?? 0) > 0;
}

/** True when a report shows this finding: it is not suppressed, or the run includes suppressed ones. */
export function isShown(finding: Finding, context: Pick<FormatContext, 'includeSuppressed'>): boolean {
  return context.includeSuppressed === true || !isSuppressed(finding);
}

/**
 * The findings of a file that a report shows, in order: the counted ones, and with
 * `--include-suppressed` the suppressed ones too. Every formatter shows this; only the JSON keeps
 * suppressed findings apart in `suppressedMessages` (ESLint's shape) whatever the flag says.
 */
export function shownFindings(result: FileResult, context: Pick<FormatContext, 'includeSuppressed'>): readonly Finding[] {
  return context.includeSuppressed ? result.findings : result.findings.filter((finding) => !isSuppressed(finding));
}

/** The message as text reports print it: a suppressed finding says what suppressed it. */
export function shownMessage(finding: Finding): string {
  if (!finding.suppressions?.length) return finding.message;
  const parts = finding.suppressions.map((suppression) => `${suppression.kind}${suppression.reason ? `: ${suppression.reason}` : ''}`);
  return `${finding.message} (suppressed by ${[...new Set(parts)].join('; ')})`;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
