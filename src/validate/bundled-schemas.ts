import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import type { RefResolver, SchemaNode } from './schema-walk.js';

const DEFINITION_REF = '#/definitions/';
const loaded = new Map<string, Readonly<Record<string, SchemaNode>>>();

/**
 * The committed strict definitions of a version, read only when a finding needs a schema's
 * details (the fields an object allows); validation itself runs the compiled validators.
 */
export function bundledDefinitions(version: string): Readonly<Record<string, SchemaNode>> {
  let definitions = loaded.get(version);
  if (!definitions) {
    const file = path.join(PACKAGE_ROOT, 'schemas/kubernetes', version, 'definitions.json');
    definitions = (JSON.parse(readFileSync(file, 'utf8')) as { definitions: Record<string, SchemaNode> }).definitions;
    loaded.set(version, definitions);
  }
  return definitions;
}

/** Resolves `#/definitions/<name>` references within one version's definitions. */
export function bundledResolver(version: string): RefResolver {
  return (ref) => (ref.startsWith(DEFINITION_REF) ? bundledDefinitions(version)[ref.slice(DEFINITION_REF.length)] : undefined);
}
