import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { summaryResources } from '../../src/cli/side-reports.js';
import { parseQuantity } from '../../src/k8s/quantity.js';
import { renderJobSummary, SUMMARY_FINDINGS_LIMIT, SUMMARY_MAX_BYTES, SUMMARY_RESOURCES_LIMIT } from '../../src/report/job-summary.js';
import { namespaceTotals, type ResourceReport, type ResourceReportEntry } from '../../src/report/resources-report.js';
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
        '### Resources',
        '',
        '| Object | Namespace | QoS | Replicas | cpu requests / limits per pod | memory requests / limits per pod | cpu total | memory total |',
        '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |',
        '| `Pod/ok`<br>k8s/ok.yaml:1 | — | Burstable | 1 | 100m / — | 64Mi / 64Mi | 100m / — | 64Mi / 64Mi |',
        '| `Pod/debug`<br>k8s/pod.yaml:1 | `ops` | Burstable | 1 | 100m / — | 64Mi / 64Mi | 100m / — | 64Mi / 64Mi |',
        '| `Pod/web`<br>k8s/web.yaml:1 | — | Burstable | 1 | 100m / — | 64Mi / 64Mi | 100m / — | 64Mi / 64Mi |',
        '',
        '#### Totals per namespace',
        '',
        '| Namespace | Objects | Resource | Requests | Limits |',
        '| --- | ---: | --- | ---: | ---: |',
        '| (none) | 2 | cpu | 200m | — |',
        '|  |  | memory | 128Mi | 128Mi |',
        '| `ops` | 1 | cpu | 100m | — |',
        '|  |  | memory | 64Mi | 64Mi |',
        '| **all** | 3 | cpu | 300m | — |',
        '|  |  | memory | 192Mi | 192Mi |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes to --summary FILE, and an empty --summary writes none', () => {
    const dir = workspace({ 'ok.yaml': CLEAN_POD });
    expect(runCli(['--summary', 'out.md'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(path.join(dir, 'out.md'), 'utf8')).toMatch(/^## podlint\n\n✅ No problems in 1 file\.\n\n### Resources\n/);
    const step = path.join(dir, 'step.md');
    writeFileSync(step, '');
    expect(runCli(['--summary='], { cwd: dir, env: { GITHUB_STEP_SUMMARY: step } }).status).toBe(0);
    expect(readFileSync(step, 'utf8')).toBe('');
  });

  it('lists the most severe findings first, counts the rest, and keeps table cells intact', () => {
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 }, startOffset: 0, endOffset: 1 };
    const warning: Finding = { ruleId: 'custom-rule', severity: 'warning', message: 'a | b <c>\nd', filePath: 'x.yaml', range };
    const findings = [...Array.from({ length: SUMMARY_FINDINGS_LIMIT }, () => warning), { ...warning, severity: 'error' as const, message: 'worst' }];
    const summary = renderJobSummary({ results: [fileResult('x.yaml', '/repo/x.yaml', findings)], repositoryRoot: '/repo', env: {} });
    const rows = summary.split('\n').filter((line) => line.startsWith('| ❌') || line.startsWith('| ⚠️'));
    expect(rows).toHaveLength(SUMMARY_FINDINGS_LIMIT);
    expect(rows[0]).toBe('| ❌ error | x.yaml:1:1 | `custom-rule` | worst |');
    expect(rows[1]).toBe('| ⚠️ warning | x.yaml:1:1 | `custom-rule` | a \\| b &lt;c&gt; d |');
    expect(summary).toContain(`### The ${SUMMARY_FINDINGS_LIMIT} most severe findings`);
    expect(summary).toContain('…and 1 more.');
    expect(summary).toContain('| `custom-rule` | 1 | 20 | 0 |');
  });

  describe('resources table', () => {
    const RUNNER = `apiVersion: example.com/v1
kind: Runner
metadata: { name: builds, namespace: ci }
spec:
  replicas: 2
  runner:
    template:
      spec:
        containers: [{ name: build, image: build:1, resources: { requests: { cpu: 2, memory: 4Gi } } }]
`;
    const RUNNER_ROW = '| `Runner/builds`<br>runner.yaml:1 | `ci` | Burstable | 2 | 2 / — | 4Gi / — | 4 / — | 8Gi / — |';

    it('is built from the files the run loaded, with their configuration: standard input too', () => {
      const dir = workspace({
        '.git/HEAD': '',
        '.podlint.yaml': 'ignorePatterns: ["vendor/"]\npodTemplatePaths:\n  example.com/v1/Runner: spec.runner.template\n',
        'runner.yaml': RUNNER,
        'vendor/pod.yaml': PRIVILEGED_POD,
        'config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings }\n',
      });
      const summaryOf = (args: string[], input?: string) => {
        const file = path.join(dir, 'summary.md');
        writeFileSync(file, '');
        runCli(args, { cwd: dir, env: { GITHUB_STEP_SUMMARY: file }, ...(input !== undefined ? { input } : {}) });
        return readFileSync(file, 'utf8');
      };
      const whole = summaryOf(['.']);
      expect(whole).toContain('### Resources\n');
      expect(whole).toContain(RUNNER_ROW);
      // The configuration ignores vendor/: it is neither linted nor counted.
      expect(whole).not.toContain('debug');
      expect(whole).toContain('| `ci` | 1 | cpu | 4 | — |');
      // Standard input can be read only once: the table comes from the load that linted it.
      expect(summaryOf(['-', '--stdin-filename', 'runner.yaml'], RUNNER)).toContain(RUNNER_ROW);
      // No object with a pod spec, no table.
      expect(summaryOf(['config.yaml'])).not.toContain('### Resources');
    });

    it('is collected only when a summary will be written', () => {
      expect(summaryResources({ summaryFile: undefined }, {})).toBeUndefined();
      expect(summaryResources({ summaryFile: '' }, { GITHUB_STEP_SUMMARY: '/tmp/summary.md' })).toBeUndefined();
      expect(summaryResources({ summaryFile: undefined }, { GITHUB_STEP_SUMMARY: '/tmp/summary.md' })).toBeDefined();
      expect(summaryResources({ summaryFile: 'out.md' }, {})).toBeDefined();
    });

    function entry(index: number, namespace: string, resources: Record<string, string>): ResourceReportEntry {
      const map = new Map(Object.entries(resources).map(([name, text]) => [name, parseQuantity(text)]));
      return {
        filePath: `apps/app-${index}.yaml`,
        line: 1,
        kind: 'Deployment',
        name: `app-${index}`,
        namespace,
        qosClass: 'Guaranteed',
        podRequests: map,
        podLimits: map,
        replicas: 1,
        totalRequests: map,
        totalLimits: map,
      };
    }
    const report = (entries: ResourceReportEntry[]): ResourceReport => ({ entries, namespaces: namespaceTotals(entries), ignored: [] });
    const run = (resources: ResourceReport) => ({ results: [], repositoryRoot: '/repo', env: {}, resources });

    it(`lists at most ${SUMMARY_RESOURCES_LIMIT} objects and counts the rest, which the totals include`, () => {
      const count = SUMMARY_RESOURCES_LIMIT + 7;
      const summary = renderJobSummary(run(report(Array.from({ length: count }, (_, index) => entry(index, 'shop', { cpu: '1', memory: '1Gi' })))));
      const rows = summary.split('\n').filter((line) => line.startsWith('| `Deployment/'));
      expect(rows).toHaveLength(SUMMARY_RESOURCES_LIMIT);
      expect(rows.at(-1)).toContain(`app-${SUMMARY_RESOURCES_LIMIT - 1}`);
      expect(summary).toContain('…and 7 more objects; the totals include them, and `podlint resources` lists every one.');
      expect(summary).toContain(`| \`shop\` | ${count} | cpu | ${count} | ${count} |`);
    });

    it('stays under GitHub’s 1 MiB step summary limit, however many resources and namespaces', () => {
      // 200 extended resources with long names, each object in a namespace of its own.
      const resources = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`vendor-${'x'.repeat(40)}.example.com/device-${index}`, '1500m']));
      const entries = Array.from({ length: 400 }, (_, index) => entry(index, `team-${index}`, { cpu: '1', memory: '1Gi', ...resources }));
      const summary = renderJobSummary(run(report(entries)));
      expect(Buffer.byteLength(`${summary}\n`)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES);
      expect(Buffer.byteLength(summary)).toBeGreaterThan(SUMMARY_MAX_BYTES / 2);
      const shown = summary.split('\n').filter((line) => line.startsWith('| `Deployment/')).length;
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(SUMMARY_RESOURCES_LIMIT);
      expect(summary).toContain(`…and ${400 - shown} more objects`);
      expect(summary).toMatch(/…and \d+ more namespaces; the \*\*all\*\* rows include them\./);
      expect(summary).toContain('| **all** | 400 | cpu | 400 | 400 |');
    });
  });
});
