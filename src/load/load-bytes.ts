import { loadText } from './load-text.js';
import { LineIndex } from './position.js';
import type { LoadProblem, LoadedFile } from './types.js';

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
  if (nul !== -1) {
    return unreadable(filePath, 'invalid-encoding', `The file is binary (a NUL byte at offset ${nul}), not YAML or JSON text.`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return unreadable(filePath, 'invalid-encoding', 'The file is not valid UTF-8 text; Kubernetes manifests must be UTF-8.');
  }
  try {
    return loadText(filePath, text);
  } catch (error) {
    // The parser recurses: absurdly deep nesting can exhaust the stack. Report it on the file.
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(filePath, 'yaml-syntax', `The file cannot be parsed: ${message}.`);
  }
}

/** A file over the size limit, reported without reading or parsing it. */
export function tooLarge(filePath: string, size: number, maxBytes = MAX_FILE_BYTES): LoadedFile {
  return unreadable(filePath, 'file-too-large', `The file is ${size} bytes, over the limit of ${maxBytes}; it was not parsed.`);
}

/** A file with no documents and one problem at its start. */
export function unreadable(filePath: string, ruleId: string, message: string): LoadedFile {
  const lines = new LineIndex([0]);
  const problem: LoadProblem = { ruleId, message, range: lines.range(0, 0) };
  return { filePath, text: '', lines, documents: [], comments: [], problems: [problem] };
}
