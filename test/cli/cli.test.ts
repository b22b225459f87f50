import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { CLEAN_POD as CLEAN, PRIVILEGED_POD as PRIVILEGED, UNTAGGED_POD as UNTAGGED, workspace } from '../helpers/workspace.js';

describe('podlint CLI', () => {
  it('lints the bundled examples: findings, exit code 1, stylish output grouped per file', () => {
    const run = runCli(['examples']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/examples\/node-debug\.yaml\n(?:  .*\n)*  16:21 +error +Container "shell" is privileged: .* privileged-container\n/);
    expect(run.stdout).toMatch(/examples\/cache\.json\n(?:  .*\n)*  18:58 +warning +Container "redis" sets REDIS_PASSWORD to a literal value.* secret-in-env-value\n/);
    expect(run.stdout).not.toContain('examples/web.yaml');
    expect(run.stdout).not.toContain('\u001b['); // not a terminal: no colour
  });

  it('exits 0 on clean input and prints nothing', () => {
    const dir = workspace({ 'ok.yaml': CLEAN });
    expect(runCli([], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('writes ESLint-shaped JSON with 1-based positions and an exclusive end column', () => {
    const dir = workspace({ 'pod.yaml': PRIVILEGED });
    const run = runCli(['--format', 'json', '.'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        filePath: path.join(dir, 'pod.yaml'),
        messages: [
          {
            ruleId: 'privilege-escalation',
            severity: 1,
            severityName: 'warning',
            message: 'Container "shell" can always escalate privileges: it is privileged.',
            line: 8,
            column: 7,
            endLine: 8,
            endColumn: 22,
            kind: 'Pod',
            name: 'debug',
            namespace: 'ops',
          },
          {
            ruleId: 'privileged-container',
            severity: 2,
            severityName: 'error',
            message: 'Container "shell" is privileged: it has every capability and access to all host devices, as root on the node.',
            line: 8,
            column: 38,
            endLine: 8,
            endColumn: 42,
            kind: 'Pod',
            name: 'debug',
            namespace: 'ops',
          },
        ],
        suppressedMessages: [],
        errorCount: 1,
        warningCount: 1,
        infoCount: 0,
        suppressedCount: 0,
        fatalErrorCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
      },
    ]);
  });

  it('reads standard input for "-" and names it with --stdin-filename', () => {
    const run = runCli(['-', '--stdin-filename', 'manifests/pod.yaml', '-f', 'json'], { input: UNTAGGED });
    expect(run.status).toBe(0); // warnings only
    const [result] = JSON.parse(run.stdout) as [{ filePath: string; messages: { ruleId: string; line: number }[] }];
    expect(result.filePath).toBe(path.join(REPO_ROOT, 'manifests/pod.yaml'));
    expect(result.messages.map((message) => [message.ruleId, message.line])).toEqual([['latest-image-tag', 7]]);
  });

  it('fails on warnings over --max-warnings, and --quiet drops warnings', () => {
    const dir = workspace({ 'a.yaml': UNTAGGED, 'b.yaml': UNTAGGED });
    expect(runCli(['--max-warnings', '2'], { cwd: dir }).status).toBe(0);
    const over = runCli(['--max-warnings', '1'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stdout).toContain('2 problems (0 errors, 2 warnings)');
    expect(runCli(['--quiet'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('writes the report to --output-file', () => {
    const dir = workspace({ 'pod.yaml': PRIVILEGED });
    const run = runCli(['-o', 'report.json', '-f', 'json', 'pod.yaml'], { cwd: dir });
    expect(run).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))[0].errorCount).toBe(1);
  });

  it('colours only when asked: FORCE_COLOR, --color, and NO_COLOR or --no-color against it', () => {
    const dir = workspace({ 'pod.yaml': PRIVILEGED });
    expect(runCli([], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror');
    expect(runCli(['--color'], { cwd: dir }).stdout).toContain('\u001b[');
    expect(runCli(['--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(runCli([], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
  });

  it('walks directories for .yaml, .yml and .json, honouring .gitignore and --ignore-pattern', () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'generated/\n*.local.yaml\n',
      'a.yml': PRIVILEGED,
      'deep/b.json': JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'x', image: 'x', securityContext: { privileged: true } }] } }),
      'generated/c.yaml': PRIVILEGED,
      'd.local.yaml': PRIVILEGED,
      'vendor/e.yaml': PRIVILEGED,
      'vendor/.gitignore': '!*.yaml\nskip.yaml\n',
      'vendor/skip.yaml': PRIVILEGED,
      'node_modules/f.yaml': PRIVILEGED,
      'notes.txt': PRIVILEGED,
    });
    const files = (args: string[]) =>
      (JSON.parse(runCli(['-f', 'json', ...args], { cwd: dir }).stdout) as { filePath: string }[])
        .map((result) => path.relative(dir, result.filePath))
        .sort();
    expect(files([])).toEqual(['a.yml', 'deep/b.json', 'vendor/e.yaml']);
    expect(files(['--ignore-pattern', 'vendor/', '--ignore-pattern', '*.json'])).toEqual(['a.yml']);
    expect(files(['--no-gitignore'])).toContain('generated/c.yaml');
    // A file named explicitly is linted even when ignored.
    expect(files(['generated/c.yaml'])).toEqual(['generated/c.yaml']);
    // Globs expand, and honour ignores.
    expect(files(['**/*.yaml'])).toEqual(['vendor/e.yaml']);
  });

  it('decides as git does: the deepest .gitignore that matches wins, and an excluded directory stays excluded', () => {
    const dir = workspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': '*.gen.yaml\nbuild/\n',
      'sub/.gitignore': '!keep.gen.yaml\n',
      'sub/keep.gen.yaml': CLEAN,
      'sub/drop.gen.yaml': CLEAN,
      'build/.gitignore': '!*.yaml\n',
      'build/out.yaml': CLEAN,
      'a.yaml': CLEAN,
    });
    const found = (JSON.parse(runCli(['-f', 'json'], { cwd: dir }).stdout) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath)).sort();
    expect(found).toEqual(['a.yaml', 'sub/keep.gen.yaml']);
  });

  it('reports unreadable and templated files as findings and goes on', () => {
    const dir = workspace({
      'binary.yaml': Buffer.from([0x00, 0x01, 0x02]),
      'chart.yaml': 'kind: Pod\nmetadata:\n  name: {{ .Release.Name }}\n',
      'broken.yaml': 'kind: Pod\nspec: [\n',
      'pod.yaml': PRIVILEGED,
    });
    const run = runCli(['-f', 'json'], { cwd: dir });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(results.map((result) => [path.basename(result.filePath), result.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)])).toEqual([
      ['binary.yaml', ['invalid-encoding@1:1']],
      ['broken.yaml', ['yaml-syntax@3:1']],
      ['chart.yaml', ['helm-template@3:9']],
      ['pod.yaml', ['privilege-escalation@8:7', 'privileged-container@8:38']],
    ]);
  });

  it('exits 2 with a one-line message on usage errors', () => {
    for (const args of [['does-not-exist.yaml'], ['--bogus'], ['-f', 'xml', 'examples'], ['--max-warnings', 'many'], ['nothing/**/*.yaml'], ['--kubernetes-version', '1.20']]) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^podlint: /);
    }
    expect(runCli(['does-not-exist.yaml']).stderr).toBe('podlint: No such file or directory: does-not-exist.yaml\n');
  });

  it('lists every rule with its default severity and description', () => {
    const run = runCli(['--list-rules']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(builtinRules.length);
    expect(lines).toContainEqual(expect.stringMatching(/^privileged-container\s+error\s+Forbid privileged containers/));
    expect(lines).toContainEqual(expect.stringMatching(/^latest-image-tag\s+warning\s+Require images pinned/));
  });

  it('prints help and version', () => {
    expect(runCli(['--help']).stdout).toMatch(/^Usage: podlint/);
    expect(runCli(['--version']).stdout.trim()).toBe(JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });
});
