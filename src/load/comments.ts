import type { CST } from 'yaml';
import type { LineIndex } from './position.js';
import type { SourceComment } from './types.js';

type Item = CST.CollectionItem;

/**
 * Collects every comment token of the parsed stream with its range. The composed documents keep
 * comments only as text on nodes; suppression directives need their exact lines. The walk follows
 * the CST's shape (the token arrays where comments can sit) instead of visiting every property.
 */
export function collectComments(tokens: readonly CST.Token[], lines: LineIndex): SourceComment[] {
  const comments: SourceComment[] = [];
  const addAll = (sourceTokens: readonly CST.Token[] | undefined) => {
    if (!sourceTokens) return;
    for (const token of sourceTokens) {
      if (token.type === 'comment') {
        comments.push({ text: token.source.slice(1), range: lines.range(token.offset, token.offset + token.source.length) });
      }
    }
  };
  // An explicit stack, not recursion: hostile input may nest deeply.
  const stack: CST.Token[] = [...tokens];
  const pushItem = (item: Item) => {
    addAll(item.start);
    addAll(item.sep);
    if (item.key) stack.push(item.key);
    if (item.value) stack.push(item.value);
  };
  while (stack.length > 0) {
    const token = stack.pop()!;
    switch (token.type) {
      case 'comment':
        addAll([token]);
        break;
      case 'document':
        addAll(token.start);
        if (token.value) stack.push(token.value);
        addAll(token.end);
        break;
      case 'block-map':
      case 'block-seq':
        token.items.forEach(pushItem);
        break;
      case 'flow-collection':
        token.items.forEach(pushItem);
        addAll(token.end);
        break;
      case 'block-scalar':
        addAll(token.props);
        break;
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'doc-end':
        addAll(token.end);
        break;
      default:
        break;
    }
  }
  return comments.sort((a, b) => a.range.startOffset - b.range.startOffset);
}
