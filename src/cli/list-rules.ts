import type { AnyRule } from '../engine/define-rule.js';

/**
 * `podlint --list-rules`: id, default severity and description, one rule a line, sorted by id.
 * Given a width (a terminal's), long descriptions wrap under their own column, so the ids and
 * severities stay a clean column; without one (a pipe), each rule stays on one line for grep.
 */
export function listRules(rules: readonly AnyRule[], width?: number): string {
  const sorted = [...rules].sort((a, b) => a.id.localeCompare(b.id));
  const idWidth = Math.max(...sorted.map((rule) => rule.id.length));
  const indent = idWidth + 2 + 7 + 2;
  const lines = sorted.map((rule) => {
    const description = width ? wrap(rule.meta.docs.description, Math.max(width - indent, 30)).join(`\n${' '.repeat(indent)}`) : rule.meta.docs.description;
    return `${rule.id.padEnd(idWidth)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${description}`;
  });
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
