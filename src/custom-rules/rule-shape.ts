import type { AnyRule } from '../engine/define-rule.js';
import { isRuleSeverity } from '../engine/severity.js';
import { isObject } from '../json.js';
import { RULE_ID_PATTERN } from '../suppress/directives.js';

/**
 * Checks, after loading, that a module's default export has the shape the engine relies on.
 * TypeScript rules were already checked from their source; this covers JavaScript rules, which
 * podlint does not parse, and anything a literal check cannot see.
 */
export function ruleShapeProblems(value: unknown): string[] {
  if (!isObject(value)) return ['The module\'s default export is not a rule; export default defineRule({ id, meta, check }).'];
  const problems: string[] = [];
  if (typeof value.id !== 'string' || !RULE_ID_PATTERN.test(value.id)) problems.push('The rule needs an id: lowercase words joined by "-".');
  const meta = value.meta;
  if (!isObject(meta)) return [...problems, 'The rule has no meta object.'];
  if (meta.type !== 'problem' && meta.type !== 'suggestion') problems.push('meta.type must be "problem" or "suggestion".');
  if (!isRuleSeverity(meta.defaultSeverity)) problems.push('meta.defaultSeverity must be off, info, warning or error.');
  const docs = meta.docs;
  if (!isObject(docs) || typeof docs.description !== 'string' || typeof docs.remediation !== 'string') {
    problems.push('meta.docs needs a description and a remediation (strings).');
  }
  const messages = meta.messages;
  if (!isObject(messages) || Object.keys(messages).length === 0 || Object.values(messages).some((message) => typeof message !== 'string')) {
    problems.push('meta.messages must map message ids to texts.');
  }
  if (!isObject(meta.defaultOptions)) problems.push('meta.defaultOptions must be an object ({} for none).');
  if (meta.schema !== undefined && (!isObject(meta.schema) || meta.schema.type !== 'object')) problems.push('meta.schema must be a JSON Schema with type "object".');
  if (meta.scope !== undefined && meta.scope !== 'pod' && meta.scope !== 'object') problems.push('meta.scope must be "pod" or "object".');
  const tags = meta.tags;
  if (tags !== undefined && (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string'))) problems.push('meta.tags must be a list of strings.');
  const security = Array.isArray(tags) && tags.includes('security');
  if (security !== (meta.securitySeverity !== undefined)) problems.push('meta.securitySeverity is required for rules tagged "security", and only for them.');
  if (value.prepare !== undefined && typeof value.prepare !== 'function') problems.push('prepare must be a function (options => what check receives).');
  if (typeof value.check !== 'function') problems.push('The rule has no check function.');
  return problems;
}

/** Narrows after ruleShapeProblems found nothing. */
export function asRule(value: unknown): AnyRule {
  return value as AnyRule;
}
