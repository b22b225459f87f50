import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { builtinRules } from '../../rules/index.js';
import { relativePosix } from '../file-paths.js';
import { DEFAULT_KUBERNETES_VERSION } from '../k8s/kubernetes-version.js';
import type { AnyRule } from '../engine/define-rule.js';
import type { LintSettings } from '../engine/lint-file.js';
import { configureRules, type RuleSetting } from '../engine/rule-settings.js';
import type { RuleSeverity, Severity } from '../engine/severity.js';
import { parseTemplatePath, type PodTemplatePaths } from '../k8s/kinds.js';
import type { Path } from '../path.js';
import { configDependencies, NO_DEPENDENCIES, type ConfigDependencies } from './dependencies.js';
import { ConfigFinder } from './find-config.js';
import { ConfigLoadCache, loadConfig, type ConfigLayer, type CustomRule, type LoadedConfig } from './load-config.js';
import { presetRules } from './presets.js';
import { asList, type CliSettings, type OverrideData } from './types.js';

/** Everything podlint decided for one file. */
export interface FileConfig {
  /** The configuration file that applies, if any. */
  readonly configFile: string | undefined;
  readonly settings: LintSettings;
  readonly failLevel: Severity;
  /** The file matches ignorePatterns (files named on the command line are linted anyway). */
  readonly ignored: boolean;
  /** Every rule setting after all layers, by rule id, for --print-config. */
  readonly ruleSettings: Readonly<Record<string, RuleSetting>>;
  readonly customRules: readonly CustomRule[];
  /** Custom kinds that hold a pod template: "apiVersion/kind" → path (configuration, then --pod-template-path). */
  readonly podTemplatePaths: PodTemplatePaths;
  readonly kubernetesVersion: string;
  /** The files this configuration was built from (for the language server, which keeps it). */
  readonly dependencies: ConfigDependencies;
}

interface Override {
  readonly layerIndex: number;
  readonly data: OverrideData;
  readonly files: Ignore;
  readonly excluded: Ignore | undefined;
  readonly dir: string;
}

interface PreparedConfig {
  readonly loaded: LoadedConfig | undefined;
  readonly overrides: readonly Override[];
  readonly ignores: readonly { dir: string; rules: Ignore }[];
}

/**
 * Resolves the settings of each file: preset < extends < configuration < overrides < command
 * line. Configuration files are found per directory and loaded once; the settings of a file are
 * shared with every file that has the same configuration and matches the same overrides, so a
 * run over 10,000 files builds a handful of settings.
 */
export class ConfigResolver {
  private readonly finder = new ConfigFinder();
  private readonly prepared = new Map<string, Promise<PreparedConfig>>();
  private readonly settingsCache = new Map<string, Omit<FileConfig, 'ignored'>>();
  constructor(
    private readonly cwd: string,
    private readonly cli: CliSettings = {},
    private readonly builtins: readonly AnyRule[] = builtinRules,
    /** Files already read (or an editor's text for them, see ConfigLoadCache.useText). */
    private readonly loadCache: ConfigLoadCache = new ConfigLoadCache(),
  ) {}

  /** The configuration file for a file: `--config`, or the nearest one upwards. */
  configFileFor(absolutePath: string): string | undefined {
    if (this.cli.configFile !== undefined) return path.resolve(this.cwd, this.cli.configFile);
    return this.finder.find(path.dirname(absolutePath));
  }

  async forFile(absolutePath: string): Promise<FileConfig> {
    const configFile = this.configFileFor(absolutePath);
    const prepared = await this.prepare(configFile);
    const matching = prepared.overrides.filter((override) => matches(override, absolutePath));
    const key = `${configFile ?? ''}\u0000${matching.map((override) => prepared.overrides.indexOf(override)).join(',')}`;
    let resolved = this.settingsCache.get(key);
    if (!resolved) {
      resolved = this.resolve(configFile, prepared, matching);
      this.settingsCache.set(key, resolved);
    }
    const ignored = prepared.ignores.some(({ dir, rules }) => {
      const relative = relativePosix(dir, absolutePath);
      return relative !== undefined && rules.ignores(relative);
    });
    return { ...resolved, ignored };
  }

  /** The settings without any configuration file: the recommended preset and the command line. */
  async defaults(): Promise<FileConfig> {
    return { ...this.resolve(undefined, await this.prepare(undefined), []), ignored: false };
  }

  private prepare(configFile: string | undefined): Promise<PreparedConfig> {
    const key = configFile ?? '';
    let prepared = this.prepared.get(key);
    if (!prepared) {
      prepared = configFile === undefined ? Promise.resolve({ loaded: undefined, overrides: [], ignores: [] }) : this.load(configFile);
      this.prepared.set(key, prepared);
    }
    return prepared;
  }

  private async load(configFile: string): Promise<PreparedConfig> {
    const loaded = await loadConfig(configFile, this.builtins, this.loadCache);
    const overrides: Override[] = [];
    const ignores: { dir: string; rules: Ignore }[] = [];
    loaded.layers.forEach((layer, layerIndex) => {
      if (layer.kind !== 'file') return;
      for (const data of layer.data.overrides ?? []) {
        const excluded = asList(data.excludedFiles);
        overrides.push({
          layerIndex,
          data,
          dir: layer.dir,
          files: ignore().add([...asList(data.files)]),
          excluded: excluded.length > 0 ? ignore().add([...excluded]) : undefined,
        });
      }
      if (layer.data.ignorePatterns?.length) ignores.push({ dir: layer.dir, rules: ignore().add([...layer.data.ignorePatterns]) });
    });
    return { loaded, overrides, ignores };
  }

  private resolve(configFile: string | undefined, prepared: PreparedConfig, overrides: readonly Override[]): Omit<FileConfig, 'ignored'> {
    const layers: readonly ConfigLayer[] = prepared.loaded?.layers ?? [];
    const rules = prepared.loaded?.rules ?? this.builtins;
    const ruleSettings: Record<string, RuleSetting> = presetRules('recommended', this.builtins);
    let kubernetesVersion: string | undefined;
    let failLevel: Severity | undefined;
    const podTemplatePaths: Record<string, Path> = {};
    for (const layer of layers) {
      if (layer.kind === 'preset') {
        mergeRuleSettings(ruleSettings, presetRules(layer.preset, this.builtins));
        continue;
      }
      mergeRuleSettings(ruleSettings, layer.data.rules ?? {});
      kubernetesVersion = layer.data.kubernetesVersion ?? kubernetesVersion;
      failLevel = layer.data.failLevel ?? failLevel;
      for (const [kind, dotted] of Object.entries(layer.data.podTemplatePaths ?? {})) podTemplatePaths[kind] = parseTemplatePath(dotted);
    }
    for (const override of overrides) {
      mergeRuleSettings(ruleSettings, override.data.rules ?? {});
      kubernetesVersion = override.data.kubernetesVersion ?? kubernetesVersion;
    }
    mergeRuleSettings(ruleSettings, this.cli.rules ?? {});
    if (this.cli.reportUnusedDirectives && severityOf(ruleSettings['unused-suppression'] ?? 'off') === 'off') {
      mergeRuleSettings(ruleSettings, { 'unused-suppression': 'warning' });
    }
    kubernetesVersion = this.cli.kubernetesVersion ?? kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    failLevel = this.cli.failLevel ?? failLevel ?? 'error';
    Object.assign(podTemplatePaths, this.cli.podTemplatePaths ?? {});

    // Custom rules not named anywhere run at their own default severity.
    for (const rule of rules) ruleSettings[rule.id] ??= rule.meta.defaultSeverity;
    const settings: LintSettings = {
      rules: configureRules(rules, ruleSettings),
      kubernetesVersion,
      knownRuleIds: new Set(rules.map((rule) => rule.id)),
      ...(this.cli.customSchemas ? { customSchemas: this.cli.customSchemas } : {}),
      ...(Object.keys(podTemplatePaths).length > 0 ? { podTemplatePaths } : {}),
    };
    return {
      configFile,
      settings,
      failLevel,
      ruleSettings: Object.fromEntries(Object.entries(ruleSettings).sort(([a], [b]) => a.localeCompare(b))),
      customRules: prepared.loaded?.customRules ?? [],
      podTemplatePaths,
      kubernetesVersion,
      dependencies: prepared.loaded ? configDependencies(prepared.loaded) : NO_DEPENDENCIES,
    };
  }
}

/**
 * Applies one layer's rule settings: a later setting wins, but a severity alone keeps the options
 * an earlier layer gave (`error` after `[warning, {...}]` is `[error, {...}]`), as ESLint does.
 */
export function mergeRuleSettings(into: Record<string, RuleSetting>, from: Readonly<Record<string, RuleSetting>>): void {
  for (const [id, setting] of Object.entries(from)) {
    const previous = into[id];
    const severityOnly = typeof setting === 'string' || setting.length === 1;
    if (severityOnly && Array.isArray(previous) && previous.length === 2) into[id] = [severityOf(setting), previous[1]];
    else into[id] = setting;
  }
}

function severityOf(setting: RuleSetting): RuleSeverity {
  return typeof setting === 'string' ? setting : setting[0];
}

function matches(override: Override, absolutePath: string): boolean {
  const relative = relativePosix(override.dir, absolutePath);
  if (relative === undefined || !override.files.ignores(relative)) return false;
  return !override.excluded?.ignores(relative);
}
