import { createRequire } from 'node:module';
import type { Ajv, ValidateFunction } from 'ajv';
import type { AnyRule } from './define-rule.js';
import { isRuleSeverity, type RuleSeverity, type Severity } from './severity.js';

/** How a user configures one rule: a severity, or a severity and options. */
export type RuleSetting = RuleSeverity | readonly [RuleSeverity] | readonly [RuleSeverity, Record<string, unknown>];

/** A rule that will run, with its severity and validated options (defaults applied). */
export interface ConfiguredRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: object;
}

/** A configuration mistake: podlint stops with a usage error that names it. */
export class RuleSettingsError extends Error {
  override name = 'RuleSettingsError';
}

/**
 * Resolves which rules run and how: each rule's default severity unless the settings name it.
 * Options are validated against the rule's schema only when the user gives some, so a plain run
 * compiles no option schema at all.
 */
export function configureRules(
  rules: readonly AnyRule[],
  settings: Readonly<Record<string, RuleSetting>> = {},
): ConfiguredRule[] {
  const known = new Set(rules.map((rule) => rule.id));
  for (const id of Object.keys(settings)) {
    if (!known.has(id)) throw new RuleSettingsError(`Unknown rule "${id}" in the rule settings.`);
  }
  const configured: ConfiguredRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const [severity, userOptions] = splitSetting(rule.id, setting ?? rule.meta.defaultSeverity);
    if (severity === 'off') continue;
    const options = userOptions ? resolveRuleOptions(rule, userOptions) : rule.meta.defaultOptions;
    // Prepared now, so a bad pattern is a configuration error before any file is read.
    preparedOptions(rule, options);
    configured.push({ rule, severity, options });
  }
  return configured;
}

/**
 * The severity of one report. A rule may give a case its own severity (an error where Kubernetes
 * rejects what a warning rule found, a warning where the API server only warns); that holds while
 * the rule runs at its default severity. Once the settings (configuration, preset, extends,
 * overrides, --rule) give the rule another severity, every report takes it: the user said how
 * loud this rule is, and `info` must not still print errors.
 */
export function reportSeverity(configured: ConfiguredRule, requested: Severity | undefined): Severity {
  if (requested === undefined || configured.severity !== configured.rule.meta.defaultSeverity) return configured.severity;
  return requested;
}

function splitSetting(id: string, setting: RuleSetting): [RuleSeverity, Record<string, unknown> | undefined] {
  const [severity, options] = typeof setting === 'string' ? [setting, undefined] : [setting[0], setting[1]];
  if (!isRuleSeverity(severity)) {
    throw new RuleSettingsError(`Rule "${id}": severity must be one of off, info, warning, error (got ${JSON.stringify(severity)}).`);
  }
  return [severity, options];
}

const require = createRequire(import.meta.url);

// A configuration file's options objects are shared by every file and override it applies to, so
// configureRules meets the same object once per distinct set of settings: each is resolved once.
const resolvedByRule = new WeakMap<AnyRule, WeakMap<object, object>>();
const validatorByRule = new WeakMap<AnyRule, ValidateFunction>();
let optionsAjv: Ajv | undefined;

/**
 * A rule's options as its check receives them: the user's options over the defaults, validated
 * against the rule's schema, once per options object. `validated` says the caller already
 * checked these options against the same schema (the configuration schema holds every built-in
 * rule's), so they are not validated twice.
 */
export function resolveRuleOptions(rule: AnyRule, userOptions: Record<string, unknown>, { validated = false } = {}): object {
  let resolved = resolvedByRule.get(rule);
  if (!resolved) {
    resolved = new WeakMap();
    resolvedByRule.set(rule, resolved);
  }
  let options: object | undefined = resolved.get(userOptions);
  if (!options) {
    const resolvedOptions: object = validated ? { ...rule.meta.defaultOptions, ...userOptions } : validatedOptions(rule, userOptions);
    resolved.set(userOptions, resolvedOptions);
    options = resolvedOptions;
  }
  return options;
}

/** Merges user options over the defaults and validates the result against the rule's schema. */
export function validatedOptions(rule: AnyRule, userOptions: Record<string, unknown>): object {
  const options: object = { ...rule.meta.defaultOptions, ...userOptions };
  const validate = optionsValidator(rule);
  const valid: boolean = validate(options);
  if (!valid) {
    const details = (validate.errors ?? [])
      .map((error) => `${error.instancePath || 'options'} ${error.message ?? 'is invalid'}`)
      .join('; ');
    throw new RuleSettingsError(`Rule "${rule.id}": invalid options: ${details}.`);
  }
  return options;
}

/** The rule's compiled options schema, from one ajv for every rule, compiled on first use. */
function optionsValidator(rule: AnyRule): ValidateFunction {
  let validate = validatorByRule.get(rule);
  if (!validate) {
    // ajv is loaded on first use: most runs never configure rule options.
    const { Ajv } = require('ajv') as typeof import('ajv');
    optionsAjv ??= new Ajv({ allErrors: true, strict: false });
    validate = optionsAjv.compile(rule.meta.schema ?? NO_OPTIONS);
    validatorByRule.set(rule, validate);
  }
  return validate;
}

const preparedByRule = new WeakMap<AnyRule, WeakMap<object, unknown>>();

/**
 * What a rule's check receives for these options: what its `prepare` makes of them (once per
 * options object), or the options themselves. A `prepare` that throws names a configuration
 * mistake: it becomes a RuleSettingsError.
 */
export function preparedOptions(rule: AnyRule, options: object): unknown {
  if (!('prepare' in rule) || rule.prepare === undefined) return options;
  let prepared = preparedByRule.get(rule);
  if (!prepared) {
    prepared = new WeakMap();
    preparedByRule.set(rule, prepared);
  }
  if (prepared.has(options)) return prepared.get(options);
  let result: unknown;
  try {
    result = rule.prepare(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new RuleSettingsError(`Rule "${rule.id}": invalid options: ${message.replace(/\.$/, '')}.`);
  }
  prepared.set(options, result);
  return result;
}

/** The schema of a rule without one: it takes no options. */
const NO_OPTIONS = { type: 'object', additionalProperties: false, properties: {} } as const;
