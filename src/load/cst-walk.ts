import type { CST } from 'yaml';

/**
 * Visits every token of the parsed stream once, following the CST's shape (the token arrays and
 * the keys and values of collection items) instead of every property of every object: the loader
 * reads what it needs from the tokens (comments, kubectl's scalar refusals) in this one walk.
 */
export function walkCst(tokens: readonly CST.Token[], visit: (token: CST.Token) => void): void {
  const visitAll = (list: readonly CST.Token[] | undefined) => {
    if (list) for (const token of list) visit(token);
  };
  // An explicit stack, not recursion: hostile input may nest deeply.
  const stack: CST.Token[] = [...tokens];
  while (stack.length > 0) {
    const token = stack.pop()!;
    visit(token);
    switch (token.type) {
      case 'document':
        visitAll(token.start);
        if (token.value) stack.push(token.value);
        visitAll(token.end);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items) {
          visitAll(item.start);
          visitAll(item.sep);
          if (item.key) stack.push(item.key);
          if (item.value) stack.push(item.value);
        }
        if (token.type === 'flow-collection') visitAll(token.end);
        break;
      case 'block-scalar':
        visitAll(token.props);
        break;
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'doc-end':
        visitAll(token.end);
        break;
      default:
        break;
    }
  }
}
