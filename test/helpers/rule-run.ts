import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { configureRules } from '../../src/engine/rule-settings.js';
import { lintText } from '../../src/lint.js';
import { onlyRules } from './lint.js';

/** A finding as table tests read it: rule, severity, 1-based `line:col-endLine:endCol`, message. */
export interface Seen {
  readonly rule: string;
  readonly severity: string;
  readonly at: string;
  readonly message: string;
  /** The offered fix: its title and the text it writes, when the rule offers one. */
  readonly fix?: string;
}

/**
 * Lints YAML with only the named rules on (at their default severity, or warning for rules off
 * by default), against the given Kubernetes version.
 */
export function runRules(text: string, ruleIds: readonly string[], kubernetesVersion = '1.36'): Seen[] {
  const result = lintText('test.yaml', text, { rules: configureRules(builtinRules, onlyRules(ruleIds)), kubernetesVersion });
  return result.findings.map(seen);
}

function seen(finding: Finding): Seen {
  const [fix] = finding.fixes ?? [];
  return {
    rule: finding.ruleId,
    severity: finding.severity,
    at: position(finding.range),
    message: finding.message,
    ...(fix ? { fix: `${fix.title}: ${fix.edits.map((edit) => `${position(edit.range)} ${JSON.stringify(edit.newText)}`).join(', ')}` } : {}),
  };
}

function position({ start, end }: Finding['range']): string {
  return `${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1}`;
}
