// What a command reads: the paths and globs on the command line (or standard input), filtered by
// .gitignore, --ignore-pattern and the configuration's ignorePatterns, each with its resolved
// configuration. Shared by `podlint` and `podlint resources`, so both read the same files.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { ConfigResolver, FileConfig } from '../config/resolve-config.js';
import { discoverFiles } from '../discover/discover.js';
import { loadBytes } from '../load/load-bytes.js';
import { loadFile } from '../load/load-file.js';
import type { LoadedFile } from '../load/types.js';
import { UsageError } from './usage-error.js';

/** The input flags, for node:util parseArgs: every command that reads manifests takes them. */
export const INPUT_OPTIONS = {
  'stdin-filename': { type: 'string' },
  'ignore-pattern': { type: 'string', multiple: true, default: [] as string[] },
  gitignore: { type: 'boolean', default: true },
  config: { type: 'string', short: 'c' },
  'pod-template-path': { type: 'string', multiple: true, default: [] as string[] },
} as const;

/** What the input flags and positionals say. */
export interface InputSelection {
  readonly paths: readonly string[];
  readonly stdinFilename: string | undefined;
  readonly ignorePatterns: readonly string[];
  readonly gitignore: boolean;
}

/** One file to read (or standard input), with its configuration; `load` reads it, never throws. */
export interface ConfiguredInput {
  /** As given or found (relative to the working directory when found by a glob). */
  readonly filePath: string;
  readonly absolutePath: string;
  readonly config: FileConfig;
  load(): LoadedFile;
}

/**
 * The inputs of a run, in order, each configured before any is read (loading rule modules is
 * asynchronous; reading and linting stay synchronous). `load` reads a file when called, so a run
 * holds one file at a time.
 */
export async function configuredInputs(
  selection: InputSelection,
  resolver: ConfigResolver,
  io: { readonly cwd: string; readonly stdin: () => Buffer },
): Promise<ConfiguredInput[]> {
  const readsStdin = selection.paths.includes('-');
  if (readsStdin && selection.paths.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other paths.');
  if (selection.stdinFilename !== undefined && !readsStdin) throw new UsageError('--stdin-filename needs "-" among the paths.');
  if (readsStdin) {
    const filePath = selection.stdinFilename ?? '<stdin>';
    const absolutePath = path.resolve(io.cwd, filePath);
    return [{ filePath, absolutePath, config: await resolver.forFile(absolutePath), load: () => loadBytes(filePath, io.stdin()) }];
  }
  const found = await discoverFiles(selection.paths, { cwd: io.cwd, ignorePatterns: selection.ignorePatterns, useGitignore: selection.gitignore });
  // Files matching a configuration's ignorePatterns are dropped unless named on the command line.
  const named = new Set(selection.paths.map((input) => path.resolve(io.cwd, input)).filter(isFile));
  const inputs: ConfiguredInput[] = [];
  for (const filePath of found) {
    const absolutePath = path.resolve(io.cwd, filePath);
    const config = await resolver.forFile(absolutePath);
    if (config.ignored && !named.has(absolutePath)) continue;
    inputs.push({ filePath, absolutePath, config, load: () => loadFile(filePath, absolutePath) });
  }
  return inputs;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
