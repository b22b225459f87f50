import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main-run.js';
import { repoWorkspace, UNTAGGED_POD } from '../helpers/workspace.js';

// `podlint` and `podlint resources` take the same input flags and read the same files.
describe('the inputs of lint and resources', () => {
  const dir = repoWorkspace({
    '.gitignore': 'generated/\n',
    '.podlint.yaml': 'ignorePatterns: ["vendor/**"]\n',
    'apps/web.yaml': UNTAGGED_POD,
    'apps/skip.yaml': UNTAGGED_POD,
    'generated/out.yaml': UNTAGGED_POD,
    'vendor/lib.yaml': UNTAGGED_POD,
    'vendor/named.yaml': UNTAGGED_POD,
  });

  const linted = async (args: string[]) =>
    (JSON.parse((await runMain(['-f', 'json', ...args], { cwd: dir })).stdout) as { filePath: string }[]).map((result) => path.relative(dir, result.filePath)).sort();
  const reported = async (args: string[]) =>
    [...new Set((JSON.parse((await runMain(['resources', '-f', 'json', ...args], { cwd: dir })).stdout) as { filePath: string }[]).map((entry) => entry.filePath))].sort();

  it('honour .gitignore, ignorePatterns, --ignore-pattern and files named on the command line alike', async () => {
    for (const args of [['.'], ['--ignore-pattern', 'apps/skip.yaml', '.', 'vendor/named.yaml'], ['--no-gitignore', 'apps', 'generated']]) {
      expect(await reported(args), args.join(' ')).toEqual(await linted(args));
    }
    expect(await linted(['--ignore-pattern', 'apps/skip.yaml', '.', 'vendor/named.yaml'])).toEqual(['apps/web.yaml', 'vendor/named.yaml']);
  });

  it('reject the same misuse of standard input', async () => {
    for (const args of [['-', 'apps'], ['--stdin-filename', 'x.yaml', 'apps']]) {
      const lint = await runMain(args, { cwd: dir });
      const resources = await runMain(['resources', ...args], { cwd: dir });
      expect([lint.status, resources.status]).toEqual([2, 2]);
      expect(resources.stderr).toBe(lint.stderr);
    }
  });

  it('name standard input with --stdin-filename', async () => {
    const lint = await runMain(['-f', 'json', '-', '--stdin-filename', 'apps/piped.yaml'], { cwd: dir, stdin: UNTAGGED_POD });
    const resources = await runMain(['resources', '-f', 'json', '-', '--stdin-filename', 'apps/piped.yaml'], { cwd: dir, stdin: UNTAGGED_POD });
    expect((JSON.parse(lint.stdout) as { filePath: string }[])[0]!.filePath).toBe(path.join(dir, 'apps/piped.yaml'));
    expect((JSON.parse(resources.stdout) as { filePath: string }[])[0]!.filePath).toBe('apps/piped.yaml');
  });
});
