import path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { ConfigError, formatProblem, type ConfigProblem } from '../config/config-error.js';
import { brokenConfigDependencies, dependsOn, RULE_MODULE, type ConfigDependencies } from '../config/dependencies.js';
import { ConfigLoadCache } from '../config/load-config.js';
import { ConfigResolver } from '../config/resolve-config.js';
import type { CliSettings } from '../config/types.js';
import { forgetCodeRules } from '../custom-rules/load-code-rule.js';
import type { LintSettings } from '../engine/lint-file.js';
import { LineIndex } from '../load/position.js';
import { builtinSettings, documentPath, isConfigFile, isFileDocument, type SettingsProvider } from './settings.js';

/** What applies to one open document. */
export interface DocumentConfig {
  readonly settings: LintSettings;
  /** The document matches ignorePatterns: it gets no diagnostics, as a run over its folder would skip it. */
  readonly ignored: boolean;
  /** The configuration file that applies (or failed); undefined for the defaults or a settings provider. */
  readonly configFile: string | undefined;
  /** Set when the configuration cannot be used; `settings` are then the defaults. */
  readonly failure?: ConfigFailure;
}

/** A configuration podlint cannot use, and what to tell the user about it. */
export interface ConfigFailure {
  /** The configuration file that failed; undefined when a settings provider threw. */
  readonly configFile: string | undefined;
  readonly problems: readonly ConfigProblem[];
  /** One line for window/showMessage. */
  readonly message: string;
}

// A notification is one line in most editors: the first problems, and how many more there are.
const PROBLEMS_IN_MESSAGE = 3;

/**
 * The workspace's configuration as the CLI resolves it (the nearest `.podlint.yaml` upwards from
 * each document, its presets, extends, overrides and custom rules, and the settings the client
 * gave at start-up in place of command-line flags), cached until `invalidate`. A document that is
 * not a file (an untitled buffer) gets the configuration of the workspace root.
 */
export class WorkspaceConfig {
  private resolver: ConfigResolver;
  private readonly byPath = new Map<string, Promise<DocumentConfig>>();
  /** What each configuration resolved so far was built from, by configuration file. */
  private readonly dependencies = new Map<string, ConfigDependencies>();
  /** Bumped by invalidate: a resolution that started before records nothing. */
  private epoch = 0;

  constructor(
    private readonly root: string | undefined,
    private readonly cli: CliSettings = {},
    private readonly provider?: SettingsProvider,
  ) {
    this.resolver = new ConfigResolver(root ?? process.cwd(), cli);
  }

  /** The configuration of an open document (shared by every caller until the next invalidate). */
  forDocument(uri: string): Promise<DocumentConfig> {
    const key = this.provider ? uri : this.resolvedPath(uri);
    if (key === undefined) return this.defaults();
    let config = this.byPath.get(key);
    if (!config) {
      config = this.provider ? this.fromProvider(uri) : this.resolve(key);
      this.byPath.set(key, config);
    }
    return config;
  }

  /**
   * The problems of a configuration file whose text is the editor's (saved or not), including
   * those of the files it extends and the rules it loads: what a document of that file shows.
   */
  async checkConfigText(filePath: string, text: string): Promise<readonly ConfigProblem[]> {
    const cache = new ConfigLoadCache();
    cache.useText(filePath, text);
    try {
      await new ConfigResolver(this.root ?? process.cwd(), { ...this.cli, configFile: filePath }, builtinRules, cache).forFile(filePath);
      return [];
    } catch (error) {
      return failureProblems(error, filePath);
    }
  }

  /** True when a change to the file may change some document's configuration. */
  affectedBy(filePath: string): boolean {
    if (this.provider) return isConfigFile(filePath);
    if (isConfigFile(filePath)) return true;
    for (const dependencies of this.dependencies.values()) if (dependsOn(dependencies, filePath)) return true;
    return false;
  }

  /** Every file and rule directory the configurations resolved so far depend on. */
  watched(): ConfigDependencies {
    const files = new Set<string>();
    const ruleDirectories = new Set<string>();
    for (const dependencies of this.dependencies.values()) {
      dependencies.files.forEach((file) => files.add(file));
      dependencies.ruleDirectories.forEach((dir) => ruleDirectories.add(dir));
    }
    return { files: [...files].sort(), ruleDirectories: [...ruleDirectories].sort() };
  }

  /**
   * Forgets every resolved configuration (and, when a rule module changed, the loaded rules): the
   * next request reads the configuration files again, and finds ones created meanwhile.
   */
  invalidate(changedFiles: readonly string[]): void {
    this.epoch++;
    this.byPath.clear();
    this.dependencies.clear();
    this.resolver = new ConfigResolver(this.root ?? process.cwd(), this.cli);
    if (changedFiles.some((file) => RULE_MODULE.test(file))) forgetCodeRules();
  }

  /** The path whose configuration a document gets; undefined for a buffer outside any workspace. */
  private resolvedPath(uri: string): string | undefined {
    if (isFileDocument(uri)) return documentPath(uri);
    if (this.root === undefined) return undefined;
    // The name of an untitled buffer is not a file name anyone wrote patterns for.
    return path.join(this.root, '<untitled>');
  }

  private async resolve(filePath: string): Promise<DocumentConfig> {
    const epoch = this.epoch;
    const resolver = this.resolver;
    const configFile = resolver.configFileFor(filePath);
    try {
      const config = await resolver.forFile(filePath);
      if (epoch === this.epoch && config.configFile) this.dependencies.set(config.configFile, config.dependencies);
      return { settings: config.settings, ignored: config.ignored, configFile: config.configFile };
    } catch (error) {
      if (epoch === this.epoch && configFile) this.dependencies.set(configFile, brokenConfigDependencies(configFile, failureProblems(error, configFile)));
      return { settings: (await resolver.defaults()).settings, ignored: false, configFile, failure: failure(error, configFile, this.root) };
    }
  }

  private async fromProvider(uri: string): Promise<DocumentConfig> {
    try {
      return { settings: await this.provider!(uri), ignored: false, configFile: undefined };
    } catch (error) {
      return { settings: builtinSettings(), ignored: false, configFile: undefined, failure: failure(error, undefined, this.root) };
    }
  }

  private defaults(): Promise<DocumentConfig> {
    if (this.provider) return Promise.resolve({ settings: builtinSettings(), ignored: false, configFile: undefined });
    return this.resolver.defaults().then((config) => ({ settings: config.settings, ignored: false, configFile: undefined }));
  }
}

/** A configuration that cannot be used, as problems: ConfigError's own, or one for the whole file. */
function failureProblems(error: unknown, filePath: string): ConfigProblem[] {
  if (error instanceof ConfigError) return [...error.problems];
  return [{ filePath, range: new LineIndex([0]).range(0, 0), message: describe(error) }];
}

function failure(error: unknown, configFile: string | undefined, root: string | undefined): ConfigFailure {
  if (configFile === undefined) {
    return { configFile, problems: [], message: `podlint: ${describe(error)} Using the built-in defaults until it is fixed.` };
  }
  const problems = failureProblems(error, configFile);
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).map((problem) => formatProblem(problem, root));
  const more = problems.length - shown.length;
  const list = `${shown.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`;
  return {
    configFile,
    problems,
    message: `podlint: the configuration cannot be used: ${/[.?!]$/.test(list) ? list : `${list}.`} Using the built-in defaults until it is fixed.`,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
