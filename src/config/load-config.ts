import path from 'node:path';
import fg from 'fast-glob';
import type { ValidateFunction } from 'ajv';
import { declarativeRule, type DeclarativeRuleDefinition } from '../custom-rules/declarative.js';
import type { AnyRule } from '../engine/define-rule.js';
import { preparedOptions, resolveRuleOptions, RuleSettingsError } from '../engine/rule-settings.js';
import { didYouMean } from '../text/did-you-mean.js';
import type { Path } from '../path.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { isPresetName, type PresetName } from './presets.js';
import { parseConfigText, readConfigFile, type ConfigSource } from './read-config.js';
import { asList, type ConfigData } from './types.js';
import { newAjv, validateAt, validateConfig } from './validate-config.js';

/** One layer of settings, lowest precedence first: a preset, or a configuration file. */
export type ConfigLayer =
  | { readonly kind: 'preset'; readonly preset: PresetName }
  | { readonly kind: 'file'; readonly source: ConfigSource; readonly dir: string; readonly data: ConfigData };

/** A custom rule and where it was defined. */
export interface CustomRule {
  readonly rule: AnyRule;
  /** The module, or the configuration file for a declarative rule. */
  readonly filePath: string;
  readonly declarative: boolean;
}

/** A configuration file with everything it extends, its custom rules loaded and checked. */
export interface LoadedConfig {
  readonly filePath: string;
  readonly layers: readonly ConfigLayer[];
  readonly customRules: readonly CustomRule[];
  /** The built-in rules and the custom ones. */
  readonly rules: readonly AnyRule[];
}

/**
 * Loads a configuration file: reads and validates it and everything it extends (depth first, in
 * order), builds its declarative rules and loads its rule modules, then checks that every rule
 * id it configures exists. All problems are collected and thrown together as a ConfigError.
 */
export async function loadConfig(filePath: string, builtinRules: readonly AnyRule[], cache: ConfigLoadCache = new ConfigLoadCache()): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const layers: ConfigLayer[] = [];
  collectLayers(path.resolve(filePath), [], layers, problems, cache);
  if (problems.length > 0) throw new ConfigError(problems);

  const customRules = await loadCustomRules(layers, builtinRules, problems, cache);
  const rules = [...builtinRules, ...customRules.map((custom) => custom.rule)];
  checkRuleSettings(layers, rules, new Set(builtinRules.map((rule) => rule.id)), problems, cache);
  if (problems.length > 0) throw new ConfigError(problems);
  return { filePath: path.resolve(filePath), layers, customRules, rules };
}

/**
 * What loading configurations shares within a run: files read and validated, and declarative
 * rules built, by where they are written. A base that many configurations extend (a team's file
 * in the repository root) is read, validated and compiled once.
 */
export class ConfigLoadCache {
  readonly files = new Map<string, { source?: ConfigSource; problems: readonly ConfigProblem[] }>();
  readonly declarative = new Map<string, AnyRule | undefined>();
  private sharedAjv: ReturnType<typeof newAjv> | undefined;

  get ajv(): ReturnType<typeof newAjv> {
    this.sharedAjv ??= newAjv();
    return this.sharedAjv;
  }

  readValidated(filePath: string): { source?: ConfigSource; problems: readonly ConfigProblem[] } {
    let entry = this.files.get(filePath);
    if (!entry) {
      entry = validated(readConfigFile(filePath));
      this.files.set(filePath, entry);
    }
    return entry;
  }

  /** Reads a file from `text` instead of the disk: an editor's unsaved configuration. */
  useText(filePath: string, text: string): void {
    this.files.set(filePath, validated(parseConfigText(filePath, text)));
  }
}

function validated({ source, problems }: { source?: ConfigSource; problems: readonly ConfigProblem[] }): { source?: ConfigSource; problems: readonly ConfigProblem[] } {
  const invalid = source ? validateConfig(source) : [];
  return invalid.length > 0 ? { problems: invalid } : source ? { source, problems } : { problems };
}

function collectLayers(filePath: string, stack: readonly string[], layers: ConfigLayer[], problems: ConfigProblem[], cache: ConfigLoadCache): void {
  const { source, problems: readProblems } = cache.readValidated(filePath);
  if (!source) {
    problems.push(...readProblems);
    return;
  }
  const data = source.data as ConfigData;
  const dir = path.dirname(filePath);
  const extendsList = asList(data.extends);
  extendsList.forEach((entry, index) => {
    const at: Path = typeof data.extends === 'string' ? ['extends'] : ['extends', index];
    if (isPresetName(entry)) {
      layers.push({ kind: 'preset', preset: entry });
      return;
    }
    if (!entry.startsWith('.') && !path.isAbsolute(entry)) {
      problems.push({ filePath, range: source.locate(at), message: `"${entry}" is neither a preset (recommended, strict) nor a path; write a path as ./${entry}.` });
      return;
    }
    const target = path.resolve(dir, entry);
    if (target === filePath || stack.includes(target)) {
      problems.push({ filePath, range: source.locate(at), message: `"${entry}" extends a configuration that extends this one (a cycle).` });
      return;
    }
    const before = problems.length;
    collectLayers(target, [...stack, filePath], layers, problems, cache);
    // A file that cannot be read is reported where it is named.
    for (let i = before; i < problems.length; i++) {
      const problem = problems[i]!;
      if (problem.filePath === target && !problem.range) problems[i] = { filePath, range: source.locate(at), message: `${problem.message} (extends "${entry}")` };
    }
  });
  layers.push({ kind: 'file', source, dir, data });
}

async function loadCustomRules(
  layers: readonly ConfigLayer[],
  builtinRules: readonly AnyRule[],
  problems: ConfigProblem[],
  cache: ConfigLoadCache,
): Promise<CustomRule[]> {
  const custom: CustomRule[] = [];
  const definedAt = new Map<string, string>(builtinRules.map((rule) => [rule.id, 'a built-in rule']));
  const seenModules = new Set<string>();
  const claim = (id: string, where: string, report: (message: string) => void): boolean => {
    const previous = definedAt.get(id);
    if (previous) {
      report(`The rule id "${id}" is already taken by ${previous}; custom rule ids must be unique.`);
      return false;
    }
    definedAt.set(id, where);
    return true;
  };
  for (const layer of layers) {
    if (layer.kind !== 'file') continue;
    const { source, dir, data } = layer;
    for (const [index, entry] of (data.customRules ?? []).entries()) {
      if (typeof entry !== 'string') {
        const key = `${source.filePath}\u0000${index}`;
        const before = problems.length;
        const rule = cache.declarative.has(key) ? cache.declarative.get(key) : buildDeclarative(entry, source, ['customRules', index], cache.ajv, problems);
        // Only a rule that built cleanly is shared; a broken one is reported by every load.
        if (problems.length === before) cache.declarative.set(key, rule);
        if (rule && claim(rule.id, `the custom rule at ${relative(source.filePath)}:${source.locate(['customRules', index, 'id']).start.line + 1}`, (message) => problems.push({ filePath: source.filePath, range: source.locate(['customRules', index, 'id']), message }))) {
          custom.push({ rule, filePath: source.filePath, declarative: true });
        }
        continue;
      }
      const files = (await fg(toPattern(entry), { cwd: dir, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort();
      const modules = files.filter((file) => /\.(m?js|ts|mts|cts)$/.test(file));
      if (modules.length === 0) {
        problems.push({ filePath: source.filePath, range: source.locate(['customRules', index]), message: `"${entry}" matches no rule module (.js, .mjs, .ts, .mts) next to this configuration.` });
        continue;
      }
      const { loadCodeRule } = await import('../custom-rules/load-code-rule.js');
      for (const file of modules) {
        const absolute = path.normalize(file);
        if (seenModules.has(absolute)) continue;
        seenModules.add(absolute);
        try {
          const loaded = await loadCodeRule(absolute);
          const report = (message: string) => problems.push({ filePath: absolute, range: loaded.idRange ?? { start: { line: 0, column: 0 }, end: { line: 0, column: 0 }, startOffset: 0, endOffset: 0 }, message });
          if (claim(loaded.rule.id, relative(absolute), report)) custom.push({ rule: loaded.rule, filePath: absolute, declarative: false });
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          problems.push(...error.problems);
        }
      }
    }
  }
  return custom;
}

function buildDeclarative(
  definition: DeclarativeRuleDefinition,
  source: ConfigSource,
  at: Path,
  ajv: ReturnType<typeof newAjv>,
  problems: ConfigProblem[],
): AnyRule | undefined {
  const security = definition.tags?.includes('security') ?? false;
  if (security !== (definition.securitySeverity !== undefined)) {
    problems.push({
      filePath: source.filePath,
      range: source.locate([...at, security ? 'tags' : 'securitySeverity']),
      message: security ? 'A rule tagged security needs securitySeverity (0.1 to 10).' : 'securitySeverity belongs only to rules tagged security.',
    });
    return undefined;
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(definition.schema);
  } catch (error) {
    problems.push({ filePath: source.filePath, range: source.locate([...at, 'schema']), message: `The schema of "${definition.id}" is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}.` });
    return undefined;
  }
  return declarativeRule(definition, validate);
}

/** Every rule id a file layer configures must exist, and a custom rule's options must fit its schema. */
function checkRuleSettings(
  layers: readonly ConfigLayer[],
  rules: readonly AnyRule[],
  builtin: ReadonlySet<string>,
  problems: ConfigProblem[],
  cache: ConfigLoadCache,
): void {
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  for (const layer of layers) {
    if (layer.kind !== 'file') continue;
    const { source, data } = layer;
    const settingsAt: [Path, Readonly<Record<string, unknown>> | undefined][] = [
      [['rules'], data.rules],
      ...(data.overrides ?? []).map((override, index): [Path, Readonly<Record<string, unknown>> | undefined] => [['overrides', index, 'rules'], override.rules]),
    ];
    for (const [at, settings] of settingsAt) {
      for (const [id, setting] of Object.entries(settings ?? {})) {
        const rule = byId.get(id);
        if (!rule) {
          const suggestion = didYouMean(id, byId.keys());
          problems.push({ filePath: source.filePath, range: source.locate([...at, id], 'key'), message: `Unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : '.'}` });
          continue;
        }
        if (!Array.isArray(setting) || setting.length < 2) continue;
        const userOptions = setting[1] as Record<string, unknown>;
        // Built-in rules' options are in the configuration schema; custom rules' are checked here.
        if (!builtin.has(id) && rule.meta.schema) {
          const invalid = validateAt(source, [...at, id, 1], { ...rule.meta.defaultOptions, ...userOptions }, cache.ajv.compile(rule.meta.schema));
          problems.push(...invalid);
          if (invalid.length > 0) continue;
        }
        // Validated: configureRules takes them as they are, once per distinct set of settings. A
        // rule's prepare (compiling its patterns) runs here too, so its complaint has a place.
        try {
          preparedOptions(rule, resolveRuleOptions(rule, userOptions, { validated: true }));
        } catch (error) {
          if (!(error instanceof RuleSettingsError)) throw error;
          problems.push({ filePath: source.filePath, range: source.locate([...at, id, 1]), message: error.message });
        }
      }
    }
  }
}

function toPattern(entry: string): string {
  return entry.replace(/\\/g, '/').replace(/^\.\//, '');
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
