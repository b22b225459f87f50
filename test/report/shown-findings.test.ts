import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { FORMATTERS } from '../../src/report/formatters.js';
import { formatGithub } from '../../src/report/github.js';
import { fileResult, shownFindings, type FormatContext } from '../../src/report/results.js';
import { formatSarif } from '../../src/report/sarif.js';
import { formatStylish } from '../../src/report/stylish.js';
import { formatUnix } from '../../src/report/unix.js';

const range = (line: number) => ({ start: { line, column: 0 }, end: { line, column: 4 }, startOffset: line * 10, endOffset: line * 10 + 4 });
const counted: Finding = { ruleId: 'latest-image-tag', severity: 'warning', message: 'Counted.', filePath: 'pod.yaml', range: range(2) };
const suppressed: Finding = {
  ruleId: 'run-as-root',
  severity: 'error',
  message: 'Hidden.',
  filePath: 'pod.yaml',
  range: range(5),
  suppressions: [{ kind: 'directive', reason: 'needs root', range: range(4) }],
};
const results = [fileResult('pod.yaml', '/repo/pod.yaml', [counted, suppressed])];
const context = (includeSuppressed: boolean): FormatContext => ({ color: false, cwd: '/repo', rules: [], repositoryRoot: '/repo', ...(includeSuppressed ? { includeSuppressed } : {}) });

describe('suppressed findings in reports', () => {
  it('are shown by every text formatter exactly when --include-suppressed asks, marked', () => {
    expect(shownFindings(results[0]!, context(false))).toEqual([counted]);
    expect(shownFindings(results[0]!, context(true))).toEqual([counted, suppressed]);

    expect(formatUnix(results, context(false))).toBe('pod.yaml:3:1: warning: Counted. [latest-image-tag]\n');
    expect(formatUnix(results, context(true))).toBe(
      'pod.yaml:3:1: warning: Counted. [latest-image-tag]\npod.yaml:6:1: error: Hidden. (suppressed by directive: needs root) [run-as-root]\n',
    );

    expect(formatGithub(results, context(false))).toBe('::warning file=pod.yaml,line=3,col=1,endLine=3,endColumn=4,title=podlint latest-image-tag::Counted.\n');
    expect(formatGithub(results, context(true)).split('\n')[1]).toBe(
      '::error file=pod.yaml,line=6,col=1,endLine=6,endColumn=4,title=podlint run-as-root (suppressed)::Hidden. (suppressed by directive: needs root)',
    );

    expect(formatStylish(results, context(false))).not.toContain('Hidden.');
    expect(formatStylish(results, context(true))).toContain('Hidden. (suppressed by directive: needs root)');

    const sarifIds = (include: boolean) => (JSON.parse(formatSarif(results, context(include))) as { runs: [{ results: { ruleId: string }[] }] }).runs[0].results.map((result) => result.ruleId);
    expect(sarifIds(false)).toEqual(['latest-image-tag']);
    expect(sarifIds(true)).toEqual(['latest-image-tag', 'run-as-root']);
  });

  it('stay apart in the JSON (ESLint\'s suppressedMessages), with or without the flag', () => {
    for (const include of [false, true]) {
      const [result] = JSON.parse(FORMATTERS.json!(results, context(include))) as [{ messages: { ruleId: string }[]; suppressedMessages: { ruleId: string }[] }];
      expect(result.messages.map((message) => message.ruleId)).toEqual(['latest-image-tag']);
      expect(result.suppressedMessages.map((message) => message.ruleId)).toEqual(['run-as-root']);
    }
  });
});
