import type { ErrorObject } from 'ajv';
import { formatPath, pointerToPath, valueAt, type Path } from '../path.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { ConfigProblem } from './config-error.js';
import type { ConfigSource } from './read-config.js';

/**
 * Turns ajv's errors into one clear problem per mistake, at the place it is written. ajv reports
 * every branch of an `anyOf` (a rule setting is a severity or an array); only the branch that
 * fits the value's type is kept, so `[warning, {allowedImages: x}]` says "must be array", not
 * also "must be string".
 */
export function schemaProblems(errors: readonly ErrorObject[], source: ConfigSource, base: Path = []): ConfigProblem[] {
  const unions = new Set(errors.filter((error) => error.keyword === 'anyOf' || error.keyword === 'oneOf').map((error) => error.instancePath));
  const problems = new Map<string, ConfigProblem>();
  const dropped: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const value = valueAtPointer(source.data, base, error.instancePath);
    // Inside a union, a type error means "not this branch", and so does an enum of strings
    // against a list or a map.
    if (unions.has(error.instancePath) && (error.keyword === 'type' || (error.keyword === 'enum' && typeof value === 'object' && value !== null))) {
      dropped.push(error);
      continue;
    }
    const problem = toProblem(error, source, base);
    const key = `${error.instancePath}\u0000${(error.params as { additionalProperty?: string; missingProperty?: string }).additionalProperty ?? (error.params as { missingProperty?: string }).missingProperty ?? ''}`;
    // One problem per place: a type error wins over the enum of the same value.
    if (!problems.has(key)) problems.set(key, problem);
  }
  // A union where no branch fits the value's type: one message naming what would.
  for (const instancePath of unions) {
    const covered = [...problems.keys()].some((key) => key === instancePath || key.startsWith(`${instancePath}/`) || key.startsWith(`${instancePath}\u0000`));
    if (covered) continue;
    const wanted = new Set<string>();
    for (const error of dropped.filter((candidate) => candidate.instancePath === instancePath)) {
      if (error.keyword === 'type') wanted.add(articled(String((error.params as { type: string }).type)));
      if (error.keyword === 'enum') for (const allowed of (error.params as { allowedValues: unknown[] }).allowedValues) wanted.add(JSON.stringify(allowed));
    }
    const path = [...base, ...pointerPath(source.data, base, instancePath)];
    problems.set(instancePath, {
      filePath: source.filePath,
      range: source.locate(path),
      message: `${where(path)} must be ${[...wanted].join(' or ')}.`,
    });
  }
  return [...problems.values()].sort((a, b) => (a.range?.startOffset ?? 0) - (b.range?.startOffset ?? 0));
}

function toProblem(error: ErrorObject, source: ConfigSource, base: Path): ConfigProblem {
  const relative = pointerPath(source.data, base, error.instancePath);
  // Messages name the full path in the file; locations are resolved from it too.
  const path = [...base, ...relative];
  const at = (target: Path, key = false) => ({ filePath: source.filePath, range: source.locate(target, key ? 'key' : 'value') });
  const value = valueAtPointer(source.data, base, error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).filter((name) => name !== '$schema');
      const suggestion = didYouMean(key, allowed);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : allowed.length > 0 ? `; expected one of: ${allowed.join(', ')}.` : ', which takes no keys.';
      return { ...at([...path, key], true), message: `Unknown key "${key}"${path.length > 0 ? ` in ${formatPath(path)}` : ''}${hint}` };
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      return { ...at(path), message: `${path.length > 0 ? formatPath(path) : 'The configuration'} is missing the required key "${missing}".` };
    }
    case 'type': {
      const type = String((error.params as { type: string }).type);
      const quote = type === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? ` (quote it: "${source.textAt(path)}")` : '';
      return { ...at(path), message: `${where(path)} must be ${articled(type)}${quote}.` };
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((item) => JSON.stringify(item)).join(', ');
      return { ...at(path), message: `${where(path)} must be one of ${allowed} (got ${JSON.stringify(value)}).` };
    }
    default:
      return { ...at(path), message: `${where(path)} ${error.message ?? 'is invalid'}.` };
  }
}

function where(path: Path): string {
  return path.length > 0 ? formatPath(path) : 'The configuration';
}

function articled(type: string): string {
  const words: Record<string, string> = { array: 'a list', object: 'a mapping', string: 'a string', number: 'a number', integer: 'an integer', boolean: 'true or false', null: 'null' };
  return type.split(',').map((part) => words[part] ?? part).join(' or ');
}

/** JSON pointer → path segments, relative to `base`, numbers where the data holds a list. */
function pointerPath(data: unknown, base: Path, pointer: string): Path {
  return pointerToPath(pointer, valueAt(data, base));
}

function valueAtPointer(data: unknown, base: Path, pointer: string): unknown {
  return valueAt(valueAt(data, base), pointerPath(data, base, pointer));
}
