import path from 'node:path';
import type { SourceRange } from '../load/position.js';

/** One mistake in a configuration file or a custom rule, where it is written. */
export interface ConfigProblem {
  readonly filePath: string;
  /** Absent when the problem is about the file as a whole (it cannot be read). */
  readonly range?: SourceRange;
  readonly message: string;
}

/**
 * A configuration podlint cannot use: it stops with exit code 2 and prints every problem as
 * `file:line:column: message`, the form editors and terminals turn into links.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map((problem) => formatProblem(problem)).join('\n'));
  }

  /** The problems, one a line, with paths relative to `cwd`. */
  format(cwd: string): string {
    return this.problems.map((problem) => formatProblem(problem, cwd)).join('\n');
  }
}

export function formatProblem(problem: ConfigProblem, cwd?: string): string {
  const file = cwd ? path.relative(cwd, problem.filePath) || problem.filePath : problem.filePath;
  const where = problem.range ? `${file}:${problem.range.start.line + 1}:${problem.range.start.column + 1}` : file;
  return `${where}: ${problem.message}`;
}
