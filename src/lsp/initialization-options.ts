import type { CliSettings } from '../config/types.js';
import { parsePodTemplatePaths } from '../k8s/kinds.js';
import { loadSchemaDirs } from '../validate/custom-schemas.js';

/** What the client's `initializationOptions` set: the server's flags, as the CLI's are for a run. */
export interface InitializationSettings {
  readonly debounceMs?: number;
  /** Like the command line's --config, --schema-dir and --pod-template-path, relative to the workspace root. */
  readonly cli: CliSettings;
  /** Options that cannot be used, said once to the user; the server starts without them. */
  readonly problems: readonly string[];
}

/**
 * Reads `{ debounceMs, configFile, schemaDirs, podTemplatePaths }`. A bad option is a message,
 * never a refusal to start: the editor would show a dead server instead of findings.
 */
export function initializationSettings(options: unknown, root: string | undefined): InitializationSettings {
  const given = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const cwd = root ?? process.cwd();
  const cli: { configFile?: string; customSchemas?: CliSettings['customSchemas']; podTemplatePaths?: CliSettings['podTemplatePaths'] } = {};

  let debounceMs: number | undefined;
  if (given.debounceMs !== undefined) {
    if (typeof given.debounceMs === 'number' && Number.isFinite(given.debounceMs) && given.debounceMs >= 0) debounceMs = given.debounceMs;
    else problems.push(`initializationOptions.debounceMs must be a number of milliseconds, 0 or more (got ${JSON.stringify(given.debounceMs)}).`);
  }
  if (given.configFile !== undefined) {
    if (typeof given.configFile === 'string' && given.configFile !== '') cli.configFile = given.configFile;
    else problems.push(`initializationOptions.configFile must be the path of a configuration file (got ${JSON.stringify(given.configFile)}).`);
  }
  const schemaDirs = stringList(given.schemaDirs, 'schemaDirs', problems);
  if (schemaDirs.length > 0) {
    try {
      cli.customSchemas = loadSchemaDirs(schemaDirs, cwd);
    } catch (error) {
      problems.push(`initializationOptions.schemaDirs: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const templatePaths = stringList(given.podTemplatePaths, 'podTemplatePaths', problems);
  if (templatePaths.length > 0) {
    try {
      cli.podTemplatePaths = parsePodTemplatePaths(templatePaths);
    } catch (error) {
      problems.push(`initializationOptions.podTemplatePaths ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ...(debounceMs !== undefined ? { debounceMs } : {}), cli, problems };
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '')) return value as string[];
  problems.push(`initializationOptions.${name} must be a list of strings (got ${JSON.stringify(value)}).`);
  return [];
}
