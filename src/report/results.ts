import type { Finding } from '../engine/finding.js';
import type { ConfiguredRule } from '../engine/rule-settings.js';

/** The findings of one linted file, as formatters receive them. */
export interface FileResult {
  /** The path as found or given (relative to the working directory when found by a glob). */
  readonly filePath: string;
  readonly absolutePath: string;
  /**
   * Every finding, in position order. Suppressed ones (a directive, an annotation or the
   * configuration) keep their place with `suppressions` set; formatters leave them out unless
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

/** A finding a directive, annotation or the configuration silenced. */
export function isSuppressed(finding: Finding): boolean {
  return (finding.suppressions?.length ?? 0) > 0;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
