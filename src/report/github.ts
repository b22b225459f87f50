import type { Finding } from '../engine/finding.js';
import type { Severity } from '../engine/severity.js';
import { relativePosix } from '../file-paths.js';
import { isSuppressed, shownFindings, shownMessage, type FileResult, type Formatter } from './results.js';
import { workflowCommand } from './workflow-command.js';

/** The runner shows at most this many annotations of each level per step and drops the rest. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;

type AnnotationLevel = 'error' | 'warning' | 'notice';
const LEVEL: Record<Severity, AnnotationLevel> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `--format github`: one workflow-command annotation per finding, at most ten per level, and a
 * final notice that counts what was left out (the runner would drop it silently). Paths are
 * relative to the repository root, which is where the runner resolves them. No colour, ever.
 */
export const formatGithub: Formatter = (results, context) => {
  const findings = results.flatMap((result) => shownFindings(result, context).map((finding) => ({ result, finding })));
  const totals: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  for (const { finding } of findings) totals[LEVEL[finding.severity]]++;
  const overflow = Object.values(totals).some((count) => count > MAX_ANNOTATIONS_PER_LEVEL);
  // The closing notice is itself a notice: it takes one of the ten.
  const caps: Record<AnnotationLevel, number> = {
    error: MAX_ANNOTATIONS_PER_LEVEL,
    warning: MAX_ANNOTATIONS_PER_LEVEL,
    notice: overflow ? MAX_ANNOTATIONS_PER_LEVEL - 1 : MAX_ANNOTATIONS_PER_LEVEL,
  };
  const shown: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const { result, finding } of findings) {
    const level = LEVEL[finding.severity];
    if (shown[level] >= caps[level]) continue;
    shown[level]++;
    lines.push(annotation(level, annotationPath(result, context.repositoryRoot), finding));
  }
  const omitted = findings.length - lines.length;
  if (omitted > 0) {
    const counts = (Object.keys(totals) as AnnotationLevel[])
      .filter((level) => totals[level] > shown[level])
      .map((level) => `${totals[level] - shown[level]} ${level}${totals[level] - shown[level] === 1 ? '' : 's'}`);
    lines.push(
      workflowCommand(
        'notice',
        { title: 'podlint' },
        `${omitted} more ${omitted === 1 ? 'finding is' : 'findings are'} not annotated (${counts.join(', ')}): ` +
          `GitHub shows at most ${MAX_ANNOTATIONS_PER_LEVEL} annotations of each level per step. The job summary and the SARIF report list them all.`,
      ),
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};

function annotation(level: AnnotationLevel, file: string, finding: Finding): string {
  const { start, end } = finding.range;
  const line = start.line + 1;
  // An exclusive end at the start of a line means the range's last character is on the line above.
  const endsAtLineStart = end.line > start.line && end.column === 0;
  const endLine = endsAtLineStart ? end.line : end.line + 1;
  // Columns are allowed on one-line annotations only; endColumn names the last character
  // (1-based, inclusive), which is podlint's exclusive 0-based end column.
  const oneLine = endLine === line;
  const endColumn = oneLine && !endsAtLineStart ? Math.max(start.column + 1, end.column) : undefined;
  return workflowCommand(
    level,
    { file, line, col: oneLine ? start.column + 1 : undefined, endLine, endColumn, title: `podlint ${finding.ruleId}${isSuppressed(finding) ? ' (suppressed)' : ''}` },
    shownMessage(finding),
  );
}

function annotationPath(result: FileResult, root: string): string {
  return relativePosix(root, result.absolutePath) ?? result.absolutePath;
}
