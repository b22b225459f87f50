import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The root that repository-relative paths start from: the nearest directory holding `.git`
 * (a directory, or a file in a worktree or submodule) above the first linted file, else above
 * the working directory, else the working directory itself. GitHub resolves SARIF URIs and
 * annotation paths against the repository root, which is where a checkout puts `.git`.
 */
export function findRepositoryRoot(absolutePaths: readonly string[], cwd: string): string {
  const first = absolutePaths[0];
  return (first !== undefined ? gitRootAbove(path.dirname(first)) : undefined) ?? gitRootAbove(cwd) ?? cwd;
}

function gitRootAbove(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** A file's path from the root with `/` separators, or undefined when it lies outside the root. */
export function relativeToRoot(root: string, absolutePath: string): string | undefined {
  const relative = path.relative(root, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}
