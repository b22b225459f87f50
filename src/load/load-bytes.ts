import { loadText } from './load-text.js';
import { LineIndex } from './position.js';
import type { LoadProblem, LoadedFile } from './types.js';

/** Files larger than this are reported, not parsed: no real manifest comes close. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Turns a file's bytes into a loaded file. Binary data, text that is not UTF-8 and oversized files
 * give one finding for the file (at its first line) instead of a crash or a flood of YAML errors.
 */
export function loadBytes(filePath: string, bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): LoadedFile {
  if (bytes.length > maxBytes) {
    return unreadable(filePath, 'file-too-large', `The file is ${bytes.length} bytes, over the limit of ${maxBytes}; it was not parsed.`);
  }
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
  return loadText(filePath, text);
}

function unreadable(filePath: string, ruleId: string, message: string): LoadedFile {
  const lines = new LineIndex([0]);
  const problem: LoadProblem = { ruleId, message, range: lines.range(0, 0) };
  return { filePath, text: '', lines, documents: [], comments: [], problems: [problem] };
}
