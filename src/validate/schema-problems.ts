import type { ReportedFix } from '../engine/define-rule.js';
import type { LocationTarget } from '../load/source-map.js';
import type { K8sObject } from '../load/types.js';
import { formatPath, pointerToPath, valueAt, type Path } from '../path.js';
import type { SchemaError } from './load-validator.js';
import { propertyNames, schemaAt } from './schema-walk.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { ObjectValidation } from './validate-object.js';

export type SchemaMessageId = 'unknownField' | 'wrongType' | 'unsupportedValue' | 'requiredField' | 'outOfRange' | 'outOfBounds' | 'invalid';

/** One schema problem, ready to report: a path into the object and the message's data. */
export interface SchemaProblem {
  readonly path: Path;
  readonly messageId: SchemaMessageId;
  readonly data: Readonly<Record<string, string | number>>;
  readonly target?: LocationTarget;
  readonly fix?: ReportedFix;
}

/** An object with this many fields or fewer lists them all when an unknown one has no close match. */
const LIST_FIELDS_UP_TO = 8;

// When ajv reports several keywords for one value, the first of these is the root cause: a
// value of the wrong type is not also "not one of the allowed values".
const PRIORITY = ['type', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

export const LIST_MAP_KEYWORD = 'x-podlint-list-map';

/**
 * Turns the validator's errors into problems, one per root cause: the most telling keyword per
 * value, and no "missing name" next to an unknown `nmae` that the suggestion already explains.
 */
export function schemaProblems(validation: ObjectValidation, object: K8sObject): SchemaProblem[] {
  if (validation.status === 'untyped') {
    return [{ path: [], messageId: 'requiredField', data: { field: validation.missing, parent: objectLabel(object) } }];
  }
  if (validation.status !== 'validated') return [];
  const { value } = validation;
  const errors = validation.errors.filter((error) => error.keyword !== LIST_MAP_KEYWORD);

  const byValue = new Map<string, SchemaError>();
  const rest: SchemaError[] = [];
  for (const error of errors) {
    if (!PRIORITY.includes(error.keyword)) {
      rest.push(error);
      continue;
    }
    const held = byValue.get(error.instancePath);
    if (!held || PRIORITY.indexOf(error.keyword) < PRIORITY.indexOf(held.keyword)) byValue.set(error.instancePath, error);
  }

  const problems: SchemaProblem[] = [];
  const explained = new Set<string>();
  for (const error of rest.filter((candidate) => candidate.keyword === 'additionalProperties')) {
    const parent = pointerToPath(error.instancePath, value);
    const field = String(error.params.additionalProperty);
    const allowed = propertyNames(schemaAt(validation.source.root, parent, validation.source.resolve), validation.source.resolve) ?? [];
    const suggestion = didYouMean(field, allowed);
    if (suggestion) explained.add(`${error.instancePath}\0${suggestion}`);
    const hint = suggestion
      ? `; did you mean "${suggestion}"?`
      : allowed.length > 0 && allowed.length <= LIST_FIELDS_UP_TO
        ? `; allowed fields: ${[...allowed].sort().map((name) => `"${name}"`).join(', ')}`
        : '';
    problems.push({
      path: [...parent, field],
      messageId: 'unknownField',
      target: 'key',
      data: { field, parent: fieldLabel(parent, object), hint },
      ...(suggestion ? { fix: { title: `Rename "${field}" to "${suggestion}"`, path: [...parent, field], target: 'key', text: suggestion } } : {}),
    });
  }
  for (const error of rest) {
    if (error.keyword === 'additionalProperties') continue;
    const path = pointerToPath(error.instancePath, value);
    if (error.keyword === 'required') {
      const field = String(error.params.missingProperty);
      if (explained.has(`${error.instancePath}\0${field}`)) continue;
      problems.push({ path, messageId: 'requiredField', data: { field, parent: fieldLabel(path, object) } });
    } else {
      problems.push({ path, messageId: 'invalid', data: { path: fieldLabel(path, object), problem: `fails the schema's "${error.keyword}" check` } });
    }
  }
  const enumPaths = new Set(errors.filter((error) => error.keyword === 'enum').map((error) => error.instancePath));
  for (const error of byValue.values()) {
    const path = pointerToPath(error.instancePath, value);
    problems.push(valueProblem(error, path, valueAt(value, path), object, enumPaths.has(error.instancePath)));
  }
  return problems;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const COMPARISON_WORDS: Readonly<Record<string, string>> = { '>=': 'at least', '<=': 'at most', '>': 'greater than', '<': 'less than' };

function valueProblem(error: SchemaError, path: Path, actual: unknown, object: K8sObject, isEnum: boolean): SchemaProblem {
  const field = fieldLabel(path, object);
  switch (error.keyword) {
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).filter((candidate) => candidate !== '');
      return {
        path,
        messageId: 'unsupportedValue',
        data: { path: field, value: goValue(actual), allowed: allowed.map((candidate) => goValue(candidate)).join(', ') },
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const limit = Number(error.params.limit);
      // The bundled schemas bound int32 fields (Kubernetes' int32 Go type); custom schemas have their own limits.
      if (limit === INT32_MIN || limit === INT32_MAX) {
        return { path, messageId: 'outOfRange', data: { path: field, value: String(actual), min: INT32_MIN, max: INT32_MAX } };
      }
      const bound = COMPARISON_WORDS[String(error.params.comparison)] ?? String(error.params.comparison);
      return { path, messageId: 'outOfBounds', data: { path: field, value: String(actual), bound: `${bound} ${limit}` } };
    }
    default:
      return typeProblem(String(error.params.type), path, actual, object, field, isEnum);
  }
}

function typeProblem(expectedTypes: string, path: Path, actual: unknown, object: K8sObject, field: string, isEnum: boolean): SchemaProblem {
  const expected = expectedTypes.split(',');
  const base = { path, messageId: 'wrongType' as const };
  const data = { path: field, expected: expected.map(typeName).join(' or '), actual: describe(actual) };
  const raw = plainScalarText(object, path);
  // YAML 1.1 turns unquoted yes/no/on/off, numbers and octals into booleans and numbers where
  // a string was meant; Kubernetes then rejects the type. Quoting keeps the text (not a fix for
  // an enum field, or an int-or-string where the number itself is wrong).
  const stringOnly = expected.length === 1 && expected[0] === 'string' && !isEnum;
  if (stringOnly && (typeof actual === 'boolean' || typeof actual === 'number') && raw !== undefined) {
    const read = String(actual) === raw ? '' : `YAML 1.1 reads the unquoted ${raw} as ${String(actual)}, `;
    return {
      ...base,
      data: { ...data, hint: `; ${read}quote it: ${JSON.stringify(raw)}` },
      fix: { title: `Quote ${raw}`, path, text: JSON.stringify(raw) },
    };
  }
  if (expected.includes('integer') && !expected.includes('string') && typeof actual === 'string' && /^-?\d+$/.test(actual.trim())) {
    // No fix here: fixes keep the quoting of what they replace (engine), which is the point.
    return { ...base, data: { ...data, hint: '; remove the quotes' } };
  }
  return { ...base, data: { ...data, hint: '' } };
}

/** The source text of a plain (unquoted) scalar at a path, or undefined for anything else. */
function plainScalarText(object: K8sObject, path: Path): string | undefined {
  const text = object.document.sourceMap.scalarText([...object.documentPath, ...path]);
  if (text === undefined || text === '' || /^["'|>[{]/.test(text) || text.includes('\n')) return undefined;
  return text;
}

export function objectLabel(object: K8sObject): string {
  return object.kind || 'the object';
}

/** A field, or the object that holds it, as messages name it: `spec.containers[0]`, or `Pod` for the root. */
function fieldLabel(path: Path, object: K8sObject): string {
  return path.length === 0 ? objectLabel(object) : formatPath(path);
}

function typeName(type: string): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    default:
      return `a ${type}`;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number':
      return Number.isInteger(value) ? `an integer (${value})` : `a number (${value})`;
    case 'boolean':
      return `a boolean (${value})`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** Values as Kubernetes prints them in `Unsupported value`: strings quoted, others plain. */
function goValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
}
