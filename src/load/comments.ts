import type { CST } from 'yaml';
import type { LineIndex } from './position.js';
import type { SourceComment } from './types.js';

/**
 * The comments of the file with their ranges, in order. The composed documents keep comments
 * only as text on nodes; suppression directives need their exact lines.
 */
export function collectComments(commentTokens: readonly CST.SourceToken[], lines: LineIndex): SourceComment[] {
  return commentTokens
    .map((token) => ({ text: token.source.slice(1), range: lines.range(token.offset, token.offset + token.source.length) }))
    .sort((a, b) => a.range.startOffset - b.range.startOffset);
}
