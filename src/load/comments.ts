import type { CST } from 'yaml';
import type { LineIndex } from './position.js';
import type { SourceComment } from './types.js';

/**
 * Collects every comment token of the parsed stream with its range. The composed documents keep
 * comments only as text on nodes; suppression directives need their exact lines.
 */
export function collectComments(tokens: readonly CST.Token[], lines: LineIndex): SourceComment[] {
  const comments: SourceComment[] = [];
  const stack: unknown[] = [...tokens];
  // An explicit stack, not recursion: hostile input may nest deeply.
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (const element of item) stack.push(element);
    } else if (typeof item === 'object' && item !== null) {
      const token = item as { type?: unknown; source?: unknown; offset?: unknown };
      if (token.type === 'comment' && typeof token.source === 'string' && typeof token.offset === 'number') {
        comments.push({
          text: token.source.slice(1),
          range: lines.range(token.offset, token.offset + token.source.length),
        });
        continue;
      }
      for (const value of Object.values(item)) if (typeof value === 'object' && value !== null) stack.push(value);
    }
  }
  return comments.sort((a, b) => a.range.startOffset - b.range.startOffset);
}
