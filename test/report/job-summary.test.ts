import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { renderJobSummary, SUMMARY_FINDINGS_LIMIT } from '../../src/report/job-summary.js';
import { fileResult } from '../../src/report/results.js';
import { runCli } from '../helpers/cli.js';
import { CLEAN_POD, PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

const GITHUB_ENV = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: 'abc123' };

describe('job summary', () => {
  it('appends to GITHUB_STEP_SUMMARY: totals, counts per rule and severity, the findings with links', () => {
    const dir = workspace({ '.git/HEAD': '', 'k8s/pod.yaml': PRIVILEGED_POD, 'k8s/web.yaml': UNTAGGED_POD, 'k8s/ok.yaml': CLEAN_POD, 'summary.md': '# Earlier step\n' });
    const run = runCli(['k8s'], { cwd: dir, env: { ...GITHUB_ENV, GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') } });
    expect(run.status).toBe(1);
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toBe(
      [
        '# Earlier step',
        '## podlint',
        '',
        '**1 error, 2 warnings, 0 info** in 2 of 3 files.',
        '',
        '| Rule | Errors | Warnings | Info |',
        '| --- | ---: | ---: | ---: |',
        '| [`privileged-container`](https://github.com/podlint/podlint/blob/main/docs/rules/privileged-container.md) | 1 | 0 | 0 |',
        '| [`latest-image-tag`](https://github.com/podlint/podlint/blob/main/docs/rules/latest-image-tag.md) | 0 | 1 | 0 |',
        '| [`privilege-escalation`](https://github.com/podlint/podlint/blob/main/docs/rules/privilege-escalation.md) | 0 | 1 | 0 |',
        '',
        '### Findings',
        '',
        '| | Location | Rule | Message |',
        '| --- | --- | --- | --- |',
        '| ❌ error | [k8s/pod.yaml:8:38](https://github.com/acme/shop/blob/abc123/k8s/pod.yaml#L8) | `privileged-container` | Container "shell" is privileged: it has every capability and access to all host devices, as root on the node. |',
        '| ⚠️ warning | [k8s/pod.yaml:8:7](https://github.com/acme/shop/blob/abc123/k8s/pod.yaml#L8) | `privilege-escalation` | Container "shell" can always escalate privileges: it is privileged. |',
        '| ⚠️ warning | [k8s/web.yaml:7:14](https://github.com/acme/shop/blob/abc123/k8s/web.yaml#L7) | `latest-image-tag` | Container "web" has no tag on "nginx", which means latest. |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes to --summary FILE, and an empty --summary writes none', () => {
    const dir = workspace({ 'ok.yaml': CLEAN_POD });
    expect(runCli(['--summary', 'out.md'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'out.md'), 'utf8')).toBe('## podlint\n\n✅ No problems in 1 file.\n\n');
    const step = path.join(dir, 'step.md');
    writeFileSync(step, '');
    expect(runCli(['--summary='], { cwd: dir, env: { GITHUB_STEP_SUMMARY: step } }).status).toBe(0);
    expect(readFileSync(step, 'utf8')).toBe('');
  });

  it('lists the most severe findings first, counts the rest, and keeps table cells intact', () => {
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 }, startOffset: 0, endOffset: 1 };
    const warning: Finding = { ruleId: 'custom-rule', severity: 'warning', message: 'a | b <c>\nd', filePath: 'x.yaml', range };
    const findings = [...Array.from({ length: SUMMARY_FINDINGS_LIMIT }, () => warning), { ...warning, severity: 'error' as const, message: 'worst' }];
    const summary = renderJobSummary({ results: [fileResult('x.yaml', '/repo/x.yaml', findings)], repositoryRoot: '/repo', env: {} }, []);
    const rows = summary.split('\n').filter((line) => line.startsWith('| ❌') || line.startsWith('| ⚠️'));
    expect(rows).toHaveLength(SUMMARY_FINDINGS_LIMIT);
    expect(rows[0]).toBe('| ❌ error | x.yaml:1:1 | `custom-rule` | worst |');
    expect(rows[1]).toBe('| ⚠️ warning | x.yaml:1:1 | `custom-rule` | a \\| b &lt;c&gt; d |');
    expect(summary).toContain(`### The ${SUMMARY_FINDINGS_LIMIT} most severe findings`);
    expect(summary).toContain('…and 1 more.');
    expect(summary).toContain('| `custom-rule` | 1 | 20 | 0 |');
  });

  it('appends the extra sections (where the resources table plugs in)', () => {
    const sections = [() => '### Resources\n\n| Pod | QoS |\n| --- | --- |\n| web | Burstable |', () => undefined];
    const summary = renderJobSummary({ results: [], repositoryRoot: '/repo', env: {} }, sections);
    expect(summary).toBe('## podlint\n\n✅ No problems in 0 files.\n\n### Resources\n\n| Pod | QoS |\n| --- | --- |\n| web | Burstable |\n');
  });
});
