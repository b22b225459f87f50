import path from 'node:path';
import fg from 'fast-glob';
import type { ConfigProblem } from './config-error.js';
import type { LoadedConfig } from './load-config.js';

/**
 * The files a resolved configuration was built from, for whoever keeps it across changes (the
 * language server): when one of them changes, the configuration must be loaded again.
 */
export interface ConfigDependencies {
  /** The configuration files read: the one that applies and every file it extends. */
  readonly files: readonly string[];
  /**
   * Where the customRules globs look for rule modules: a new, changed or removed module (or a
   * helper next to one) under these directories changes the rules.
   */
  readonly ruleDirectories: readonly string[];
}

export const NO_DEPENDENCIES: ConfigDependencies = { files: [], ruleDirectories: [] };

/** Rule modules and the helpers they import, by extension (as customRules loads them, and .cjs helpers). */
export const RULE_MODULE = /\.(m?js|cjs|ts|mts|cts)$/;

export function configDependencies(loaded: LoadedConfig): ConfigDependencies {
  const files: string[] = [];
  const ruleDirectories = new Set<string>();
  for (const layer of loaded.layers) {
    if (layer.kind !== 'file') continue;
    files.push(layer.source.filePath);
    for (const entry of layer.data.customRules ?? []) {
      if (typeof entry === 'string') ruleDirectories.add(globBase(layer.dir, entry));
    }
  }
  return { files, ruleDirectories: [...ruleDirectories].sort() };
}

/**
 * What a configuration that could not be loaded depends on: the file itself and every file a
 * problem is in (fixing any of them may fix the configuration).
 */
export function brokenConfigDependencies(configFile: string, problems: readonly ConfigProblem[]): ConfigDependencies {
  const files = new Set([configFile, ...problems.map((problem) => problem.filePath)]);
  return { files: [...files], ruleDirectories: [] };
}

/** True when a change to `filePath` can change a configuration with these dependencies. */
export function dependsOn(dependencies: ConfigDependencies, filePath: string): boolean {
  if (dependencies.files.includes(filePath)) return true;
  return RULE_MODULE.test(filePath) && dependencies.ruleDirectories.some((dir) => isInside(dir, filePath));
}

/** The directory a glob's matches all sit in: its leading segments without glob syntax. */
function globBase(dir: string, pattern: string): string {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const fixed: string[] = [];
  // The last segment names files, even when it has no glob syntax.
  for (const segment of segments.slice(0, -1)) {
    if (fg.isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return path.resolve(dir, fixed.join('/') || '.');
}

function isInside(dir: string, filePath: string): boolean {
  const relative = path.relative(dir, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
