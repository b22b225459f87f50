import type { Severity } from '../engine/severity.js';
import { shownFindings, shownMessage, type Formatter } from './results.js';

const ANSI = { red: 31, yellow: 33, blue: 34, gray: 90, underline: 4, bold: 1 } as const;

/**
 * ESLint's default look: findings grouped under each file's path, one line each as
 * `line:col  severity  message  rule-id`, columns aligned, and a summary line. Suppressed
 * findings appear only when the run shows them (`--include-suppressed`), marked and not counted.
 */
export const formatStylish: Formatter = (results, { color, includeSuppressed }) => {
  const paint = (style: keyof typeof ANSI, text: string) => (color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const severityColor: Record<Severity, keyof typeof ANSI> = { error: 'red', warning: 'yellow', info: 'blue' };
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let suppressed = 0;
  for (const result of results) {
    suppressed += result.suppressedCount;
    const shown = shownFindings(result, { includeSuppressed });
    if (shown.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    const rows = shown.map((finding) => [
      `${finding.range.start.line + 1}:${finding.range.start.column + 1}`,
      finding.severity,
      shownMessage(finding),
      finding.ruleId,
    ]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    out.push('', paint('underline', result.filePath));
    for (const [position = '', severity = '', message = '', ruleId = ''] of rows) {
      out.push(
        `  ${paint('gray', position.padEnd(widths[0] ?? 0))}  ${paint(severityColor[severity as Severity], severity.padEnd(widths[1] ?? 0))}  ${message.padEnd(widths[2] ?? 0)}  ${paint('gray', ruleId)}`,
      );
    }
  }
  const total = errors + warnings + infos;
  if (total === 0 && out.length === 0) return '';
  const suppressedText = suppressed ? `, ${suppressed} suppressed` : '';
  const summary =
    total === 0
      ? `✔ 0 problems${suppressedText}`
      : `✖ ${total} ${plural(total, 'problem')} (${errors} ${plural(errors, 'error')}, ${warnings} ${plural(warnings, 'warning')}${infos ? `, ${infos} info` : ''}${suppressedText})`;
  out.push('', paint(errors > 0 ? 'red' : total > 0 ? 'yellow' : 'gray', paint('bold', summary)), '');
  return out.join('\n');
};

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
