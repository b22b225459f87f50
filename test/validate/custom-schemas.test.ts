import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { parsePodTemplatePaths } from '../../src/k8s/kinds.js';
import { configureRules } from '../../src/engine/rule-settings.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/lint.js';
import { loadSchemaDirs } from '../../src/validate/custom-schemas.js';
import { at } from '../helpers/lint.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';

const SCHEMA_DIR = 'test/fixtures/schema-dirs';

function lint(text: string, options: { podTemplatePaths?: string[] } = {}): Finding[] {
  const settings = {
    rules: configureRules(builtinRules, { 'unknown-kind': 'info' }),
    kubernetesVersion: '1.36',
    customSchemas: loadSchemaDirs([SCHEMA_DIR], REPO_ROOT),
    ...(options.podTemplatePaths ? { podTemplatePaths: parsePodTemplatePaths(options.podTemplatePaths) } : {}),
  };
  return [...lintText('custom.yaml', text, settings, REPO_ROOT).findings];
}

const view = (findings: Finding[]) => findings.map((finding) => `${at(finding)} ${finding.ruleId} ${finding.message}`);

const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata: { name: w }
spec:
  size: "2"
  port: http
  mode: slow
  colour: red
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext: { privileged: true }
`;

describe('--schema-dir', () => {
  it('validates a custom kind strictly against its CRD schema, per served version', () => {
    const findings = lint(WIDGET);
    expect(view(findings)).toEqual([
      '5:9-5:12 schema-validation spec.size must be an integer, not a string ("2"); remove the quotes',
      '7:9-7:13 schema-validation spec.mode: Unsupported value: "slow": supported values: "fast", "safe"',
      '8:3-8:9 schema-validation unknown field "colour" in spec; allowed fields: "mode", "port", "size", "template"',
    ]);
    expect(view(lint('apiVersion: example.com/v2\nkind: Widget\nmetadata: { name: w }\nspec: { replicas: 2, size: 1 }\n'))).toEqual([
      '4:22-4:26 schema-validation unknown field "size" in spec; allowed fields: "replicas"',
    ]);
  });

  it("reports a custom schema's own bounds, not the int32 bounds of built-in fields", () => {
    expect(view(lint('apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\nspec: { size: 0 }\n'))).toEqual([
      '4:15-4:16 schema-validation spec.size must be at least 1, not 0',
    ]);
  });

  it('keys a JSON Schema file by its kubeconform-style name', () => {
    expect(view(lint('apiVersion: example.org/v1alpha1\nkind: Gadget\nmetadata: { name: g }\nspec: { color: blue, counts: 2 }\n'))).toEqual([
      '4:22-4:28 schema-validation unknown field "counts" in spec; did you mean "count"?',
    ]);
  });

  it('leaves other custom kinds to unknown-kind', () => {
    expect(view(lint('apiVersion: example.net/v1\nkind: Thing\nmetadata: { name: t }\n'))).toEqual([
      '2:7-2:12 unknown-kind No schema for example.net/v1 Thing (a custom resource?): it is not validated; add its CRD or JSON Schema with --schema-dir.',
    ]);
  });

  it('runs the pod rules on a custom kind configured with the path to its pod template', () => {
    const ruleIds = (findings: Finding[]) => findings.map((finding) => finding.ruleId);
    expect(ruleIds(lint(WIDGET))).not.toContain('privileged-container');
    const findings = lint(WIDGET, { podTemplatePaths: ['example.com/v1/Widget=spec.template'] });
    expect(view(findings.filter((finding) => finding.ruleId === 'privileged-container'))).toEqual([
      '14:42-14:46 privileged-container Container "app" is privileged: it has every capability and access to all host devices, as root on the node.',
    ]);
  });
});

describe('the CLI schema options', () => {
  it('takes --schema-dir and --pod-template-path', () => {
    const run = runCli(['-', '--schema-dir', SCHEMA_DIR, '--pod-template-path', 'example.com/v1/Widget=spec.template', '-f', 'json'], { input: WIDGET });
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string }[] }[];
    const ruleIds = result!.messages.map((message) => message.ruleId);
    expect(ruleIds.filter((id) => id === 'schema-validation')).toHaveLength(3);
    expect(ruleIds).toContain('privileged-container');
  });

  it('exits 2 with a one-line message for a missing schema dir or a malformed template path', () => {
    const missing = runCli(['examples', '--schema-dir', 'no/such/dir']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('podlint: --schema-dir no/such/dir: no such file or directory.\n');
    const malformed = runCli(['examples', '--pod-template-path', 'spec.template']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toMatch(/^podlint: --pod-template-path needs <apiVersion>\/<kind>=<path>/);
  });

  it('checks against the version given with --kubernetes-version', () => {
    const text = 'apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata: { name: w }\nspec: { podGroupTemplates: [] }\n';
    expect(runCli(['-', '--kubernetes-version', '1.36'], { input: text }).status).toBe(0);
    const old = runCli(['-', '--kubernetes-version', '1.34'], { input: text });
    expect(old.status).toBe(1);
    expect(old.stdout).toContain('is not served by Kubernetes 1.34');
  });
});

describe('lazy validators', () => {
  it('loads only the compiled chunks a kind reaches: a ConfigMap never loads the PodSpec validator', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { loadValidator } = await import(${JSON.stringify(path.join(REPO_ROOT, 'dist/src/validate/load-validator.js'))});
      const require = createRequire(import.meta.url);
      const chunks = () => Object.keys(require.cache).filter((file) => file.includes('validators')).length;
      loadValidator('1.36', 'v1', 'ConfigMap');
      const configMap = chunks();
      const validate = loadValidator('1.36', 'v1', 'Pod');
      console.log(JSON.stringify({ configMap, pod: chunks(), valid: validate({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a' }] } }) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const counts = JSON.parse(run.stdout) as { configMap: number; pod: number; valid: boolean };
    expect(counts.configMap).toBeGreaterThan(0);
    expect(counts.pod).toBeGreaterThan(counts.configMap + 5);
    expect(counts.valid).toBe(true);
  });

  it('compiles the committed schemas at run time where dist/ was not built (the bundle), with the same findings', () => {
    const pkg = mkdtempSync(path.join(tmpdir(), 'podlint-bundle-'));
    try {
      for (const file of ['package.json', 'bin/podlint.js', 'action/index.mjs', 'schemas']) {
        cpSync(path.join(REPO_ROOT, file), path.join(pkg, file), { recursive: true });
      }
      const fixture = 'test/fixtures/rules/schema-validation.yaml';
      const bundled = spawnSync(process.execPath, [path.join(pkg, 'bin/podlint.js'), '-f', 'unix', fixture], { cwd: REPO_ROOT, encoding: 'utf8' });
      const built = runCli(['-f', 'unix', fixture]);
      expect(bundled.stderr).toBe('');
      expect(bundled.stdout).toContain('schema-validation');
      expect(bundled.stdout).toBe(built.stdout);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});
