import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../engine/finding.js';
import { compareSeverity, type Severity } from '../engine/severity.js';
import { ruleDocsUrl } from '../docs/rule-docs.js';
import { relativePosix } from '../file-paths.js';
import { formatResourcesMarkdown } from './resources-markdown.js';
import type { ResourceReport } from './resources-report.js';
import { isSuppressed, type FileResult } from './results.js';

/** How many findings the summary lists; the rest are counted. */
export const SUMMARY_FINDINGS_LIMIT = 20;
/** How many objects the resources table lists; the rest are counted (the totals include them). */
export const SUMMARY_RESOURCES_LIMIT = 100;
/** GitHub's limit on one step's summary (a larger one is not shown); podlint's summary stays under it. */
export const SUMMARY_MAX_BYTES = 1024 * 1024;

/** What the job summary sees of the run. */
export interface JobSummaryRun {
  readonly results: readonly FileResult[];
  readonly repositoryRoot: string;
  readonly env: NodeJS.ProcessEnv;
  /** What the linted objects' Pods ask for, built from the files the run loaded; omitted, no table. */
  readonly resources?: ResourceReport;
}

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/**
 * The Markdown job summary (`GITHUB_STEP_SUMMARY` or `--summary FILE`): totals, counts per rule
 * and severity, the worst findings with links to their lines, then the QoS / resources table of
 * the objects that carry a pod spec.
 */
export function renderJobSummary(run: JobSummaryRun): string {
  const entries = run.results.flatMap((result) => result.findings.filter((finding) => !isSuppressed(finding)).map((finding) => ({ result, finding })));
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { finding } of entries) totals[finding.severity]++;
  const filesWithFindings = new Set(entries.map((entry) => entry.result.absolutePath)).size;
  const fileCount = run.results.length;

  const out = ['## podlint', ''];
  if (entries.length === 0) {
    out.push(`✅ No problems in ${fileCount} ${plural(fileCount, 'file')}.`, '');
  } else {
    out.push(
      `**${totals.error} ${plural(totals.error, 'error')}, ${totals.warning} ${plural(totals.warning, 'warning')}, ${totals.info} info** ` +
        `in ${filesWithFindings} of ${fileCount} ${plural(fileCount, 'file')}.`,
      '',
      ...ruleTable(entries.map((entry) => entry.finding)),
      '',
      ...worstFindings(entries, run),
    );
  }
  const findings = `${out.join('\n').trimEnd()}\n`;
  if (!run.resources || run.resources.entries.length === 0) return findings;
  // The writer adds a newline; the table gets what the findings leave of GitHub's limit.
  const maxBytes = SUMMARY_MAX_BYTES - Buffer.byteLength(findings) - 2;
  const resources = formatResourcesMarkdown(withDisplayPaths(run.resources, run), { headingLevel: 3, maxObjects: SUMMARY_RESOURCES_LIMIT, maxBytes });
  return `${findings}\n${resources.trimEnd()}\n`;
}

function ruleTable(findings: readonly Finding[]): string[] {
  const counts = new Map<string, Record<Severity, number>>();
  for (const finding of findings) {
    const row = counts.get(finding.ruleId) ?? { error: 0, warning: 0, info: 0 };
    row[finding.severity]++;
    counts.set(finding.ruleId, row);
  }
  const builtin = new Set(builtinRules.map((rule) => rule.id));
  const rows = [...counts].sort(([a, x], [b, y]) => y.error - x.error || y.warning - x.warning || y.info - x.info || a.localeCompare(b));
  return [
    '| Rule | Errors | Warnings | Info |',
    '| --- | ---: | ---: | ---: |',
    ...rows.map(([id, row]) => `| ${builtin.has(id) ? `[\`${id}\`](${ruleDocsUrl(id)})` : `\`${id}\``} | ${row.error} | ${row.warning} | ${row.info} |`),
  ];
}

function worstFindings(entries: readonly { result: FileResult; finding: Finding }[], run: JobSummaryRun): string[] {
  const ordered = entries.map((entry, index) => ({ ...entry, index }));
  ordered.sort((a, b) => compareSeverity(b.finding.severity, a.finding.severity) || a.index - b.index);
  const shown = ordered.slice(0, SUMMARY_FINDINGS_LIMIT);
  const lines = [
    entries.length > shown.length ? `### The ${shown.length} most severe findings` : '### Findings',
    '',
    '| | Location | Rule | Message |',
    '| --- | --- | --- | --- |',
    ...shown.map(({ result, finding }) => {
      const location = `${displayPath(result, run.repositoryRoot)}:${finding.range.start.line + 1}:${finding.range.start.column + 1}`;
      const link = lineLink(result, finding, run);
      return `| ${ICON[finding.severity]} ${finding.severity} | ${link ? `[${cell(location)}](${link})` : cell(location)} | \`${finding.ruleId}\` | ${cell(finding.message)} |`;
    }),
  ];
  if (entries.length > shown.length) lines.push('', `…and ${entries.length - shown.length} more. The SARIF report and the job log list them all.`);
  return lines;
}

/** The report with repository-relative paths, as the findings above name their files. */
function withDisplayPaths(report: ResourceReport, run: JobSummaryRun): ResourceReport {
  const shown = new Map(run.results.map((result) => [result.filePath, displayPath(result, run.repositoryRoot)]));
  return { ...report, entries: report.entries.map((entry) => ({ ...entry, filePath: shown.get(entry.filePath) ?? entry.filePath })) };
}

function displayPath(result: FileResult, root: string): string {
  return relativePosix(root, result.absolutePath) ?? result.filePath;
}

/** A link to the line on GitHub when the run is a workflow run with a repository and commit. */
function lineLink(result: FileResult, finding: Finding, run: JobSummaryRun): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = run.env;
  const relative = relativePosix(run.repositoryRoot, result.absolutePath);
  if (!server || !repository || !sha || relative === undefined) return undefined;
  const encoded = relative.split('/').map(encodeURIComponent).join('/');
  return `${server}/${repository}/blob/${sha}/${encoded}#L${finding.range.start.line + 1}`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .trim();
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
