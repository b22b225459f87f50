import type { FileResult } from './results.js';

/** What a job summary section sees of the run. */
export interface JobSummaryRun {
  readonly results: readonly FileResult[];
  readonly repositoryRoot: string;
  readonly env: NodeJS.ProcessEnv;
}

/** An extra Markdown section of the job summary, or undefined to add nothing. */
export type JobSummarySection = (run: JobSummaryRun) => string | undefined;

/**
 * Sections appended after the findings, in order. The QoS / resources table plugs in here once
 * the resources renderer exists: a section that loads `run.results[].absolutePath` and returns its
 * Markdown table (keep it well under GitHub's 1 MiB summary limit).
 */
export const JOB_SUMMARY_SECTIONS: JobSummarySection[] = [];
