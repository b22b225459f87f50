import { parseTemplatePath, type PodTemplatePaths } from '../k8s/kinds.js';
import { loadSchemaDirs, SchemaDirError, type CustomSchemas } from '../validate/custom-schemas.js';
import { UsageError } from './usage-error.js';

/** The schema settings of a run: --schema-dir and --pod-template-path. */
export interface SchemaSettings {
  readonly customSchemas?: CustomSchemas;
  readonly podTemplatePaths?: PodTemplatePaths;
}

export function resolveSchemaSettings(schemaDirs: readonly string[], templatePaths: readonly string[], cwd: string): SchemaSettings {
  const settings: { customSchemas?: CustomSchemas; podTemplatePaths?: PodTemplatePaths } = {};
  if (schemaDirs.length > 0) {
    try {
      settings.customSchemas = loadSchemaDirs(schemaDirs, cwd);
    } catch (error) {
      if (error instanceof SchemaDirError) throw new UsageError(error.message);
      throw error;
    }
  }
  if (templatePaths.length > 0) settings.podTemplatePaths = parsePodTemplatePaths(templatePaths);
  return settings;
}

/** `example.com/v1/MyKind=spec.template` (repeatable) → `{ 'example.com/v1/MyKind': ['spec', 'template'] }`. */
export function parsePodTemplatePaths(values: readonly string[]): PodTemplatePaths {
  const paths: Record<string, readonly (string | number)[]> = {};
  for (const value of values) {
    const match = /^(.+)\/([^/=]+)=(.+)$/.exec(value);
    const path = match ? parseTemplatePath(match[3]!) : [];
    if (!match || path.length === 0) {
      throw new UsageError(`--pod-template-path needs <apiVersion>/<kind>=<path>, for example example.com/v1/MyKind=spec.template (got "${value}").`);
    }
    paths[`${match[1]}/${match[2]}`] = path;
  }
  return paths;
}
