import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativePosix, repositoryRootAbove } from '../src/file-paths.js';
import { repoWorkspace } from './helpers/workspace.js';

describe('file paths', () => {
  it('finds the repository root from a .git directory or a .git file (a worktree), and none outside one', () => {
    const repo = repoWorkspace({ 'a/b/c.yaml': '' });
    expect(repositoryRootAbove(path.join(repo, 'a/b'))).toBe(repo);
    const worktree = repoWorkspace({ 'x/y.yaml': '' }, { git: false });
    writeFileSync(path.join(worktree, '.git'), 'gitdir: /elsewhere\n');
    expect(repositoryRootAbove(path.join(worktree, 'x'))).toBe(worktree);
    const nested = path.join(repo, 'a/sub');
    mkdirSync(path.join(nested, '.git'), { recursive: true });
    expect(repositoryRootAbove(nested)).toBe(nested);
  });

  it('gives paths inside a directory with / separators, and undefined for the directory itself or outside it', () => {
    expect(relativePosix('/r', path.join('/r', 'a', 'b.yaml'))).toBe('a/b.yaml');
    expect(relativePosix('/r', '/r')).toBeUndefined();
    expect(relativePosix('/r', '/other/b.yaml')).toBeUndefined();
    expect(relativePosix('/r', '/r/../r2/b.yaml')).toBeUndefined();
  });
});
