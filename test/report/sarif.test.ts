import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ruleDocsUrl } from '../../src/docs/rule-docs.js';
import type { Finding } from '../../src/engine/finding.js';
import { configureRules } from '../../src/engine/rule-settings.js';
import { lintText } from '../../src/lint.js';
import { fileResult, type FileResult, type FormatContext } from '../../src/report/results.js';
import { formatSarif, MAX_RESULTS_PER_RUN, sarifLog, truncate, type SarifLog } from '../../src/report/sarif.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { githubSarifProblems, sarifSchemaErrors } from '../helpers/sarif.js';
import { PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

const rules = configureRules(builtinRules);
const settings = { rules, kubernetesVersion: '1.36' };

function context(root: string, extra: Partial<FormatContext> = {}): FormatContext {
  return { color: false, cwd: root, rules, repositoryRoot: root, ...extra };
}

function lint(root: string, name: string, text: string): FileResult {
  return lintText(name, text, settings, root);
}

function expectValid(log: unknown): void {
  expect(sarifSchemaErrors(log)).toEqual([]);
  expect(githubSarifProblems(log)).toEqual([]);
}

describe('--format sarif', () => {
  it('writes SARIF that validates against both schemas and meets GitHub’s upload rules', () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'pods/privileged.yaml': PRIVILEGED_POD,
      'pods/untagged.yml': UNTAGGED_POD,
      'with space/ünïcode.yaml': PRIVILEGED_POD,
      'broken.yaml': 'kind: Pod\nspec: [\n',
      'chart.yaml': 'kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n',
    });
    const run = runCli(['-f', 'sarif', '--sarif-category', 'manifests'], { cwd: dir });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValid(log);
    const [sarifRun] = log.runs;
    expect(sarifRun.automationDetails).toEqual({ id: 'manifests/' });
    expect(sarifRun.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(`${dir}/`).href);
    expect(sarifRun.results.map((result) => [result.ruleId, result.locations[0].physicalLocation.artifactLocation.uri])).toEqual([
      ['yaml-syntax', 'broken.yaml'],
      ['helm-template', 'chart.yaml'],
      ['privilege-escalation', 'pods/privileged.yaml'],
      ['privileged-container', 'pods/privileged.yaml'],
      ['latest-image-tag', 'pods/untagged.yml'],
      ['privilege-escalation', 'with%20space/%C3%BCn%C3%AFcode.yaml'],
      ['privileged-container', 'with%20space/%C3%BCn%C3%AFcode.yaml'],
    ]);
  });

  it('validates on the whole corpus of real manifests', () => {
    const run = runCli(['-f', 'sarif', 'test/fixtures/corpus']);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    expectValid(log);
  });

  it('describes every rule that ran from its meta, with GitHub’s security properties only on security rules', () => {
    const log = sarifLog([], context(REPO_ROOT));
    const descriptors = log.runs[0].tool.driver.rules;
    expect(descriptors.map((rule) => rule.id)).toEqual(rules.map(({ rule }) => rule.id));
    for (const { rule, severity } of rules) {
      const descriptor = descriptors.find((entry) => entry.id === rule.id)!;
      expect(descriptor.shortDescription.text).toBe(rule.meta.docs.description);
      expect(descriptor.fullDescription.text).toBe(rule.meta.docs.remediation);
      expect(descriptor.helpUri).toBe(ruleDocsUrl(rule.id));
      expect(descriptor.help.text).toContain(rule.meta.docs.remediation);
      expect(descriptor.help.markdown).toContain(`(${ruleDocsUrl(rule.id)})`);
      expect(descriptor.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[severity]);
      expect(descriptor.properties.precision).toBe('very-high');
      if (rule.meta.securitySeverity !== undefined) {
        expect(descriptor.properties.tags).toContain('security');
        expect(descriptor.properties['security-severity']).toBe(rule.meta.securitySeverity.toFixed(1));
      } else {
        expect(descriptor.properties.tags).not.toContain('security');
        expect(descriptor.properties).not.toHaveProperty('security-severity');
      }
    }
    expect(descriptors.find((rule) => rule.id === 'privileged-container')).toMatchObject({
      name: 'PrivilegedContainer',
      properties: { tags: ['security', 'problem'], 'security-severity': '9.0' },
    });
    // Rules turned off did not run and are not described.
    const fewer = sarifLog([], { ...context(REPO_ROOT), rules: configureRules(builtinRules, { 'latest-image-tag': 'off' }) });
    expect(fewer.runs[0].tool.driver.rules.map((rule) => rule.id)).not.toContain('latest-image-tag');
  });

  it('keeps rule texts within GitHub’s 1024 characters', () => {
    expect(truncate('word '.repeat(400), 1024).length).toBeLessThanOrEqual(1024);
    expect(truncate('word '.repeat(400), 1024)).toMatch(/word…$/);
    expect(truncate('short', 1024)).toBe('short');
  });

  it('gives each result its rule, level, 1-based region with an exclusive end, and the object and path', () => {
    const dir = workspace({ '.git/HEAD': '' });
    const log = sarifLog([lint(dir, 'k8s/pod.yaml', PRIVILEGED_POD)], context(dir));
    const result = log.runs[0].results.find((candidate) => candidate.ruleId === 'privileged-container');
    expect(result).toEqual({
      ruleId: 'privileged-container',
      ruleIndex: log.runs[0].tool.driver.rules.findIndex((rule) => rule.id === 'privileged-container'),
      level: 'error',
      message: { text: 'Container "shell" is privileged: it has every capability and access to all host devices, as root on the node.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'k8s/pod.yaml', uriBaseId: '%SRCROOT%' },
            // `privileged: true` is on line 8, columns 38-41; the end column is exclusive.
            region: { startLine: 8, startColumn: 38, endLine: 8, endColumn: 42 },
          },
          logicalLocations: [
            { kind: 'resource', name: 'debug', fullyQualifiedName: 'Pod/ops/debug' },
            {
              kind: 'property',
              name: 'spec.containers[0].securityContext.privileged',
              fullyQualifiedName: 'Pod/ops/debug:spec.containers[0].securityContext.privileged',
            },
          ],
        },
      ],
      partialFingerprints: { primaryLocationLineHash: expect.stringMatching(/^[0-9a-f]{16}:1$/) },
      properties: { apiVersion: 'v1', kind: 'Pod', namespace: 'ops', name: 'debug', path: 'spec.containers[0].securityContext.privileged' },
    });
  });

  it('uses an absolute file URI for a file outside the repository root', () => {
    const root = workspace({ '.git/HEAD': '' });
    const outside = workspace({});
    const result = lintText('pod.yaml', PRIVILEGED_POD, settings, outside);
    const log = sarifLog([result], context(root));
    expect(log.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation).toEqual({ uri: pathToFileURL(path.join(outside, 'pod.yaml')).href });
    expectValid(log);
  });

  it('finds the repository root from the linted files’ git root, else the working directory', () => {
    const repo = workspace({ '.git/HEAD': '', 'deploy/prod/pod.yaml': PRIVILEGED_POD });
    const fromSubdir = JSON.parse(runCli(['-f', 'sarif', 'pod.yaml'], { cwd: path.join(repo, 'deploy/prod') }).stdout) as SarifLog;
    expect(fromSubdir.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe('deploy/prod/pod.yaml');
    const noGit = workspace({ 'a/pod.yaml': PRIVILEGED_POD });
    const fallback = JSON.parse(runCli(['-f', 'sarif'], { cwd: noGit }).stdout) as SarifLog;
    // No .git anywhere above a temporary directory: the working directory is the root.
    expect(fallback.runs[0].originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(`${noGit}/`).href);
    expect(fallback.runs[0].results[0]!.locations[0].physicalLocation.artifactLocation.uri).toBe('a/pod.yaml');
  });

  it('keeps fingerprints through unrelated edits elsewhere in the file, and tells findings apart', () => {
    const dir = workspace({});
    const twoContainers = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: a
      image: nginx
    - name: b
      image: redis
`;
    const edited = `# A comment and a whole object inserted above the Pod.
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { mode: fast }
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  restartPolicy: Always
  containers:
    - name: a
      image: nginx
    - name: b
      image: redis
`;
    const results = (text: string) =>
      sarifLog([lint(dir, 'pod.yaml', text)], context(dir)).runs[0].results.filter((result) => result.ruleId === 'latest-image-tag');
    const before = results(twoContainers);
    const after = results(edited);
    expect(before.map((r) => r.locations[0].physicalLocation.region.startLine)).toEqual([7, 9]);
    expect(after.map((r) => r.locations[0].physicalLocation.region.startLine)).toEqual([16, 18]);
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    expect(new Set(before.map((r) => r.partialFingerprints.primaryLocationLineHash)).size).toBe(2);
  });

  it('numbers repeated identities in a file', () => {
    const dir = workspace({});
    const finding = lint(dir, 'pod.yaml', PRIVILEGED_POD).findings[0]!;
    const log = sarifLog([fileResult('pod.yaml', path.join(dir, 'pod.yaml'), [finding, finding])], context(dir));
    const [first, second] = log.runs[0].results.map((result) => result.partialFingerprints.primaryLocationLineHash);
    expect(first!.replace(/:1$/, ':2')).toBe(second);
  });

  it('leaves suppressed findings out by default, and lists them with their suppressions when asked', () => {
    const dir = workspace({ '.git/HEAD': '' });
    const [privileged] = lint(dir, 'pod.yaml', PRIVILEGED_POD).findings;
    const [untagged] = lint(dir, 'web.yaml', UNTAGGED_POD).findings;
    const directive: Finding = {
      ...privileged!,
      suppressions: [
        {
          kind: 'directive',
          reason: 'debug pod, deleted after use',
          range: { start: { line: 6, column: 6 }, end: { line: 6, column: 50 }, startOffset: 0, endOffset: 0 },
        },
      ],
    };
    const bare: Finding = { ...untagged!, suppressions: [{ kind: 'directive' }] };
    const annotation: Finding = { ...untagged!, suppressions: [{ kind: 'annotation', reason: 'pinned by digest at deploy time' }] };
    const results = [
      fileResult('pod.yaml', path.join(dir, 'pod.yaml'), [directive]),
      fileResult('web.yaml', path.join(dir, 'web.yaml'), [bare, annotation, untagged!]),
    ];
    const hidden = sarifLog(results, context(dir));
    expect(hidden.runs[0].results.map((result) => result.ruleId)).toEqual(['latest-image-tag']);

    const shown = sarifLog(results, context(dir, { includeSuppressed: true }));
    expectValid(shown);
    expect(shown.runs[0].results.map((result) => result.suppressions ?? null)).toEqual([
      [
        {
          kind: 'inSource',
          status: 'accepted',
          justification: 'debug pod, deleted after use',
          location: {
            physicalLocation: {
              artifactLocation: { uri: 'pod.yaml', uriBaseId: '%SRCROOT%' },
              region: { startLine: 7, startColumn: 7, endLine: 7, endColumn: 51 },
            },
          },
        },
      ],
      [{ kind: 'inSource', status: 'accepted' }],
      [{ kind: 'inSource', status: 'accepted', justification: 'pinned by digest at deploy time' }],
      null,
    ]);
    // Including suppressed findings does not change the fingerprints of the others.
    expect(shown.runs[0].results[3]!.partialFingerprints).toEqual(hidden.runs[0].results[0]!.partialFingerprints);
  });

  it('keeps the most severe results under GitHub’s 25,000 per run and says so in a notification', () => {
    const dir = workspace({});
    const [finding] = lint(dir, 'web.yaml', UNTAGGED_POD).findings;
    const info = Array.from({ length: MAX_RESULTS_PER_RUN }, () => ({ ...finding!, severity: 'info' as const }));
    const warnings = Array.from({ length: 7 }, () => finding!);
    const errors = Array.from({ length: 5 }, () => ({ ...finding!, severity: 'error' as const }));
    const log = sarifLog([fileResult('web.yaml', path.join(dir, 'web.yaml'), [...info, ...warnings, ...errors])], context(dir));
    const [run] = log.runs;
    expect(run.results).toHaveLength(MAX_RESULTS_PER_RUN);
    const levels = run.results.map((result) => result.level);
    expect(levels.filter((level) => level === 'error')).toHaveLength(5);
    expect(levels.filter((level) => level === 'warning')).toHaveLength(7);
    expect(levels.filter((level) => level === 'note')).toHaveLength(MAX_RESULTS_PER_RUN - 12);
    // Original order is kept: the notes first, as in the file.
    expect(levels[0]).toBe('note');
    expect(levels.at(-1)).toBe('error');
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: expect.stringContaining('12 less severe results were left out') } },
    ]);
    expect(githubSarifProblems(log)).toEqual([]);
  });

  it('writes a SARIF file next to another format with --sarif-file', () => {
    const dir = workspace({ '.git/HEAD': '', 'pod.yaml': PRIVILEGED_POD });
    const empty = workspace({});
    expect(runCli(['-f', 'unix', '--sarif-file', 'out/podlint.sarif'], { cwd: empty })).toEqual({ status: 0, stdout: '', stderr: '' });
    const none = JSON.parse(readFileSync(path.join(empty, 'out/podlint.sarif'), 'utf8')) as SarifLog;
    expectValid(none);
    expect(none.runs[0].results).toEqual([]);
    const both = runCli(['-f', 'unix', '--sarif-file', 'podlint.sarif', '--sarif-category', 'k8s/prod/nightly'], { cwd: dir });
    expect(both.status).toBe(1);
    expect(both.stdout).toBe('pod.yaml:8:7: warning: Container "shell" can always escalate privileges: it is privileged. [privilege-escalation]\n' + 'pod.yaml:8:38: error: Container "shell" is privileged: it has every capability and access to all host devices, as root on the node. [privileged-container]\n');
    const log = JSON.parse(readFileSync(path.join(dir, 'podlint.sarif'), 'utf8')) as SarifLog;
    expectValid(log);
    // An id with a slash is kept: GitHub reads "k8s/prod" as the category, "nightly" as the run.
    expect(log.runs[0].automationDetails).toEqual({ id: 'k8s/prod/nightly' });
    expect(log.runs[0].results.map((result) => result.ruleId)).toEqual(['privilege-escalation', 'privileged-container']);
  });

  it('ends with a newline and never colours', () => {
    const dir = workspace({});
    expect(formatSarif([lint(dir, 'pod.yaml', PRIVILEGED_POD)], context(dir, { color: true }))).toMatch(/^\{\n[\s\S]*\}\n$/);
    expect(runCli(['-f', 'sarif', '--color'], { cwd: workspace({ 'pod.yaml': PRIVILEGED_POD }) }).stdout).not.toContain('\u001b[');
  });
});
