import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { README_RESOURCES_END, README_RESOURCES_START, withResourcesExample } from '../../src/docs/resources-example.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'podlint-resources-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: ops }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers:
        - name: agent
          image: agent:1
          resources: { requests: { cpu: 50m, memory: 32Mi, nvidia.com/gpu: 1 }, limits: { memory: 32Mi, nvidia.com/gpu: 1 } }
`;
const JOB = `apiVersion: batch/v1
kind: Job
metadata: { name: crunch, namespace: ops }
spec:
  parallelism: 5
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: crunch
          image: crunch:1
          resources: { requests: { cpu: 0.5, memory: 1Gi, ephemeral-storage: 2Gi }, limits: { cpu: 1, memory: 1Gi } }
---
apiVersion: v1
kind: PodTemplate
metadata: { name: blueprint }
template:
  spec:
    containers: [{ name: a, image: a:1, resources: { requests: { cpu: 1 } } }]
`;

describe('podlint resources', () => {
  it('prints a table per object and the totals per namespace', () => {
    const run = runCli(['resources', 'examples/ingest.yaml']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(`Deployment/ingest  namespace shop  QoS Burstable  replicas 4  examples/ingest.yaml:5
  resource  pod requests  pod limits  total requests  total limits
  cpu       1             -           4               -
  memory    1088Mi        1088Mi      4352Mi          4352Mi

Total for namespace shop  1 object
  resource  requests  limits
  cpu       4         -
  memory    4352Mi    4352Mi
`);
  });

  it('gives the same data as JSON, with canonical quantities; a DaemonSet per node, a PodTemplate runs nothing', () => {
    const dir = workspace({ 'agent.yaml': DAEMONSET, 'jobs.yaml': JOB });
    const run = runCli(['resources', '-f', 'json'], { cwd: dir });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([
      {
        filePath: 'agent.yaml',
        kind: 'DaemonSet',
        name: 'agent',
        namespace: 'ops',
        qosClass: 'Burstable',
        podRequests: { cpu: '50m', memory: '32Mi', 'nvidia.com/gpu': '1' },
        podLimits: { memory: '32Mi', 'nvidia.com/gpu': '1' },
        replicas: 'per-node',
        totalRequests: { cpu: '50m', memory: '32Mi', 'nvidia.com/gpu': '1' },
        totalLimits: { memory: '32Mi', 'nvidia.com/gpu': '1' },
      },
      {
        filePath: 'jobs.yaml',
        kind: 'Job',
        name: 'crunch',
        namespace: 'ops',
        qosClass: 'Burstable',
        podRequests: { cpu: '500m', memory: '1Gi', 'ephemeral-storage': '2Gi' },
        podLimits: { cpu: '1', memory: '1Gi' },
        replicas: 5,
        totalRequests: { cpu: '2500m', memory: '5Gi', 'ephemeral-storage': '10Gi' },
        totalLimits: { cpu: '5', memory: '5Gi' },
      },
      {
        filePath: 'jobs.yaml',
        kind: 'PodTemplate',
        name: 'blueprint',
        namespace: null,
        qosClass: 'Burstable',
        podRequests: { cpu: '1' },
        podLimits: {},
        replicas: 'none',
        totalRequests: {},
        totalLimits: {},
      },
    ]);
  });

  it('keeps per-node amounts apart in the namespace totals', () => {
    const dir = workspace({ 'agent.yaml': DAEMONSET, 'jobs.yaml': JOB });
    const { stdout } = runCli(['resources'], { cwd: dir });
    expect(stdout).toContain(`Total for namespace ops  2 objects
  resource           requests  limits  + per node requests  + per node limits
  cpu                2500m     5       50m                  -
  memory             5Gi       5Gi     32Mi                 32Mi
  ephemeral-storage  10Gi      -       -                    -
  nvidia.com/gpu     -         -       1                    1`);
    expect(stdout).toContain('PodTemplate/blueprint  namespace (none)  QoS Burstable  replicas none (a template)');
  });

  it('writes Markdown for a job summary', () => {
    const run = runCli(['resources', '--format', 'markdown', 'examples/ingest.yaml', 'examples/web.yaml']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('## Resources\n');
    expect(run.stdout).toContain('| `Deployment/ingest`<br>examples/ingest.yaml:5 | `shop` | Burstable | 4 | 1 / — | 1088Mi / 1088Mi | 4 / — | 4352Mi / 4352Mi |');
    expect(run.stdout).toContain('| `shop` | 2 | cpu | 4750m | 3 |');
  });

  it('reads standard input, and names the values it leaves out on standard error', () => {
    const input = 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: a:1, resources: { requests: { cpu: 1 Gi, memory: 64Mi } } }]\n';
    const run = runCli(['resources', '-', '--stdin-filename', 'pod.yaml', '-f', 'json'], { input });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)[0]).toMatchObject({ filePath: 'pod.yaml', podRequests: { memory: '64Mi' } });
    expect(run.stderr).toMatch(/^podlint resources: pod\.yaml:5:69: value left out: quantities must match/);
    const markdown = runCli(['resources', '-', '--stdin-filename', 'pod.yaml', '-f', 'markdown'], { input });
    expect(markdown.stdout).toContain('\n1 value Kubernetes cannot decode is left out of the sums (`invalid-quantity` names it).\n');
  });

  it('names on standard error the documents it could not read, and goes on', () => {
    const dir = workspace({ 'broken.yaml': 'kind: Pod\nspec: [\n', 'agent.yaml': DAEMONSET });
    const run = runCli(['resources', '-f', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^podlint resources: broken\.yaml:\d+:\d+: yaml-syntax: /);
    expect(JSON.parse(run.stdout).map((entry: { name: string }) => entry.name)).toEqual(['agent']);
  });

  it('honours the configuration as lint does: ignorePatterns, podTemplatePaths, --config', () => {
    const runner = `apiVersion: example.com/v1
kind: Runner
metadata: { name: builds, namespace: ci }
spec:
  replicas: 2
  runner:
    template:
      spec:
        containers: [{ name: build, image: build:1, resources: { requests: { cpu: 2, memory: 4Gi } } }]
`;
    const dir = workspace({
      '.git/HEAD': '',
      '.podlint.yaml': 'ignorePatterns: ["vendor/"]\npodTemplatePaths:\n  example.com/v1/Runner: spec.runner.template\n',
      'ci/other.yaml': 'podTemplatePaths:\n  example.com/v1/Runner: spec.elsewhere\n',
      'agent.yaml': DAEMONSET,
      'runner.yaml': runner,
      'vendor/jobs.yaml': JOB,
    });
    const names = (args: string[], input?: string) => {
      const run = runCli(['resources', '-f', 'json', ...args], { cwd: dir, ...(input !== undefined ? { input } : {}) });
      expect(run).toMatchObject({ status: 0, stderr: '' });
      return (JSON.parse(run.stdout) as { kind: string; name: string; totalRequests: Record<string, string> }[]).map((entry) => `${entry.kind}/${entry.name} ${JSON.stringify(entry.totalRequests)}`);
    };
    // vendor/ is ignored by the configuration; the custom kind counts, with its replicas.
    expect(names([])).toEqual(['DaemonSet/agent {"cpu":"50m","memory":"32Mi","nvidia.com/gpu":"1"}', 'Runner/builds {"cpu":"4","memory":"8Gi"}']);
    // A file named on the command line is read anyway, as lint reads it.
    expect(names(['vendor/jobs.yaml'])).toHaveLength(2);
    // --config replaces the configuration search: its podTemplatePaths miss the template, its
    // ignorePatterns are none.
    expect(names(['--config', 'ci/other.yaml'])).toEqual(['DaemonSet/agent {"cpu":"50m","memory":"32Mi","nvidia.com/gpu":"1"}', 'Job/crunch {"cpu":"2500m","memory":"5Gi","ephemeral-storage":"10Gi"}', 'PodTemplate/blueprint {}']);
    // --pod-template-path wins over the configuration for the same kind.
    expect(names(['--pod-template-path', 'example.com/v1/Runner=spec.elsewhere', 'runner.yaml'])).toEqual([]);
    // Standard input is configured from --stdin-filename.
    expect(names(['-', '--stdin-filename', 'runner.yaml'], runner)).toEqual(['Runner/builds {"cpu":"4","memory":"8Gi"}']);
    expect(names(['-', '--stdin-filename', 'runner.yaml', '--config', 'ci/other.yaml'], runner)).toEqual([]);

    const broken = runCli(['resources', '--config', 'missing.yaml'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^podlint: the configuration cannot be used:\n.*missing\.yaml/);
  });

  it('exits 2 on usage errors, and still lints a directory named resources as ./resources', () => {
    expect(runCli(['resources', '--format', 'sarif'])).toMatchObject({ status: 2, stderr: 'podlint: Unknown format "sarif"; use one of: table, json, markdown.\n' });
    expect(runCli(['resources', '--bogus']).status).toBe(2);
    expect(runCli(['resources', 'no/such/dir']).status).toBe(2);
    expect(runCli(['resources', '--help']).stdout).toMatch(/^Usage: podlint resources/);
    const dir = workspace({ 'resources/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: a }]\n' });
    const lint = runCli(['./resources', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(lint.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('latest-image-tag');
  });

  it('matches the example output in the README', () => {
    const run = runCli(['resources', 'examples']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(README_RESOURCES_START);
    expect(readme).toContain(README_RESOURCES_END);
    expect(readme, 'the README resources example is stale: run `npm run generate:docs`').toBe(withResourcesExample(readme, run.stdout));
  });
});
