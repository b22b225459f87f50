import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main-run.js';
import { PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

// --quiet prints errors only; what the run decides (exit code, counts, side reports) is the same
// as without it.
describe('--quiet', () => {
  it('keeps the exit code of --fail-level warning and --max-warnings 0', async () => {
    const dir = workspace({ 'web.yaml': UNTAGGED_POD });
    for (const flags of [['--fail-level', 'warning'], ['--max-warnings', '0']]) {
      const loud = await runMain(['-f', 'unix', ...flags, 'web.yaml'], { cwd: dir });
      const quiet = await runMain(['-f', 'unix', '--quiet', ...flags, 'web.yaml'], { cwd: dir });
      expect(loud.status, flags.join(' ')).toBe(1);
      expect(quiet.status, flags.join(' ')).toBe(1);
      expect(loud.stdout).toMatch(/warning: .*\[latest-image-tag\]/);
      expect(quiet.stdout).toBe('');
    }
  });

  it('hands every finding to onResults and the side reports, and prints only the errors', async () => {
    const dir = workspace({ 'web.yaml': UNTAGGED_POD, 'pod.yaml': PRIVILEGED_POD });
    const run = await runMain(['-f', 'unix', '--quiet', '--sarif-file', 'out.sarif', '--summary', 'summary.md', '.'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').every((line) => line.includes(': error: '))).toBe(true);
    expect(run.stdout).not.toContain('latest-image-tag');
    const count = (key: 'errorCount' | 'warningCount') => run.results!.reduce((sum, result) => sum + result[key], 0);
    expect(count('warningCount')).toBeGreaterThan(0);
    expect(count('errorCount')).toBeGreaterThan(0);
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')) as { runs: [{ results: { ruleId: string }[] }] };
    expect(sarif.runs[0].results.map((result) => result.ruleId)).toContain('latest-image-tag');
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('latest-image-tag');
  });
});
