import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { repositoryRootAbove, toPosix } from '../file-paths.js';

/** Extensions podlint reads when it walks a directory. */
export const MANIFEST_EXTENSIONS = ['yaml', 'yml', 'json'] as const;

/** Never worth walking into. */
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface DiscoverOptions {
  readonly cwd: string;
  /** gitignore-style patterns relative to cwd (`--ignore-pattern`). */
  readonly ignorePatterns?: readonly string[];
  /** Read `.gitignore` files (default true). */
  readonly useGitignore?: boolean;
}

/** A path or pattern on the command line that names nothing: a usage error. */
export class DiscoverError extends Error {
  override name = 'DiscoverError';
}

/**
 * Turns command-line paths and globs into the sorted list of files to lint. Files named
 * explicitly are always linted; files found by walking a directory or expanding a glob honour
 * `.gitignore` files and `--ignore-pattern`.
 */
export async function discoverFiles(inputs: readonly string[], options: DiscoverOptions): Promise<string[]> {
  const { cwd } = options;
  const found = new Map<string, string>();
  const add = (file: string) => {
    const absolute = path.resolve(cwd, file);
    if (!found.has(absolute)) found.set(absolute, file);
  };
  const ignores = new IgnoreRules(cwd, options.ignorePatterns ?? [], options.useGitignore ?? true);

  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    if (existsSync(absolute)) {
      if (statSync(absolute).isDirectory()) {
        const pattern = `${fg.convertPathToPattern(toPosix(input))}/**/*.{${MANIFEST_EXTENSIONS.join(',')}}`;
        for (const file of await expand(pattern, cwd)) if (!ignores.ignores(file)) add(file);
      } else {
        add(input);
      }
    } else if (fg.isDynamicPattern(toPosix(input))) {
      const files = (await expand(toPosix(input), cwd)).filter((file) => !ignores.ignores(file));
      if (files.length === 0) throw new DiscoverError(`No files match the pattern "${input}".`);
      files.forEach(add);
    } else {
      throw new DiscoverError(`No such file or directory: ${input}`);
    }
  }
  return [...found.values()].sort((a, b) => a.localeCompare(b));
}

async function expand(pattern: string, cwd: string): Promise<string[]> {
  return fg(pattern, { cwd, ignore: ALWAYS_IGNORED, onlyFiles: true, dot: false, followSymbolicLinks: true });
}

/**
 * gitignore semantics: each `.gitignore` applies to paths below its own directory; patterns from
 * `--ignore-pattern` apply relative to the working directory. `.gitignore` files are read once
 * per directory, on demand, from the file's directory up to the repository root.
 */
class IgnoreRules {
  private readonly cache = new Map<string, Ignore | null>();
  private readonly directoryDecisions = new Map<string, boolean>();
  private readonly cliRules: Ignore;
  private readonly root: string;

  constructor(
    private readonly cwd: string,
    patterns: readonly string[],
    private readonly useGitignore: boolean,
  ) {
    this.cliRules = ignore().add([...patterns]);
    // gitignore scoping stops at the repository root.
    this.root = repositoryRootAbove(cwd) ?? path.parse(path.resolve(cwd)).root;
  }

  ignores(file: string): boolean {
    const absolute = path.resolve(this.cwd, file);
    const relativeToCwd = toPosix(path.relative(this.cwd, absolute));
    if (!relativeToCwd.startsWith('../') && this.cliRules.ignores(relativeToCwd)) return true;
    if (!this.useGitignore) return false;
    // Git never looks inside an excluded directory: a `!pattern` deeper down cannot bring a file
    // back from one. So the directories are decided first, from the top.
    const directories: string[] = [];
    for (let dir = path.dirname(absolute); dir !== this.root && dir !== path.dirname(dir); dir = path.dirname(dir)) directories.unshift(dir);
    if (directories.some((dir) => this.excluded(dir, true))) return true;
    return this.excluded(absolute, false);
  }

  /** Whether the `.gitignore` files above a path exclude it: the deepest one that matches decides. */
  private excluded(absolute: string, isDirectory: boolean): boolean {
    const cached = isDirectory ? this.directoryDecisions.get(absolute) : undefined;
    if (cached !== undefined) return cached;
    let decision = false;
    for (let dir = path.dirname(absolute); ; dir = path.dirname(dir)) {
      const rules = this.gitignoreOf(dir);
      const verdict = rules?.test(`${toPosix(path.relative(dir, absolute))}${isDirectory ? '/' : ''}`);
      if (verdict?.ignored || verdict?.unignored) {
        decision = verdict.ignored;
        break;
      }
      if (dir === this.root || dir === path.dirname(dir)) break;
    }
    if (isDirectory) this.directoryDecisions.set(absolute, decision);
    return decision;
  }

  private gitignoreOf(dir: string): Ignore | null {
    let rules = this.cache.get(dir);
    if (rules === undefined) {
      const file = path.join(dir, '.gitignore');
      rules = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      this.cache.set(dir, rules);
    }
    return rules;
  }
}
