import type { AnyRule } from '../engine/define-rule.js';

/** `podlint --list-rules`: id, default severity and description, one rule a line. */
export function listRules(rules: readonly AnyRule[]): string {
  const idWidth = Math.max(...rules.map((rule) => rule.id.length));
  const lines = rules.map(
    (rule) => `${rule.id.padEnd(idWidth)}  ${rule.meta.defaultSeverity.padEnd(7)}  ${rule.meta.docs.description}`,
  );
  return `${lines.join('\n')}\n`;
}
