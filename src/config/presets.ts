import type { AnyRule } from '../engine/define-rule.js';
import type { RuleSetting } from '../engine/rule-settings.js';
import type { RuleSeverity } from '../engine/severity.js';

/** The presets, by the names `extends` accepts. `recommended` applies when nothing else is said. */
export const PRESET_NAMES = ['recommended', 'strict'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(value: string): value is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(value);
}

/**
 * Where strict departs from the general strict rule below, by rule id. An id that is not a rule
 * (yet) is ignored, so rules can land in any order.
 */
const STRICT_SEVERITIES: Readonly<Record<string, RuleSeverity>> = {
  // A mutable tag is how a rollout silently runs different code on different nodes.
  'latest-image-tag': 'error',
  // Stale suppressions hide the next real finding on that line.
  'unused-suppression': 'warning',
};

/**
 * A preset's rule settings, from rule meta: `recommended` is every rule at its default severity;
 * `strict` turns every rule on (a rule that is off by default runs at warning) and applies
 * STRICT_SEVERITIES on top.
 */
export function presetRules(name: PresetName, rules: readonly AnyRule[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const severity = rule.meta.defaultSeverity;
    settings[rule.id] = name === 'strict' ? (STRICT_SEVERITIES[rule.id] ?? (severity === 'off' ? 'warning' : severity)) : severity;
  }
  return settings;
}

/** For tests: the explicit strict departures. */
export const strictSeverities: Readonly<Record<string, RuleSeverity>> = STRICT_SEVERITIES;
