import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { asArray, asObject, asString, isObject, type JsonObject } from '../json.js';
import { SAFE_TO_JS_OPTIONS } from '../load/yaml-schema.js';
import { AJV_OPTIONS } from './compile-schema.js';
import type { CompiledValidator } from './load-validator.js';
import type { RefResolver, SchemaNode } from './schema-walk.js';

/** A schema given with --schema-dir for one apiVersion and kind, compiled on first use. */
export interface CustomSchema {
  /** Where it came from, for messages: the file, and the CRD version. */
  readonly source: string;
  readonly root: SchemaNode;
  readonly resolve: RefResolver;
  validator(): CompiledValidator;
}

/** The schemas of every --schema-dir, by `apiVersion/kind`. */
export interface CustomSchemas {
  find(apiVersion: string, kind: string): CustomSchema | undefined;
  readonly size: number;
}

/**
 * A schema directory or file podlint cannot use, naming it, also when a schema turns out not to
 * compile on first use, in the middle of a run. The CLI reports it as a usage error (exit 2).
 */
export class SchemaDirError extends Error {
  override name = 'SchemaDirError';
}

const SCHEMA_FILE = /\.(json|ya?ml)$/i;

/**
 * Reads JSON Schemas and CRD manifests from directories. A CRD gives one schema per served
 * version (its `openAPIV3Schema`, made strict as the API server prunes unknown fields). A JSON
 * Schema file is keyed by its `x-kubernetes-group-version-kind`, else by its file name as
 * kubeconform writes them (`<kind>-<group>-<version>.json`, `<kind>_<version>.json` under a
 * `<group>/` folder, as the CRDs catalog does).
 */
export function loadSchemaDirs(dirs: readonly string[], cwd: string): CustomSchemas {
  const schemas = new Map<string, CustomSchema>();
  const add = (apiVersion: string, kind: string, schema: CustomSchema) => {
    const key = `${apiVersion}/${kind}`.toLowerCase();
    if (!schemas.has(key)) schemas.set(key, schema);
  };
  for (const dir of dirs) {
    const root = path.resolve(cwd, dir);
    for (const file of schemaFiles(root, dir)) {
      const relative = path.relative(cwd, file) || file;
      for (const document of readDocuments(file, relative)) {
        if (isCrd(document)) {
          for (const [apiVersion, kind, schema, version] of crdSchemas(document)) {
            add(apiVersion, kind, customSchema(`${relative} (${version})`, strictCrdSchema(schema)));
          }
        } else if (isObject(document)) {
          const keys = gvkKeys(document) ?? fileNameKeys(file, root);
          if (!keys) throw new SchemaDirError(`${relative}: cannot tell which kind this schema is for; name it <kind>-<group>-<version>.json or add x-kubernetes-group-version-kind.`);
          for (const [apiVersion, kind] of keys) add(apiVersion, kind, customSchema(relative, document));
        }
      }
    }
  }
  return {
    find: (apiVersion, kind) => schemas.get(`${apiVersion}/${kind}`.toLowerCase()),
    size: schemas.size,
  };
}

function schemaFiles(root: string, given: string): string[] {
  let stat;
  try {
    stat = statSync(root);
  } catch {
    throw new SchemaDirError(`--schema-dir ${given}: no such file or directory.`);
  }
  if (stat.isFile()) return [root];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && SCHEMA_FILE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function readDocuments(file: string, relative: string): unknown[] {
  const text = readFileSync(file, 'utf8');
  const documents = parseAllDocuments(text, { version: '1.1' });
  const list = Array.isArray(documents) ? documents : [documents];
  const values: unknown[] = [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) throw new SchemaDirError(`${relative}: ${error.message.split('\n')[0]}`);
    values.push(document.toJS(SAFE_TO_JS_OPTIONS));
  }
  return values;
}

function isCrd(value: unknown): value is JsonObject {
  return isObject(value) && value.kind === 'CustomResourceDefinition' && String(value.apiVersion ?? '').startsWith('apiextensions.k8s.io/');
}

/** apiVersion, kind, schema, CRD version name: v1 keeps a schema per version, v1beta1 one for all. */
function* crdSchemas(crd: JsonObject): Generator<[string, string, JsonObject, string]> {
  const spec = asObject(crd.spec);
  const group = asString(spec?.group);
  const kind = asString(asObject(spec?.names)?.kind);
  if (!group || !kind) return;
  const shared = asObject(asObject(spec?.validation)?.openAPIV3Schema);
  const versions = asArray(spec?.versions).filter(isObject);
  const names = versions.length > 0 ? versions : spec?.version ? [{ name: spec.version }] : [];
  for (const version of names) {
    const name = asString(version.name);
    const schema = asObject(asObject(version.schema)?.openAPIV3Schema) ?? shared;
    if (name && schema) yield [`${group}/${name}`, kind, schema, name];
  }
}

function gvkKeys(schema: JsonObject): [string, string][] | undefined {
  const value = schema['x-kubernetes-group-version-kind'];
  const list = (Array.isArray(value) ? value : value ? [value] : []).filter(isObject);
  const keys = list
    .map((gvk): [string, string] | undefined => {
      const version = asString(gvk.version);
      const kind = asString(gvk.kind);
      const group = asString(gvk.group) ?? '';
      return version && kind ? [group ? `${group}/${version}` : version, kind] : undefined;
    })
    .filter((key): key is [string, string] => key !== undefined);
  return keys.length > 0 ? keys : undefined;
}

function fileNameKeys(file: string, root: string): [string, string][] | undefined {
  const base = path.basename(file).replace(SCHEMA_FILE, '');
  // kubeconform: deployment-apps-v1, service-v1 (core), or certificate-cert-manager.io-v1.
  const dashed = /^([a-z0-9]+)-(?:(.+)-)?(v\d+(?:(?:alpha|beta)\d+)?)$/i.exec(base);
  if (dashed) return [[dashed[2] ? `${dashed[2]}/${dashed[3]}` : dashed[3]!, dashed[1]!]];
  // The CRDs catalog: <group>/<kind>_<version>.json.
  const underscored = /^([a-z0-9]+)_(v\d+(?:(?:alpha|beta)\d+)?)$/i.exec(base);
  const group = path.relative(root, path.dirname(file)).split(path.sep).pop();
  if (underscored && group) return [[`${group}/${underscored[2]}`, underscored[1]!]];
  return undefined;
}

function customSchema(source: string, schema: JsonObject): CustomSchema {
  let compiled: CompiledValidator | undefined;
  const { $schema: _dialect, ...root } = schema;
  return {
    source,
    root,
    resolve: (ref) => (ref.startsWith('#/') ? pointer(root, ref.slice(2)) : undefined),
    validator() {
      compiled ??= compile(root, source);
      return compiled;
    },
  };
}

const require = createRequire(import.meta.url);

function compile(schema: JsonObject, source: string): CompiledValidator {
  // ajv is loaded only for runs with custom schemas: built-in kinds use precompiled validators.
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv({ ...AJV_OPTIONS });
  try {
    return ajv.compile(schema) as unknown as CompiledValidator;
  } catch (error) {
    throw new SchemaDirError(`${source}: not a usable JSON Schema: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * A CRD schema as the API server applies it: unknown fields are pruned (an error with strict
 * field validation) unless `x-kubernetes-preserve-unknown-fields`; int-or-string takes both; an
 * embedded resource and the root carry apiVersion, kind and metadata.
 */
export function strictCrdSchema(schema: JsonObject): JsonObject {
  const root = strictNode(schema);
  const properties = { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, ...asObject(root.properties) };
  return { ...root, type: 'object', properties, required: [...new Set(['apiVersion', 'kind', ...asArray(root.required).map(String)])] };
}

function strictNode(node: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'x-kubernetes-validations' || key === 'description') continue;
    out[key] = value;
  }
  if (node['x-kubernetes-int-or-string'] === true) {
    delete out.anyOf;
    out.type = ['integer', 'string'];
  }
  const properties = asObject(node.properties);
  if (properties) {
    const strict: JsonObject = {};
    for (const [name, value] of Object.entries(properties)) strict[name] = isObject(value) ? strictNode(value) : value;
    if (node['x-kubernetes-embedded-resource'] === true) {
      strict.apiVersion ??= { type: 'string' };
      strict.kind ??= { type: 'string' };
      strict.metadata ??= { type: 'object' };
    }
    out.properties = strict;
    if (node.additionalProperties === undefined && node['x-kubernetes-preserve-unknown-fields'] !== true) out.additionalProperties = false;
  }
  if (isObject(node.items)) out.items = strictNode(node.items);
  if (isObject(node.additionalProperties)) out.additionalProperties = strictNode(node.additionalProperties);
  // allOf/anyOf/oneOf parts of a structural schema only restate some of the fields for value
  // checks; closing them would reject the rest, so they are kept as written.
  return out;
}

function pointer(root: JsonObject, text: string): SchemaNode | undefined {
  let node: unknown = root;
  for (const raw of text.split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[segment] : undefined;
  }
  return isObject(node) ? node : undefined;
}
