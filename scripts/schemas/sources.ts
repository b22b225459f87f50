// Where the schema generator reads its inputs and writes its outputs, relative to the repository.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The repository root, from `scripts/schemas/` and from its build output `dist/scripts/schemas/`. */
export const REPOSITORY_ROOT = findRoot(import.meta.dirname);

/** The raw upstream specs, gzip-compressed (generator input only; never published). */
export function specPath(version: string): string {
  return path.join(REPOSITORY_ROOT, 'scripts/openapi', `swagger-v${version}.json.gz`);
}

/** The committed strict schemas of one version. */
export function schemaDir(version: string): string {
  return path.join(REPOSITORY_ROOT, 'schemas/kubernetes', version);
}

export function readSpec(version: string): { definitions: Record<string, Record<string, never>> } {
  return JSON.parse(gunzipSync(readFileSync(specPath(version))).toString('utf8')) as { definitions: Record<string, Record<string, never>> };
}

function findRoot(dir: string): string {
  const parts = dir.split(path.sep);
  const dist = parts.lastIndexOf('dist');
  return dist === -1 ? path.resolve(dir, '../..') : parts.slice(0, dist).join(path.sep) || path.sep;
}
