/** How loud a finding is; `off` turns a rule off. */
export type Severity = 'error' | 'warning' | 'info';
export type RuleSeverity = Severity | 'off';

export const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];

const RANK: Record<RuleSeverity, number> = { off: 0, info: 1, warning: 2, error: 3 };

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: RuleSeverity, threshold: RuleSeverity): boolean {
  return RANK[severity] >= RANK[threshold];
}

export function compareSeverity(a: RuleSeverity, b: RuleSeverity): number {
  return RANK[a] - RANK[b];
}

export function isRuleSeverity(value: unknown): value is RuleSeverity {
  return typeof value === 'string' && Object.hasOwn(RANK, value);
}
