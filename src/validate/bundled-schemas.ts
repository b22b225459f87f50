import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageAsset } from '../package-root.js';
import type { RefResolver, SchemaNode } from './schema-walk.js';

const DEFINITION_REF = '#/definitions/';
const definitions = new Map<string, Readonly<Record<string, SchemaNode>>>();

/**
 * The committed strict definitions of a version (schemas/kubernetes/<version>/), read only when a
 * finding needs a schema's details (the fields an object allows) or dist/ was not built.
 */
export function bundledDefinitions(version: string): Readonly<Record<string, SchemaNode>> {
  let loaded = definitions.get(version);
  if (!loaded) {
    loaded = (readJson(version, 'definitions.json') as { definitions: Record<string, SchemaNode> }).definitions;
    definitions.set(version, loaded);
  }
  return loaded;
}

/** The committed kinds index of a version: apiVersion → kind → top-level schema. */
export function bundledKindSchemas(version: string): Readonly<Record<string, Readonly<Record<string, SchemaNode>>>> {
  return readJson(version, 'kinds.json') as Record<string, Record<string, SchemaNode>>;
}

/** Resolves `#/definitions/<name>` references within one version's definitions. */
export function bundledResolver(version: string): RefResolver {
  return (ref) => (ref.startsWith(DEFINITION_REF) ? bundledDefinitions(version)[ref.slice(DEFINITION_REF.length)] : undefined);
}

function readJson(version: string, file: string): unknown {
  return JSON.parse(readFileSync(packageAsset(path.join('schemas/kubernetes', version, file)), 'utf8'));
}
