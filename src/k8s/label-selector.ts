import { asArray, asObject, asString, isObject, type JsonObject } from '../json.js';
import type { Path } from '../path.js';

/** One requirement of a label selector, with the path to the place that states it. */
export interface SelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
  /** Path (relative to the selector) of the matchLabels value or the matchExpressions key. */
  readonly path: Path;
}

/**
 * The requirements of a metav1.LabelSelector (`matchLabels` and `matchExpressions`), or undefined
 * when it cannot be read as one (an unknown operator, a non-string value): Kubernetes reports
 * that as an invalid selector, so matching it against labels would say nothing true.
 */
export function labelSelectorRequirements(selector: JsonObject): SelectorRequirement[] | undefined {
  const requirements: SelectorRequirement[] = [];
  const matchLabels = selector.matchLabels;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isObject(matchLabels)) return undefined;
    for (const [key, value] of Object.entries(matchLabels)) {
      const text = labelText(value);
      if (text === undefined) return undefined;
      requirements.push({ key, operator: 'In', values: [text], path: ['matchLabels', key] });
    }
  }
  const expressions = selector.matchExpressions;
  if (expressions !== undefined && expressions !== null && !Array.isArray(expressions)) return undefined;
  for (const [index, item] of asArray(expressions).entries()) {
    const expression = asObject(item);
    const key = asString(expression?.key);
    const operator = asString(expression?.operator);
    if (!expression || key === undefined || !isOperator(operator)) return undefined;
    const values: string[] = [];
    for (const value of asArray(expression.values)) {
      const text = labelText(value);
      if (text === undefined) return undefined;
      values.push(text);
    }
    // Kubernetes rejects In/NotIn without values and Exists/DoesNotExist with some.
    if ((operator === 'In' || operator === 'NotIn') !== values.length > 0) return undefined;
    requirements.push({ key, operator, values, path: ['matchExpressions', index, 'key'] });
  }
  return requirements;
}

/** The requirements of a ReplicationController's equality-based selector (a plain map). */
export function mapSelectorRequirements(selector: JsonObject): SelectorRequirement[] | undefined {
  const requirements: SelectorRequirement[] = [];
  for (const [key, value] of Object.entries(selector)) {
    const text = labelText(value);
    if (text === undefined) return undefined;
    requirements.push({ key, operator: 'In', values: [text], path: [key] });
  }
  return requirements;
}

/** True when the labels satisfy the requirement, as labels.Selector.Matches decides. */
export function matchesRequirement(requirement: SelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, requirement.key);
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(value!);
    case 'NotIn':
      return !has || !requirement.values.includes(value!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Label values as strings; YAML scalars that are not strings are schema findings, but still compared as written. */
export function labelMap(labels: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(asObject(labels) ?? {})) {
    const text = labelText(value);
    if (text !== undefined) result[key] = text;
  }
  return result;
}

function labelText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function isOperator(operator: string | undefined): operator is SelectorRequirement['operator'] {
  return operator === 'In' || operator === 'NotIn' || operator === 'Exists' || operator === 'DoesNotExist';
}
