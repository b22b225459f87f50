import { isObject } from '../json.js';
import type { K8sObject } from '../load/types.js';
import { isBuiltinGroup } from './api-versions.js';
import { bundledResolver } from './bundled-schemas.js';
import type { CustomSchemas } from './custom-schemas.js';
import { bundledKinds, hasBundledSchemas, loadValidator, type CompiledValidator, type SchemaError } from './load-validator.js';
import type { RefResolver, SchemaNode } from './schema-walk.js';

/** The schema an object is validated against, and how its details are read for messages. */
export interface SchemaSource {
  /** `bundled` for Kubernetes' own kinds, `custom` for --schema-dir. */
  readonly origin: 'bundled' | 'custom';
  readonly root: SchemaNode;
  readonly resolve: RefResolver;
}

/** What validating one object found, shared by the schema rules (validation runs once). */
export type ObjectValidation =
  | {
      readonly status: 'validated';
      readonly source: SchemaSource;
      /** The object as Kubernetes decodes it: `null` fields are absent (the value paths are the same). */
      readonly value: unknown;
      readonly errors: readonly SchemaError[];
    }
  /** No `apiVersion` (or no `kind`): the API server rejects the object before any schema. */
  | { readonly status: 'untyped'; readonly missing: 'apiVersion' | 'kind' }
  /** A Kubernetes group, but an apiVersion and kind this version does not serve. */
  | { readonly status: 'unserved'; readonly apiVersion: string; readonly kind: string }
  /** Another group with no schema given: a custom resource. */
  | { readonly status: 'unknown-kind'; readonly apiVersion: string; readonly kind: string }
  /** This copy of podlint ships no schemas (a bare bundle): nothing is validated. */
  | { readonly status: 'unavailable' };

export interface ValidationSettings {
  readonly kubernetesVersion: string;
  readonly customSchemas?: CustomSchemas | undefined;
}

const cache = new WeakMap<K8sObject, { settings: ValidationSettings; result: ObjectValidation }>();

/** Validates an object once per settings; every schema rule reads the same result. */
export function validateObject(object: K8sObject, settings: ValidationSettings): ObjectValidation {
  const cached = cache.get(object);
  if (cached && cached.settings.kubernetesVersion === settings.kubernetesVersion && cached.settings.customSchemas === settings.customSchemas) {
    return cached.result;
  }
  const result = validate(object, settings);
  cache.set(object, { settings, result });
  return result;
}

function validate(object: K8sObject, settings: ValidationSettings): ObjectValidation {
  const { apiVersion, kind } = object;
  if (object.value.apiVersion == null) return { status: 'untyped', missing: 'apiVersion' };
  if (object.value.kind == null) return { status: 'untyped', missing: 'kind' };
  const value = withoutNulls(object.value);
  // A non-string apiVersion or kind cannot name a schema: report it as the type error it is.
  if (apiVersion === undefined || typeof object.value.kind !== 'string') {
    return { status: 'validated', source: TYPE_ONLY, value, errors: typeErrors(object.value) };
  }
  const custom = settings.customSchemas?.find(apiVersion, kind);
  if (custom) {
    return { status: 'validated', source: { origin: 'custom', root: custom.root, resolve: custom.resolve }, value, errors: run(custom.validator(), value) };
  }
  const version = settings.kubernetesVersion;
  if (!hasBundledSchemas(version)) return { status: 'unavailable' };
  const validator = loadValidator(version, apiVersion, kind);
  if (validator) {
    const definition = bundledKinds(version)[apiVersion]![kind]!;
    const source: SchemaSource = { origin: 'bundled', root: { $ref: `#/definitions/${definition}` }, resolve: bundledResolver(version) };
    return { status: 'validated', source, value, errors: run(validator, value) };
  }
  return isBuiltinGroup(apiVersion) ? { status: 'unserved', apiVersion, kind } : { status: 'unknown-kind', apiVersion, kind };
}

function run(validator: CompiledValidator, value: unknown): readonly SchemaError[] {
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

const TYPE_ONLY: SchemaSource = {
  origin: 'bundled',
  root: { type: 'object', properties: { apiVersion: { type: 'string' }, kind: { type: 'string' } } },
  resolve: () => undefined,
};

function typeErrors(value: Readonly<Record<string, unknown>>): SchemaError[] {
  return (['apiVersion', 'kind'] as const)
    .filter((field) => typeof value[field] !== 'string')
    .map((field) => ({ instancePath: `/${field}`, schemaPath: `#/properties/${field}/type`, keyword: 'type', params: { type: 'string' } }));
}

/**
 * Kubernetes decodes `field: null` (and an empty `field:` in YAML) as the field being absent, so
 * null fields are dropped before validation. Nulls in lists stay: they decode to an empty entry.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) if (field !== null) out[key] = withoutNulls(field);
  return out;
}
