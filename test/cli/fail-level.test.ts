import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { CLEAN_POD, PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

describe('--fail-level', () => {
  it('exits 1 on findings at or over the level: error by default, then warning, then info', () => {
    const warningsOnly = workspace({ 'web.yaml': UNTAGGED_POD });
    expect(runCli(['-f', 'unix'], { cwd: warningsOnly }).status).toBe(0);
    expect(runCli(['-f', 'unix', '--fail-level', 'error'], { cwd: warningsOnly }).status).toBe(0);
    expect(runCli(['-f', 'unix', '--fail-level', 'warning'], { cwd: warningsOnly }).status).toBe(1);
    expect(runCli(['-f', 'unix', '--fail-level', 'info'], { cwd: warningsOnly }).status).toBe(1);
    const errors = workspace({ 'pod.yaml': PRIVILEGED_POD });
    expect(runCli(['-f', 'unix', '--fail-level', 'warning'], { cwd: errors }).status).toBe(1);
    const clean = workspace({ 'ok.yaml': CLEAN_POD });
    expect(runCli(['--fail-level', 'info'], { cwd: clean }).status).toBe(0);
  });

  it('works with --max-warnings, and rejects an unknown level as a usage error', () => {
    const dir = workspace({ 'a.yaml': UNTAGGED_POD, 'b.yaml': UNTAGGED_POD });
    expect(runCli(['--max-warnings', '1'], { cwd: dir }).status).toBe(1);
    expect(runCli(['--fail-level', 'error', '--max-warnings', '2'], { cwd: dir }).status).toBe(0);
    const bad = runCli(['--fail-level', 'fatal'], { cwd: dir });
    expect(bad).toEqual({ status: 2, stdout: '', stderr: 'podlint: --fail-level needs one of error, warning, info, got "fatal".\n' });
  });
});
