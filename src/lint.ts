import path from 'node:path';
import { lintLoadedFile, type LintSettings } from './engine/lint-file.js';
import type { Finding } from './engine/finding.js';
import { loadBytes } from './load/load-bytes.js';
import { loadFile } from './load/load-file.js';
import type { LoadedFile } from './load/types.js';
import { fileResult, type FileResult } from './report/results.js';

/**
 * Sees each file a run loads, with its settings, so a report that needs the objects (the job
 * summary's resources table) is built from the same load instead of reading the files again.
 */
export type LoadedFileObserver = (file: LoadedFile, settings: LintSettings) => void;

/**
 * Loads one file's bytes and lints it. Anything that goes wrong while reading the user's file
 * becomes a finding on that file, so one hostile file never stops a run.
 */
export function lintBytes(filePath: string, absolutePath: string, bytes: Uint8Array, settings: LintSettings, onLoaded?: LoadedFileObserver): FileResult {
  return lintLoaded(loadBytes(filePath, bytes), absolutePath, settings, onLoaded);
}

function lintLoaded(file: LoadedFile, absolutePath: string, settings: LintSettings, onLoaded: LoadedFileObserver | undefined): FileResult {
  onLoaded?.(file, settings);
  return fileResult(file.filePath, absolutePath, lintLoadedFile(file, settings));
}

export function lintText(filePath: string, text: string, settings: LintSettings, cwd = process.cwd()): FileResult {
  return lintBytes(filePath, path.resolve(cwd, filePath), Buffer.from(text, 'utf8'), settings);
}

/**
 * Lints files from disk, in the order given, with one set of settings or the settings of each
 * file (a configuration resolved per file, see src/config/).
 */
export function lintFiles(
  files: readonly string[],
  settings: LintSettings | ((absolutePath: string) => LintSettings),
  cwd = process.cwd(),
  onLoaded?: LoadedFileObserver,
): FileResult[] {
  return files.map((filePath) => {
    const absolutePath = path.resolve(cwd, filePath);
    const fileSettings = typeof settings === 'function' ? settings(absolutePath) : settings;
    // A file that cannot be read is a finding on it (unreadable-file), like one that cannot be parsed.
    return lintLoaded(loadFile(filePath, absolutePath), absolutePath, fileSettings, onLoaded);
  });
}

export type { Finding, LintSettings };
