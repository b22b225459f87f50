import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageAsset } from '../package-root.js';
import { bundledDefinitions, bundledKindSchemas } from './bundled-schemas.js';
import { addPodlintKeywords, AJV_OPTIONS, forCompilation, REF_PREFIX, type AjvCodegen } from './compile-schema.js';

/** One error of a compiled validator, as ajv reports it (messages are podlint's own). */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** A compiled validator: true when the value is valid, else its errors are on `errors`. */
export interface CompiledValidator {
  (value: unknown, context?: object): boolean;
  errors?: readonly SchemaError[] | null;
}

type Kinds = Readonly<Record<string, Readonly<Record<string, string>>>>;

interface ValidatorIndex {
  readonly kinds: Kinds;
  readonly chunks: Readonly<Record<string, number>>;
}

type Factory = (module: { exports: unknown }, load: (definition: string) => CompiledValidator) => void;

/** How one version's validators are found: compiled at build time, or compiled here. */
interface VersionValidators {
  readonly kinds: Kinds;
  validator(definition: string): CompiledValidator;
}

const require = createRequire(import.meta.url);
const versions = new Map<string, VersionValidators | null>();

/** The kinds the bundled schemas of a version know (apiVersion → kind → definition), or none. */
export function bundledKinds(version: string): Kinds {
  return validatorsOf(version)?.kinds ?? {};
}

/**
 * The validator of a built-in kind, or undefined when the version has no schema for it. Loads
 * only what this kind reaches, once per process.
 */
export function loadValidator(version: string, apiVersion: string, kind: string): CompiledValidator | undefined {
  const validators = validatorsOf(version);
  const definition = validators?.kinds[apiVersion]?.[kind];
  return definition === undefined ? undefined : validators!.validator(definition);
}

/** False when neither compiled validators nor schemas ship with this copy of podlint. */
export function hasBundledSchemas(version: string): boolean {
  return validatorsOf(version) !== undefined;
}

function validatorsOf(version: string): VersionValidators | undefined {
  if (!versions.has(version)) {
    const compiled = packageAsset(path.join('dist/validators', version));
    versions.set(
      version,
      existsSync(path.join(compiled, 'index.json'))
        ? precompiled(compiled)
        : existsSync(packageAsset(path.join('schemas/kubernetes', version, 'kinds.json')))
          ? compiledAtRunTime(version)
          : null,
    );
  }
  return versions.get(version) ?? undefined;
}

/**
 * The validators `npm run build` compiled (scripts/schemas/compile-validators.ts). Definitions
 * refer to each other, also in cycles (JSONSchemaProps), so a module is cached before it runs,
 * as CommonJS does; each compiled module sets its exports before it loads what it refers to.
 */
function precompiled(dir: string): VersionValidators {
  const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as ValidatorIndex;
  const instances = new Map<string, { exports: unknown }>();
  const instantiate = (definition: string): CompiledValidator => {
    let module = instances.get(definition);
    if (!module) {
      const chunk = index.chunks[definition];
      if (chunk === undefined) throw new Error(`No compiled validator for ${definition} in ${dir}.`);
      const factories = require(path.join(dir, `chunk-${chunk}.cjs`)) as Record<string, Factory>;
      module = { exports: undefined };
      instances.set(definition, module);
      factories[definition]!(module, instantiate);
    }
    return module.exports as CompiledValidator;
  };
  return { kinds: index.kinds, validator: instantiate };
}

/**
 * Where dist/ was not built (the GitHub Action's bundle, a git install without TypeScript), the
 * committed schemas are compiled on first use, one definition at a time, with the same keywords.
 */
function compiledAtRunTime(version: string): VersionValidators {
  const { Ajv } = require('ajv') as typeof import('ajv');
  const codegen: AjvCodegen = { _: (require('ajv') as typeof import('ajv'))._, callRef: (require('ajv/dist/vocabularies/core/ref') as typeof import('ajv/dist/vocabularies/core/ref.js')).callRef };
  const ajv = new Ajv({ ...AJV_OPTIONS });
  const compiled = new Map<string, CompiledValidator>();
  const compile = (definition: string): CompiledValidator => {
    let validator = compiled.get(definition);
    if (!validator) {
      validator = ajv.compile(forCompilation(bundledDefinitions(version)[definition] as Record<string, unknown>, definition)) as unknown as CompiledValidator;
      compiled.set(definition, validator);
    }
    return validator;
  };
  // A reference is compiled when it is first called, so one kind never compiles the whole API.
  const lazy = (definition: string): CompiledValidator => {
    const call: CompiledValidator = (value, context) => {
      const validator = compile(definition);
      const valid = validator(value, context);
      call.errors = validator.errors;
      return valid;
    };
    return call;
  };
  addPodlintKeywords(ajv, codegen, lazy);
  const kinds: Record<string, Record<string, string>> = {};
  for (const [apiVersion, byKind] of Object.entries(bundledKindSchemas(version))) {
    for (const [kind, schema] of Object.entries(byKind)) {
      const ref = (schema.allOf as { $ref: string }[])[0]!.$ref;
      (kinds[apiVersion] ??= {})[kind] = ref.slice(ref.indexOf(REF_PREFIX) + REF_PREFIX.length);
    }
  }
  return { kinds, validator: compile };
}
