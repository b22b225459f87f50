import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

/** One error of a compiled validator, as ajv reports it (messages are podlint's own). */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A compiled validator: true when the value is valid, else its errors are on `errors`. */
export interface CompiledValidator {
  (value: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

interface ValidatorIndex {
  readonly kinds: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly chunks: Readonly<Record<string, number>>;
}

type Factory = (module: { exports: unknown }, load: (definition: string) => CompiledValidator) => void;

// The validators are compiled at build time into dist/validators/<version>/ (see
// scripts/schemas/compile-validators.ts).
const VALIDATORS = path.join(PACKAGE_ROOT, 'dist/validators');
const require = createRequire(import.meta.url);

const indexes = new Map<string, ValidatorIndex>();
const instances = new Map<string, { exports: unknown }>();

/** The kinds the bundled schemas of a Kubernetes version know: apiVersion → kind → definition. */
export function bundledKinds(version: string): Readonly<Record<string, Readonly<Record<string, string>>>> {
  return indexOf(version).kinds;
}

/**
 * The validator of a built-in kind, or undefined when the version has no schema for it. Loads
 * only the chunks of the definitions this kind reaches, once per process.
 */
export function loadValidator(version: string, apiVersion: string, kind: string): CompiledValidator | undefined {
  const definition = indexOf(version).kinds[apiVersion]?.[kind];
  return definition === undefined ? undefined : instantiate(version, definition);
}

function indexOf(version: string): ValidatorIndex {
  let index = indexes.get(version);
  if (!index) {
    index = JSON.parse(readFileSync(path.join(VALIDATORS, version, 'index.json'), 'utf8')) as ValidatorIndex;
    indexes.set(version, index);
  }
  return index;
}

/**
 * Runs a definition's compiled module once. Definitions refer to each other, also in cycles
 * (JSONSchemaProps), so a module is cached before it runs, as CommonJS does; each compiled
 * module sets its exports before it loads what it refers to.
 */
function instantiate(version: string, definition: string): CompiledValidator {
  const key = `${version}\0${definition}`;
  let module = instances.get(key);
  if (!module) {
    const chunk = indexOf(version).chunks[definition];
    if (chunk === undefined) throw new Error(`No compiled validator for ${definition} (Kubernetes ${version}).`);
    const factories = require(path.join(VALIDATORS, version, `chunk-${chunk}.cjs`)) as Record<string, Factory>;
    module = { exports: undefined };
    instances.set(key, module);
    factories[definition]!(module, (other) => instantiate(version, other));
  }
  return module.exports as CompiledValidator;
}
