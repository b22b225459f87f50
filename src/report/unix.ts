import { shownFindings, shownMessage, type Formatter } from './results.js';

/**
 * `--format unix`: `file:line:col: severity: message [rule-id]`, one finding a line, the shape
 * compilers print and editors' problem matchers read (see docs/editors.md). Positions are
 * 1-based; columns count UTF-16 code units. Messages are kept on one line; a suppressed finding
 * (`--include-suppressed`) says what suppressed it.
 */
export const formatUnix: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of shownFindings(result, context)) {
      const { line, column } = finding.range.start;
      const message = shownMessage(finding).replace(/\s*[\r\n]+\s*/g, ' ').trim();
      lines.push(`${result.filePath}:${line + 1}:${column + 1}: ${finding.severity}: ${message} [${finding.ruleId}]`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
