import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUNDLE, buildAction, NOTICES } from '../../scripts/build-action.mjs';
import { ACTION_INPUTS, ACTION_OUTPUTS, cliArguments, readInputs } from '../../src/action/run.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { githubSarifProblems, sarifSchemaErrors } from '../helpers/sarif.js';
import { CLEAN_POD, PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

const STALE = 'is stale: run `npm run build:action` and commit the result';

interface ActionYaml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}

const actionYaml = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml;

/** Parses GITHUB_OUTPUT's `name<<delimiter` blocks. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2\n/gm)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/** Runs the committed bundle as the Actions runner does: `node action/index.mjs` with INPUT_* set. */
function runBundle(workspaceDir: string, inputs: Record<string, string>) {
  const summary = path.join(workspaceDir, '.summary.md');
  const outputs = path.join(workspaceDir, '.outputs');
  writeFileSync(summary, '');
  writeFileSync(outputs, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, GITHUB_WORKSPACE: workspaceDir, GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: outputs };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, actionYaml.runs.main)], { cwd: workspaceDir, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, summary: readFileSync(summary, 'utf8'), outputs: readOutputs(outputs) };
}

/** The inputs with action.yml's defaults, as the runner passes them. */
function withDefaults(inputs: Record<string, string>): Record<string, string> {
  const all: Record<string, string> = {};
  for (const [name, input] of Object.entries(actionYaml.inputs)) all[name] = input.default ?? '';
  return { ...all, ...inputs };
}

describe('GitHub Action', () => {
  it('the committed bundle and its notices equal a fresh build', async () => {
    const fresh = await buildAction();
    expect(readFileSync(path.join(REPO_ROOT, BUNDLE), 'utf8') === fresh.bundle, `${BUNDLE} ${STALE}`).toBe(true);
    expect(readFileSync(path.join(REPO_ROOT, NOTICES), 'utf8'), `${NOTICES} ${STALE}`).toBe(fresh.notices);
  });

  it('action.yml runs the bundle on node24 and declares exactly the inputs and outputs the code uses', () => {
    expect(actionYaml.runs).toEqual({ using: 'node24', main: BUNDLE });
    expect(Object.keys(actionYaml.inputs).sort()).toEqual([...ACTION_INPUTS].sort());
    expect(Object.keys(actionYaml.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
  });

  it('turns inputs into podlint’s command line', () => {
    const env = {
      'INPUT_PATHS': ' k8s\n  charts/*.yaml  ',
      'INPUT_FORMAT': 'github',
      'INPUT_SARIF-FILE': 'out.sarif',
      'INPUT_KUBERNETES-VERSION': '1.35',
      'INPUT_FAIL-LEVEL': 'warning',
      'INPUT_MAX-WARNINGS': '3',
      'INPUT_CONFIG': '',
    };
    expect(cliArguments(readInputs(env))).toEqual([
      '--format', 'github', '--fail-level', 'warning', '--sarif-file', 'out.sarif', '--kubernetes-version', '1.35', '--max-warnings', '3', '--', 'k8s', 'charts/*.yaml',
    ]);
    expect(cliArguments(readInputs({}))).toEqual(['--format', 'github', '--', '.']);
  });

  it('runs under node with GITHUB_STEP_SUMMARY set: annotations, a summary, SARIF and outputs', () => {
    const dir = workspace({ '.git/HEAD': '', 'deploy/pod.yaml': PRIVILEGED_POD, 'deploy/web.yaml': UNTAGGED_POD, 'deploy/ok.yaml': CLEAN_POD });
    const run = runBundle(dir, withDefaults({ 'working-directory': 'deploy', 'sarif-category': 'podlint' }));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^::warning file=deploy\/pod\.yaml,line=8,col=7,endLine=8,endColumn=21,title=podlint privilege-escalation::/),
      expect.stringMatching(/^::error file=deploy\/pod\.yaml,line=8,col=38,endLine=8,endColumn=41,title=podlint privileged-container::Container "shell" is privileged/),
      expect.stringMatching(/^::warning file=deploy\/web\.yaml,line=7,col=14,endLine=7,endColumn=18,title=podlint latest-image-tag::/),
    ]);
    expect(run.summary).toContain('**1 error, 2 warnings, 0 info** in 2 of 3 files.');
    expect(run.summary).toContain('| ❌ error | deploy/pod.yaml:8:38 | `privileged-container` |');
    // The resources table, from the same run, names files as the findings do (from the repository root).
    expect(run.summary).toContain('\n### Resources\n');
    expect(run.summary).toContain('| `Pod/debug`<br>deploy/pod.yaml:1 | `ops` | Burstable | 1 | 100m / — | 64Mi / 64Mi | 100m / — | 64Mi / 64Mi |');
    expect(run.summary).toContain('| **all** | 3 | cpu | 300m | — |');
    const sarifFile = path.join(dir, 'deploy/podlint.sarif');
    expect(run.outputs).toEqual({ 'sarif-file': sarifFile, 'error-count': '1', 'warning-count': '2', 'info-count': '0' });
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(githubSarifProblems(log)).toEqual([]);
    expect(log.runs[0].automationDetails).toEqual({ id: 'podlint/' });
    expect(log.runs[0].results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['deploy/pod.yaml', 'deploy/pod.yaml', 'deploy/web.yaml']);
  });

  it('passes on clean files, fails on warnings when fail-level is warning, and exits 2 on a bad input', () => {
    const clean = workspace({ '.git/HEAD': '', 'ok.yaml': CLEAN_POD });
    const passed = runBundle(clean, withDefaults({ 'sarif-file': '' }));
    expect([passed.status, passed.stdout]).toEqual([0, '']);
    expect(passed.outputs).toEqual({ 'sarif-file': '', 'error-count': '0', 'warning-count': '0', 'info-count': '0' });
    expect(passed.summary).toContain('✅ No problems in 1 file.');

    const warnings = workspace({ '.git/HEAD': '', 'web.yaml': UNTAGGED_POD });
    expect(runBundle(warnings, withDefaults({})).status).toBe(0);
    expect(runBundle(warnings, withDefaults({ 'fail-level': 'warning' })).status).toBe(1);

    const bad = runBundle(warnings, withDefaults({ 'kubernetes-version': '1.20' }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^podlint: Unsupported Kubernetes version "1\.20"/);
  });

  it('reads the configuration file the config input names, relative to working-directory', () => {
    const dir = workspace({
      '.git/HEAD': '',
      'deploy/.podlint.yaml': 'rules: { latest-image-tag: error }\n',
      'deploy/podlint.ci.yaml': 'failLevel: warning\nrules: { privileged-container: off }\nignorePatterns: ["skip/"]\n',
      'deploy/pod.yaml': PRIVILEGED_POD,
      'deploy/web.yaml': UNTAGGED_POD,
      'deploy/skip/web.yaml': UNTAGGED_POD,
    });
    // Without the input, the nearest .podlint.yaml applies: latest-image-tag is an error.
    const nearest = runBundle(dir, withDefaults({ 'working-directory': 'deploy', 'sarif-file': '' }));
    expect(nearest.outputs).toMatchObject({ 'error-count': '3', 'warning-count': '1' });
    // With it, that file (ignorePatterns relative to it) is the configuration of every file.
    const run = runBundle(dir, withDefaults({ 'working-directory': 'deploy', config: 'podlint.ci.yaml', 'sarif-file': '' }));
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('privileged-container');
    expect(run.stdout).not.toContain('skip/web.yaml');
    expect(run.outputs).toMatchObject({ 'error-count': '0', 'warning-count': '2' });
    expect(run.status).toBe(1);
    const missing = runBundle(dir, withDefaults({ 'working-directory': 'deploy', config: 'absent.yaml' }));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^podlint: the configuration cannot be used:\n.*absent\.yaml/);
  });

  it('serves as the CLI where dist/ was not built', () => {
    // A git install without dev dependencies has no dist/: bin/podlint.js runs the bundle.
    const dir = workspace({ 'pod.yaml': PRIVILEGED_POD });
    const pkg = path.join(dir, 'pkg');
    for (const file of ['package.json', 'bin/podlint.js', BUNDLE]) {
      mkdirSync(path.dirname(path.join(pkg, file)), { recursive: true });
      copyFileSync(path.join(REPO_ROOT, file), path.join(pkg, file));
    }
    const run = spawnSync(process.execPath, [path.join(pkg, 'bin/podlint.js'), '-f', 'unix', 'pod.yaml'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^pod\.yaml:8:38: error: Container "shell" is privileged/m);
    expect(run.status).toBe(1);
    const version = spawnSync(process.execPath, [path.join(pkg, 'bin/podlint.js'), '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
});
