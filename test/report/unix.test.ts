import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatUnix } from '../../src/report/unix.js';
import { fileResult, type FormatContext } from '../../src/report/results.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

interface Matcher {
  regexp: string;
  file: number;
  line: number;
  column: number;
  severity: number;
  message: number;
  code: number;
}

const matcher = (
  JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs/vscode/tasks.json'), 'utf8')) as { tasks: { problemMatcher: { pattern: Matcher } }[] }
).tasks[0]!.problemMatcher.pattern;

describe('--format unix', () => {
  it('prints file:line:col: severity: message [rule-id], one finding a line', () => {
    const dir = workspace({ 'a/pod.yaml': PRIVILEGED_POD, 'web.yaml': UNTAGGED_POD });
    const run = runCli(['-f', 'unix', '--color'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      'a/pod.yaml:8:7: warning: Container "shell" can always escalate privileges: it is privileged. [privilege-escalation]\n' +
        'a/pod.yaml:8:38: error: Container "shell" is privileged: it has every capability and access to all host devices, as root on the node. [privileged-container]\n' +
        'web.yaml:7:14: warning: Container "web" has no tag on "nginx", which means latest. [latest-image-tag]\n',
    );
  });

  it('keeps a multi-line message on one line and skips suppressed findings', () => {
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 }, startOffset: 0, endOffset: 1 };
    const base = { ruleId: 'yaml-syntax', severity: 'error' as const, filePath: 'x.yaml', range };
    const context = { color: false, cwd: '/', rules: [], repositoryRoot: '/' } satisfies FormatContext;
    const output = formatUnix(
      [fileResult('x.yaml', '/x.yaml', [{ ...base, message: 'Bad YAML\n  at line 1:\n\n  x: [' }, { ...base, message: 'hidden', suppressions: [{ kind: 'directive' }] }])],
      context,
    );
    expect(output).toBe('x.yaml:1:1: error: Bad YAML at line 1: x: [ [yaml-syntax]\n');
  });

  it('is read by the VS Code problem matcher in docs/vscode/tasks.json', () => {
    const run = runCli(['-f', 'unix', 'examples']);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    const regexp = new RegExp(matcher.regexp);
    const parsed = lines.map((line) => {
      const match = regexp.exec(line);
      expect(match, line).not.toBeNull();
      return {
        file: match![matcher.file],
        line: Number(match![matcher.line]),
        column: Number(match![matcher.column]),
        severity: match![matcher.severity],
        code: match![matcher.code],
        message: match![matcher.message],
      };
    });
    const json = JSON.parse(runCli(['-f', 'json', 'examples']).stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; severityName: string; message: string }[] }[];
    const expected = json.flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(REPO_ROOT, result.filePath),
        line: message.line,
        column: message.column,
        severity: message.severityName,
        code: message.ruleId,
        message: message.message,
      })),
    );
    expect(parsed).toEqual(expected);
  });
});
