import { builtinRules } from '../../rules/index.js';
import { configureRules, type RuleSetting } from '../../src/engine/rule-settings.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/lint.js';

/** Lints YAML text with the built-in rules (defaults, or the given settings). */
export function lintYaml(text: string, rules: Record<string, RuleSetting> = {}, filePath = 'test.yaml'): Finding[] {
  const settings = { rules: configureRules(builtinRules, rules), kubernetesVersion: '1.36' };
  return [...lintText(filePath, text, settings).findings];
}

/**
 * Rule settings with every built-in rule off but the named ones: at `setting` when given, else at
 * their default severity (warning for a rule that is off by default).
 */
export function onlyRules(ruleIds: readonly string[], setting?: RuleSetting): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of builtinRules) {
    const fallback = rule.meta.defaultSeverity === 'off' ? 'warning' : rule.meta.defaultSeverity;
    rules[rule.id] = ruleIds.includes(rule.id) ? (setting ?? fallback) : 'off';
  }
  return rules;
}

/** Lints with only the named rules on (at their default severity). */
export function lintWithOnly(text: string, ruleIds: readonly string[], filePath = 'test.yaml'): Finding[] {
  return lintYaml(text, onlyRules(ruleIds), filePath);
}

/** A finding's position as 1-based `line:col-endLine:endCol`, the way a reader checks it. */
export function at(finding: Finding): string {
  const { start, end } = finding.range;
  return `${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1}`;
}
