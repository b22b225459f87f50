import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ConfiguredRule } from '../engine/rule-settings.js';
import type { LoadedFileObserver } from '../lint.js';
import { renderJobSummary } from '../report/job-summary.js';
import { findRepositoryRoot } from '../report/repository-root.js';
import { ResourceReportBuilder, type ResourceReport } from '../report/resources-report.js';
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

/**
 * Where the job summary goes: `--summary FILE`, else GITHUB_STEP_SUMMARY, which GitHub sets for
 * every step (appending is how steps share it). An empty --summary turns it off (the pre-commit
 * hook does, as it runs once per batch).
 */
export function summaryFileOf(options: Pick<CliOptions, 'summaryFile'>, env: NodeJS.ProcessEnv): string | undefined {
  return options.summaryFile !== undefined ? options.summaryFile || undefined : env.GITHUB_STEP_SUMMARY || undefined;
}

/**
 * The job summary's resources table, collected from the files the lint run loads (each with its
 * configuration's podTemplatePaths), only when a summary will be written.
 */
export function summaryResources(options: Pick<CliOptions, 'summaryFile'>, env: NodeJS.ProcessEnv): { onLoaded: LoadedFileObserver; report: () => ResourceReport } | undefined {
  if (summaryFileOf(options, env) === undefined) return undefined;
  const builder = new ResourceReportBuilder();
  return { onLoaded: (file, settings) => builder.add(file, settings.podTemplatePaths), report: () => builder.report() };
}

export function writeSideReports(
  results: readonly FileResult[],
  context: FormatContext,
  options: Pick<CliOptions, 'sarifFile' | 'summaryFile'>,
  io: SideReportIO,
  resources?: ResourceReport,
): void {
  if (options.sarifFile !== undefined) {
    const file = path.resolve(io.cwd, options.sarifFile);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, formatSarif(results, { ...context, color: false }));
  }
  const summaryFile = summaryFileOf(options, io.env);
  if (summaryFile !== undefined) {
    const markdown = renderJobSummary({ results, repositoryRoot: context.repositoryRoot, env: io.env, ...(resources ? { resources } : {}) });
    appendFileSync(path.resolve(io.cwd, summaryFile), `${markdown}\n`);
  }
}
