import { statSync } from 'node:fs';
import path from 'node:path';
import { isRepositoryRoot } from '../file-paths.js';

const CONFIG_FILE_EXTENSIONS = ['yaml', 'yml', 'json'] as const;
/** Looked for in this order in each directory; the first that exists is the directory's config. */
export const CONFIG_FILE_NAMES: readonly string[] = CONFIG_FILE_EXTENSIONS.map((extension) => `.podlint.${extension}`);
/** The same names as a glob, for file watchers. */
export const CONFIG_FILE_GLOB = `**/.podlint.{${CONFIG_FILE_EXTENSIONS.join(',')}}`;

/**
 * Finds the configuration file that applies to a directory: the nearest one upwards, stopping
 * at the repository root (the directory that holds `.git`), or at the file system root outside a
 * repository. Every directory's answer is cached, so a run over 10,000 files in a few
 * directories checks each directory once.
 */
export class ConfigFinder {
  private readonly cache = new Map<string, string | null>();

  find(directory: string): string | undefined {
    const visited: string[] = [];
    let found: string | null = null;
    for (let dir = path.resolve(directory); ; dir = path.dirname(dir)) {
      const cached = this.cache.get(dir);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(dir);
      const own = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).find(isFile);
      if (own) {
        found = own;
        break;
      }
      if (isRepositoryRoot(dir) || dir === path.dirname(dir)) break;
    }
    for (const dir of visited) this.cache.set(dir, found);
    return found ?? undefined;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
