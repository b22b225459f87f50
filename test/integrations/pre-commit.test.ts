import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { CLEAN_POD, PRIVILEGED_POD } from '../helpers/workspace.js';

// The real pre-commit, end to end: a user's repository points .pre-commit-config.yaml at a git
// copy of this working tree (so uncommitted work is tested too), commits a bad manifest and sees
// the hook fail with podlint's findings, then commits a good one. .ci/run installs pre-commit
// (Debian's 3.0.x); in CI a missing pre-commit fails this test, locally it is skipped.

const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
const PRE_COMMIT = preCommitVersion.status === 0 ? preCommitVersion.stdout.trim() : undefined;
const MISSING = 'pre-commit is not installed (.ci/run installs it with apt-get install pre-commit)';

/** The environment without what `npm test` adds (npm_config_* would steer the hook's own npm). */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|NPM_CONFIG_|INIT_CWD$|GITHUB_STEP_SUMMARY$)/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    GIT_AUTHOR_NAME: 'podlint test',
    GIT_AUTHOR_EMAIL: 'test@podlint.invalid',
    GIT_COMMITTER_NAME: 'podlint test',
    GIT_COMMITTER_EMAIL: 'test@podlint.invalid',
    GIT_CONFIG_NOSYSTEM: '1',
    ...extra,
  };
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function mustRun(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const result = run(command, args, cwd, env);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A git repository holding this working tree as it is now: tracked and new files, not ignored ones. */
function gitCopyOfWorkingTree(dir: string, env: NodeJS.ProcessEnv): string {
  const files = mustRun('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], REPO_ROOT, env).split('\0').filter(Boolean);
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(from, path.join(dir, file));
  }
  mustRun('git', ['init', '-q', '-b', 'main'], dir, env);
  mustRun('git', ['add', '-A'], dir, env);
  mustRun('git', ['commit', '-q', '--no-verify', '-m', 'podlint working tree'], dir, env);
  return mustRun('git', ['rev-parse', 'HEAD'], dir, env).trim();
}

describe('pre-commit hook', () => {
  if (!PRE_COMMIT && !IN_CI) {
    console.warn(`Skipping the pre-commit end-to-end test: ${MISSING}.`);
    it.skip(`fails a commit with podlint's findings and passes a good one (skipped: ${MISSING})`, () => {});
  } else {
    it("fails a commit with podlint's findings and passes a good one, with the real pre-commit", { timeout: 300_000 }, () => {
      if (!PRE_COMMIT) throw new Error(`${MISSING}; CI must run this test.`);
      const base = mkdtempSync(path.join(tmpdir(), 'podlint-pre-commit-'));
      const env = cleanEnv({ PRE_COMMIT_HOME: path.join(base, 'cache') });
      const hookRepo = path.join(base, 'podlint');
      const rev = gitCopyOfWorkingTree(hookRepo, env);

      const user = path.join(base, 'user');
      mkdirSync(user);
      mustRun('git', ['init', '-q', '-b', 'main'], user, env);
      writeFileSync(path.join(user, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: podlint\n`);
      mustRun('pre-commit', ['install'], user, env);

      mkdirSync(path.join(user, 'k8s'));
      writeFileSync(path.join(user, 'k8s/debug.yaml'), PRIVILEGED_POD);
      mustRun('git', ['add', '-A'], user, env);
      const bad = run('git', ['commit', '-m', 'add a privileged pod'], user, env);
      const badOutput = bad.stdout + bad.stderr;
      expect(bad.status, badOutput).not.toBe(0);
      expect(badOutput).toMatch(/podlint\.+Failed/);
      expect(badOutput).toContain('k8s/debug.yaml');
      expect(badOutput).toMatch(/8:38 +error +Container "shell" is privileged/);
      expect(badOutput).toContain('privileged-container');
      expect(run('git', ['rev-parse', '--verify', '-q', 'HEAD'], user, env).status).not.toBe(0); // nothing was committed

      // The fixed manifest passes; a non-YAML file with the same text is not the hook's business.
      writeFileSync(path.join(user, 'k8s/debug.yaml'), CLEAN_POD);
      writeFileSync(path.join(user, 'notes.txt'), PRIVILEGED_POD);
      mustRun('git', ['add', '-A'], user, env);
      const good = run('git', ['commit', '-m', 'add a pod'], user, env);
      const goodOutput = good.stdout + good.stderr;
      expect(good.status, goodOutput).toBe(0);
      expect(goodOutput).toMatch(/podlint\.+Passed/);
      expect(mustRun('git', ['log', '--format=%s'], user, env).trim()).toBe('add a pod');
    });
  }

  it('installs and runs the way current pre-commit installs node hooks (npm install -g git+file://)', { timeout: 300_000 }, () => {
    // pre-commit >= 4.4 runs `npm install -g git+file://<clone>`, and npm prepares a git package
    // installed globally without its dev dependencies (npm/cli#8440): there is no TypeScript to
    // build dist/, so the hook must run from the committed bundle.
    const base = mkdtempSync(path.join(tmpdir(), 'podlint-npm-git-'));
    const env = cleanEnv({ NPM_CONFIG_PREFIX: path.join(base, 'env'), npm_config_prefix: path.join(base, 'env') });
    const hookRepo = path.join(base, 'podlint');
    gitCopyOfWorkingTree(hookRepo, env);
    mustRun('npm', ['install', '--global', '--install-links', '--no-audit', '--no-fund', `git+file://${hookRepo}`], base, env);
    const podlint = path.join(base, 'env/bin/podlint');
    writeFileSync(path.join(base, 'debug.yaml'), PRIVILEGED_POD);
    const lint = run(podlint, ['debug.yaml'], base, env);
    expect(lint.stderr).toBe('');
    expect(lint.stdout).toMatch(/8:38 +error +Container "shell" is privileged/);
    expect(lint.status).toBe(1);
  });
});
