import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { builtinRules } from '../../rules/index.js';
import type { Path } from '../path.js';
import type { ConfigProblem } from './config-error.js';
import { configSchema } from './config-schema.js';
import type { ConfigSource } from './read-config.js';
import { schemaProblems } from './schema-problems.js';

const require = createRequire(import.meta.url);

let configValidator: ValidateFunction | undefined;

/** A fresh ajv, loaded on first use: a run without a configuration file never loads it. */
export function newAjv(): import('ajv').Ajv {
  const { Ajv } = require('ajv') as typeof import('ajv');
  // verbose: errors carry their schema, for "expected one of" hints; strict off: rule schemas may
  // carry editor keywords such as markdownDescription.
  return new Ajv({ allErrors: true, strict: false, verbose: true });
}

/**
 * Validates a configuration against the same schema as schemas/podlint-config.schema.json (built
 * from the rule meta in memory; a test keeps the committed file equal to it).
 */
export function validateConfig(source: ConfigSource): ConfigProblem[] {
  configValidator ??= newAjv().compile(configSchema(builtinRules));
  if (configValidator(source.data)) return [];
  return schemaProblems(configValidator.errors ?? [], source);
}

/** Validates a value inside the configuration (a custom rule's options) against a schema. */
export function validateAt(source: ConfigSource, base: Path, value: unknown, validate: ValidateFunction): ConfigProblem[] {
  if (validate(value)) return [];
  return schemaProblems(validate.errors ?? [], source, base);
}
