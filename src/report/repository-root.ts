import path from 'node:path';
import { repositoryRootAbove } from '../file-paths.js';

/**
 * The root that repository-relative paths start from: the nearest directory holding `.git`
 * above the first linted file, else above the working directory, else the working directory
 * itself. GitHub resolves SARIF URIs and annotation paths against the repository root, which is
 * where a checkout puts `.git`.
 */
export function findRepositoryRoot(absolutePaths: readonly string[], cwd: string): string {
  const first = absolutePaths[0];
  return (first !== undefined ? repositoryRootAbove(path.dirname(first)) : undefined) ?? repositoryRootAbove(cwd) ?? cwd;
}
