import type { Finding } from '../engine/finding.js';

/** The findings of one linted file, as formatters receive them. */
export interface FileResult {
  /** The path as found or given (relative to the working directory when found by a glob). */
  readonly filePath: string;
  readonly absolutePath: string;
  readonly findings: readonly Finding[];
  readonly errorCount: number;
  readonly warningCount: number;
  readonly infoCount: number;
}

export function fileResult(filePath: string, absolutePath: string, findings: readonly Finding[]): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let infoCount = 0;
  for (const finding of findings) {
    if (finding.severity === 'error') errorCount++;
    else if (finding.severity === 'warning') warningCount++;
    else infoCount++;
  }
  return { filePath, absolutePath, findings, errorCount, warningCount, infoCount };
}

export interface FormatContext {
  readonly color: boolean;
  readonly cwd: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;
