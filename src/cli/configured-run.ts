import type { CliSettings } from '../config/types.js';
import { atLeast, type Severity } from '../engine/severity.js';
import type { FileResult } from '../report/results.js';
import { resolveKubernetesVersion } from './kubernetes-version.js';
import type { CliOptions } from './options.js';
import { resolveSchemaSettings } from './schema-options.js';

/** What the command line says about configuration; it wins over every configuration file. */
export function cliSettings(options: CliOptions, cwd: string): CliSettings {
  return {
    ...resolveSchemaSettings(options.schemaDirs, options.podTemplatePaths, cwd),
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    rules: options.rules,
    ...(options.kubernetesVersion !== undefined ? { kubernetesVersion: resolveKubernetesVersion(options.kubernetesVersion) } : {}),
    ...(options.failLevel ? { failLevel: options.failLevel } : {}),
    reportUnusedDirectives: options.reportUnusedDirectives,
  };
}

/** Exit code 1 when a file has a counted finding at or over its fail level. */
export function failsAtLevel(results: readonly FileResult[], failLevelOf: (absolutePath: string) => Severity): boolean {
  return results.some((result) => {
    const level = failLevelOf(result.absolutePath);
    if (level === 'error') return result.errorCount > 0;
    return result.findings.some((finding) => !finding.suppressions?.length && atLeast(finding.severity, level));
  });
}

