import fileTooLarge from '../../rules/file-too-large.js';
import invalidEncoding from '../../rules/invalid-encoding.js';
import yamlSyntax from '../../rules/yaml-syntax.js';
import { loadProblem, problemFile } from './load-problem.js';
import { loadText } from './load-text.js';
import type { LoadedFile } from './types.js';

/** Files larger than this are reported, not parsed: no real manifest comes close. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns a file's bytes into a loaded file; it never throws. Binary data, text that is not UTF-8,
 * oversized files and text the parser cannot cope with give one finding for the file (at its
 * first line) instead of a crash or a flood of YAML errors.
 */
export function loadBytes(filePath: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): LoadedFile {
  if (bytes.length > maxBytes) return tooLarge(filePath, bytes.length, maxBytes);
  const nul = bytes.indexOf(0);
  if (nul !== -1) return problemFile(filePath, (range) => loadProblem(invalidEncoding, 'binary', range, { offset: nul }));
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problemFile(filePath, (range) => loadProblem(invalidEncoding, 'notUtf8', range));
  }
  try {
    return loadText(filePath, text);
  } catch (error) {
    // The parser recurses: absurdly deep nesting can exhaust the stack. Report it on the file.
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    return problemFile(filePath, (range) => loadProblem(yamlSyntax, 'unparsable', range, { reason }));
  }
}

/** A file over the size limit, reported without reading or parsing it. */
export function tooLarge(filePath: string, size: number, maxBytes = MAX_FILE_BYTES): LoadedFile {
  return problemFile(filePath, (range) => loadProblem(fileTooLarge, 'size', range, { size, limit: maxBytes }));
}
