import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintLoadedFile, type LintSettings } from './engine/lint-file.js';
import type { Finding } from './engine/finding.js';
import { loadBytes } from './load/load-bytes.js';
import { LineIndex } from './load/position.js';
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
  const file = safeLoad(filePath, bytes);
  onLoaded?.(file, settings);
  return fileResult(filePath, absolutePath, lintLoadedFile(file, settings));
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
    return lintBytes(filePath, absolutePath, readFileSync(absolutePath), fileSettings, onLoaded);
  });
}

function safeLoad(filePath: string, bytes: Uint8Array): LoadedFile {
  try {
    return loadBytes(filePath, bytes);
  } catch (error) {
    // The parser recurses: absurdly deep nesting can exhaust the stack. Report it on the file.
    const message = error instanceof Error ? error.message : String(error);
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 }, startOffset: 0, endOffset: 0 };
    const finding = { ruleId: 'yaml-syntax', message: `The file cannot be parsed: ${message}.`, range };
    return { filePath, text: '', lines: new LineIndex([0]), documents: [], comments: [], problems: [finding] };
  }
}

export type { Finding, LintSettings };
