import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import unreadableFile from '../../rules/unreadable-file.js';
import { loadBytes, MAX_FILE_BYTES, tooLarge } from './load-bytes.js';
import { loadProblem, problemFile } from './load-problem.js';
import type { LoadedFile } from './types.js';

/**
 * Reads and loads one file from disk, for every command that lints or reports on files. A file
 * that cannot be read (no permission, removed or turned into a directory since it was found, an
 * I/O error) becomes an `unreadable-file` finding at its first line, so one bad file never stops
 * a run. The size is checked before reading: an oversized file is reported, not read.
 */
export function loadFile(filePath: string, absolutePath: string, maxBytes = MAX_FILE_BYTES): LoadedFile {
  let fd: number | undefined;
  try {
    fd = openSync(absolutePath, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return problemFile(filePath, (range) => loadProblem(unreadableFile, 'directory', range));
    if (stat.size > maxBytes) return tooLarge(filePath, stat.size, maxBytes);
    return loadBytes(filePath, readFileSync(fd), maxBytes);
  } catch (error) {
    return problemFile(filePath, (range) => loadProblem(unreadableFile, 'failed', range, { reason: readFailure(error) }));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Why a read failed, in words, with the system's code for searching. */
function readFailure(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOENT':
      return 'it no longer exists (ENOENT)';
    case 'EISDIR':
      return 'it is a directory (EISDIR)';
    default:
      return code ? `${message.replace(/\.$/, '')}` : String(message ?? error);
  }
}
