import { existsSync } from 'node:fs';
import path from 'node:path';

// Paths of files on disk as podlint compares and prints them, and the repository root that
// scopes .gitignore files, configuration lookup and repository-relative report paths.

/** True when the directory holds `.git`: a directory, or a file in a worktree or submodule. */
export function isRepositoryRoot(dir: string): boolean {
  return existsSync(path.join(dir, '.git'));
}

/** The nearest directory at or above `start` that holds `.git`, or undefined outside a repository. */
export function repositoryRootAbove(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isRepositoryRoot(dir)) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}

/**
 * A file's path from a directory with `/` separators (what gitignore patterns, SARIF URIs and
 * annotations take), or undefined when the file is not inside the directory.
 */
export function relativePosix(dir: string, absolutePath: string): string | undefined {
  const relative = path.relative(dir, absolutePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return toPosix(relative);
}

/** A path with the platform's separators written as `/`. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
