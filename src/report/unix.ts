import { isSuppressed, type Formatter } from './results.js';

/**
 * `--format unix`: `file:line:col: severity: message [rule-id]`, one finding a line, the shape
 * compilers print and editors' problem matchers read (see docs/editors.md). Positions are
 * 1-based; columns count UTF-16 code units. Messages are kept on one line.
 */
export const formatUnix: Formatter = (results) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      if (isSuppressed(finding)) continue;
      const { line, column } = finding.range.start;
      const message = finding.message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
      lines.push(`${result.filePath}:${line + 1}:${column + 1}: ${finding.severity}: ${message} [${finding.ruleId}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
