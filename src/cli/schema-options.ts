import { parsePodTemplatePaths as parsePaths, PodTemplatePathError, type PodTemplatePaths } from '../k8s/kinds.js';
import { loadSchemaDirs, type CustomSchemas } from '../validate/custom-schemas.js';
import { UsageError } from './usage-error.js';

/** The schema settings of a run: --schema-dir and --pod-template-path. */
export interface SchemaSettings {
  readonly customSchemas?: CustomSchemas;
  readonly podTemplatePaths?: PodTemplatePaths;
}

export function resolveSchemaSettings(schemaDirs: readonly string[], templatePaths: readonly string[], cwd: string): SchemaSettings {
  const settings: { customSchemas?: CustomSchemas; podTemplatePaths?: PodTemplatePaths } = {};
  // A SchemaDirError is a usage error (main maps it to exit 2).
  if (schemaDirs.length > 0) settings.customSchemas = loadSchemaDirs(schemaDirs, cwd);
  if (templatePaths.length > 0) settings.podTemplatePaths = parsePodTemplatePaths(templatePaths);
  return settings;
}

/** `--pod-template-path example.com/v1/MyKind=spec.template` (repeatable); a bad one is a usage error. */
export function parsePodTemplatePaths(values: readonly string[]): PodTemplatePaths {
  try {
    return parsePaths(values);
  } catch (error) {
    if (error instanceof PodTemplatePathError) throw new UsageError(`--pod-template-path ${error.message}`);
    throw error;
  }
}
