import { statSync } from 'node:fs';
import path from 'node:path';
import { ConfigResolver, type FileConfig } from '../config/resolve-config.js';
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

/**
 * The configuration of every file to lint, resolved before linting starts (loading rule modules
 * is asynchronous; linting stays synchronous). Files matching a configuration's ignorePatterns are
 * dropped unless they were named on the command line.
 */
export async function configureFiles(
  files: readonly string[],
  inputs: readonly string[],
  resolver: ConfigResolver,
  cwd: string,
): Promise<{ files: string[]; configs: Map<string, FileConfig> }> {
  const named = new Set(inputs.map((input) => path.resolve(cwd, input)).filter(isFile));
  const configs = new Map<string, FileConfig>();
  const kept: string[] = [];
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    const config = await resolver.forFile(absolute);
    if (config.ignored && !named.has(absolute)) continue;
    configs.set(absolute, config);
    kept.push(file);
  }
  return { files: kept, configs };
}

/** Exit code 1 when a file has a counted finding at or over its fail level. */
export function failsAtLevel(results: readonly FileResult[], failLevelOf: (absolutePath: string) => Severity): boolean {
  return results.some((result) => {
    const level = failLevelOf(result.absolutePath);
    if (level === 'error') return result.errorCount > 0;
    return result.findings.some((finding) => !finding.suppressions?.length && atLeast(finding.severity, level));
  });
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

export { ConfigResolver };
