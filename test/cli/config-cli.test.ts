import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { PRIVILEGED_POD as PRIVILEGED, repoWorkspace as workspace } from '../helpers/workspace.js';

// Hardened against every default rule but the ones these tests are about, and a one-off Pod so
// the probe rules leave it alone (see helpers/workspace.ts).
const UNTAGGED = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: web
      image: nginx # podlint-disable-line latest-image-tag -- pinned by digest at deploy time
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
    - name: cache
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
      image: redis
  securityContext: { runAsNonRoot: true }
  restartPolicy: Never
`;

interface JsonResult {
  filePath: string;
  messages: { ruleId: string; line: number }[];
  suppressedMessages: { ruleId: string; line: number; suppressions: { kind: string; justification: string; line: number; column: number }[] }[];
  suppressedCount: number;
}

describe('configuration on the command line', () => {
  it('finds .podlint.yaml from the file upwards; flags win over it', () => {
    const dir = workspace({ '.podlint.yaml': 'rules: { latest-image-tag: error }', 'apps/pod.yaml': UNTAGGED });
    const run = runCli(['apps'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('13:14  error  Container "cache" has no tag on "redis", which means latest.  latest-image-tag');
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings, 1 suppressed)');
    expect(runCli(['apps', '--rule', 'latest-image-tag=warning'], { cwd: dir }).status).toBe(0);
  });

  it('failLevel in the configuration and --fail-level decide exit code 1', () => {
    const dir = workspace({ '.podlint.yaml': 'failLevel: warning', 'pod.yaml': UNTAGGED });
    expect(runCli([], { cwd: dir }).status).toBe(1);
    expect(runCli(['--fail-level', 'error'], { cwd: dir }).status).toBe(0);
    const plain = workspace({ 'pod.yaml': UNTAGGED });
    expect(runCli([], { cwd: plain }).status).toBe(0);
    expect(runCli(['--fail-level', 'warning'], { cwd: plain }).status).toBe(1);
    expect(runCli(['--fail-level', 'info', '--rule', 'latest-image-tag=info'], { cwd: plain }).status).toBe(1);
  });

  it('--config uses one file for every linted file', () => {
    const dir = workspace({ '.podlint.yaml': 'rules: { latest-image-tag: error }', 'ci.yaml': 'rules: { latest-image-tag: off }', 'pod.yaml': UNTAGGED });
    expect(runCli(['pod.yaml'], { cwd: dir }).status).toBe(1);
    expect(runCli(['pod.yaml', '--config', 'ci.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--print-config prints the settings resolved for a file', () => {
    const dir = workspace({
      '.podlint.yaml': 'extends: strict\nkubernetesVersion: "1.35"\noverrides:\n  - files: "prod/**"\n    rules: { privileged-container: warning }\n',
    });
    const run = runCli(['--print-config', 'prod/pod.yaml', '--rule', 'yaml-syntax=warning'], { cwd: dir });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { file: string; configFile: string; kubernetesVersion: string; rules: Record<string, unknown> };
    expect(printed.file).toBe(path.join('prod', 'pod.yaml'));
    expect(printed.configFile).toBe('.podlint.yaml');
    expect(printed.kubernetesVersion).toBe('1.35');
    expect(printed.rules['privileged-container']).toBe('warning');
    expect(printed.rules['unused-suppression']).toBe('warning');
    expect(printed.rules['latest-image-tag']).toEqual(['error', { allowedImages: [] }]);
    expect(printed.rules['yaml-syntax']).toBe('warning');
  });

  it('an unusable configuration stops with exit code 2 and file:line:column messages', () => {
    const dir = workspace({ '.podlint.yaml': 'rules:\n  latest-image-tag: loud\n  no-such-rule: error\n', 'pod.yaml': UNTAGGED });
    const run = runCli([], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'podlint: the configuration cannot be used:\n' +
        '.podlint.yaml:2:21: rules.latest-image-tag must be one of "off", "info", "warning", "error" (got "loud").\n',
    );
    const unknown = workspace({ '.podlint.yaml': 'rules:\n  no-such-rule: error\n', 'pod.yaml': UNTAGGED });
    expect(runCli([], { cwd: unknown }).stderr).toBe('podlint: the configuration cannot be used:\n.podlint.yaml:2:3: Unknown rule "no-such-rule".\n');
  });

  it('rejects malformed --rule and --fail-level values, and unknown rule ids in --rule', () => {
    const dir = workspace({ 'pod.yaml': UNTAGGED });
    expect(runCli(['--rule', 'latest-image-tag'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'podlint: --rule needs <rule-id>=<off|info|warning|error>, got "latest-image-tag".\n' });
    expect(runCli(['--fail-level', 'loud'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'podlint: --fail-level needs one of error, warning, info, got "loud".\n' });
    expect(runCli(['--rule', 'nope=error'], { cwd: dir })).toMatchObject({ status: 2, stderr: 'podlint: Unknown rule "nope" in the rule settings.\n' });
  });

  it('skips files matching ignorePatterns when walking, but lints a file named on the command line', () => {
    const dir = workspace({ '.podlint.yaml': 'ignorePatterns: ["generated/"]', 'generated/pod.yaml': PRIVILEGED, 'pod.yaml': PRIVILEGED });
    const files = (args: string[]) => (JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout) as JsonResult[]).map((result) => path.relative(dir, result.filePath));
    expect(files([])).toEqual(['pod.yaml']);
    expect(files(['generated/pod.yaml'])).toEqual(['generated/pod.yaml']);
  });

  it('podTemplatePaths gives the pod rules custom kinds; --pod-template-path wins for the same kind', () => {
    const workload = `apiVersion: example.com/v1
kind: Runner
metadata: { name: job }
spec:
  runner:
    template:
      spec:
        containers:
          - name: shell
            image: busybox:1.37
            securityContext: { privileged: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
        securityContext: { runAsNonRoot: true }
        restartPolicy: Never
`;
    const dir = workspace({ '.podlint.yaml': 'podTemplatePaths:\n  example.com/v1/Runner: spec.runner.template\n', 'runner.yaml': workload });
    const privileged = (args: string[]) =>
      (JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout) as JsonResult[])[0]!.messages.filter((message) => message.ruleId === 'privileged-container').map((message) => message.line);
    expect(privileged([])).toEqual([11]);
    expect(privileged(['--pod-template-path', 'example.com/v1/Runner=spec.elsewhere'])).toEqual([]);
    const printed = JSON.parse(runCli(['--print-config', 'runner.yaml'], { cwd: dir }).stdout) as { podTemplatePaths: Record<string, string> };
    expect(printed.podTemplatePaths).toEqual({ 'example.com/v1/Runner': 'spec.runner.template' });
  });

  it('resolves the configuration of standard input from --stdin-filename', () => {
    const dir = workspace({ 'strict/.podlint.yaml': 'rules: { latest-image-tag: error }' });
    expect(runCli(['-', '--stdin-filename', 'strict/pod.yaml'], { cwd: dir, input: UNTAGGED }).status).toBe(1);
    expect(runCli(['-', '--stdin-filename', 'other/pod.yaml'], { cwd: dir, input: UNTAGGED }).status).toBe(0);
  });
});

describe('suppressed findings in the output', () => {
  it('are counted, hidden by default, shown with --include-suppressed, and always in the JSON with kind and reason', () => {
    const dir = workspace({ 'pod.yaml': UNTAGGED });
    const hidden = runCli([], { cwd: dir });
    expect(hidden.stdout).not.toContain('"web" has no tag');
    expect(hidden.stdout).toContain('1 warning, 1 suppressed');

    const shown = runCli(['--include-suppressed'], { cwd: dir });
    expect(shown.stdout).toContain('Container "web" has no tag on "nginx", which means latest. (suppressed by directive: pinned by digest at deploy time)');
    expect(shown.stdout).toContain('✖ 1 problem (0 errors, 1 warning, 1 suppressed)');
    expect(shown.status).toBe(0);

    for (const args of [['-f', 'json'], ['-f', 'json', '--include-suppressed']]) {
      const [result] = JSON.parse(runCli(args, { cwd: dir }).stdout) as JsonResult[];
      expect(result!.messages.map((message) => `${message.ruleId}@${message.line}`)).toEqual(['latest-image-tag@13']);
      expect(result!.suppressedCount).toBe(1);
      expect(result!.suppressedMessages).toMatchObject([
        { ruleId: 'latest-image-tag', line: 7, suppressions: [{ kind: 'directive', justification: 'pinned by digest at deploy time', line: 7, column: 20 }] },
      ]);
    }
  });

  it('--report-unused-directives reports directives that suppressed nothing', () => {
    const dir = workspace({ 'pod.yaml': UNTAGGED.replace('image: redis', 'image: redis:7 # podlint-disable-line latest-image-tag') });
    expect(runCli([], { cwd: dir }).stdout).not.toContain('unused-suppression');
    const run = runCli(['--report-unused-directives'], { cwd: dir });
    expect(run.stdout).toContain('13:45  warning  The podlint-disable-line directive suppressed no "latest-image-tag" finding; remove "latest-image-tag" from it.  unused-suppression');
  });

  it('a custom rule that throws stops the run with exit code 2', () => {
    const dir = workspace({
      '.podlint.yaml': 'customRules: ["./rules/*.mjs"]',
      'rules/boom.mjs': `export default { id: 'boom', meta: { type: 'problem', defaultSeverity: 'error', docs: { description: 'd', remediation: 'r' }, messages: { m: 'm' }, defaultOptions: {} }, check() { throw new Error('kaput'); } };\n`,
      'pod.yaml': PRIVILEGED,
    });
    const run = runCli([], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`podlint: custom rule "boom" (${path.join(dir, 'rules/boom.mjs')}) failed on pod.yaml: kaput\n`);
  });
});
