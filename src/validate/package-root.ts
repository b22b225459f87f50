import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The installed package's root: the nearest folder above this module with a package.json. The
 * same from the built `dist/src/validate/` and from the sources that the tests run.
 */
export const PACKAGE_ROOT = findPackageRoot(import.meta.dirname);

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`podlint: no package.json above ${start}.`);
  }
}
