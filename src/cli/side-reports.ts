import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfiguredRule } from '../engine/rule-settings.js';
import { renderJobSummary } from '../report/job-summary.js';
import { findRepositoryRoot } from '../report/repository-root.js';
import type { FileResult, FormatContext } from '../report/results.js';
import { formatSarif } from '../report/sarif.js';
import type { CliOptions } from './options.js';

// Reports written next to the main output in the same run: a SARIF file (`--sarif-file`, so one
// run gives both annotations and a code scanning upload) and the Markdown job summary.

export interface SideReportIO {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

/** What every formatter gets: the rules that ran and the root for repository-relative paths. */
export function formatContextFor(
  results: readonly FileResult[],
  rules: readonly ConfiguredRule[],
  options: Pick<CliOptions, 'sarifCategory'>,
  io: SideReportIO,
  color: boolean,
): FormatContext {
  return {
    color,
    cwd: io.cwd,
    rules,
    repositoryRoot: findRepositoryRoot(results.map((result) => result.absolutePath), io.cwd),
    ...(options.sarifCategory ? { sarifCategory: options.sarifCategory } : {}),
  };
}

export function writeSideReports(
  results: readonly FileResult[],
  context: FormatContext,
  options: Pick<CliOptions, 'sarifFile' | 'summaryFile'>,
  io: SideReportIO,
): void {
  if (options.sarifFile !== undefined) {
    const file = path.resolve(io.cwd, options.sarifFile);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, formatSarif(results, { ...context, color: false }));
  }
  // GitHub sets GITHUB_STEP_SUMMARY for every step; appending is how steps share the summary.
  // An empty --summary turns it off (the pre-commit hook does, as it runs once per batch).
  const summaryFile = options.summaryFile !== undefined ? options.summaryFile || undefined : io.env.GITHUB_STEP_SUMMARY || undefined;
  if (summaryFile !== undefined) {
    const markdown = renderJobSummary({ results, repositoryRoot: context.repositoryRoot, env: io.env });
    appendFileSync(path.resolve(io.cwd, summaryFile), `${markdown}\n`);
  }
}
