import type { Finding } from '../engine/finding.js';
import type { ConfiguredRule } from '../engine/rule-settings.js';

/** The findings of one linted file, as formatters receive them. */
export interface FileResult {
  /** The path as found or given (relative to the working directory when found by a glob). */
  readonly filePath: string;
  readonly absolutePath: string;
  /**
   * The findings to show. Suppressed findings are not among them unless the run asked for them
   * (`--include-suppressed`); then they are, with `suppressions` set, and still not counted.
   */
  readonly findings: readonly Finding[];
  /** Every finding a directive, annotation or the configuration suppressed, shown or not. */
  readonly suppressed: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
  readonly suppressedCount: number;
}

/** Splits a file's findings into counted ones and suppressed ones. */
export function fileResult(filePath: string, absolutePath: string, findings: readonly Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  const active: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    if (isSuppressed(finding)) {
      suppressed.push(finding);
      continue;
    }
    active.push(finding);
    if (finding.severity === 'error') errorCount++;
    else if (finding.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { filePath, absolutePath, findings: active, suppressed, errorCount, warningCount, infoCount, suppressedCount: suppressed.length };
}

/** The result with its suppressed findings shown among the others, in position order (counts unchanged). */
export function withSuppressedShown(result: FileResult, order: (a: Finding, b: Finding) => number): FileResult {
  if (result.suppressed.length === 0) return result;
  return { ...result, findings: [...result.findings, ...result.suppressed].sort(order) };
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
