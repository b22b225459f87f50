import type { DeclarativeRuleDefinition } from '../custom-rules/declarative.js';
import type { RuleSetting } from '../engine/rule-settings.js';
import type { Severity } from '../engine/severity.js';
import type { PodTemplatePaths } from '../k8s/kinds.js';
import type { CustomSchemas } from '../validate/custom-schemas.js';

/** A configuration file's content, once it matched schemas/podlint-config.schema.json. */
export interface ConfigData {
  readonly extends?: string | readonly string[];
  readonly kubernetesVersion?: string;
  readonly failLevel?: Severity;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly overrides?: readonly OverrideData[];
  readonly ignorePatterns?: readonly string[];
  readonly customRules?: readonly (string | DeclarativeRuleDefinition)[];
  readonly podTemplatePaths?: Readonly<Record<string, string>>;
}

export interface OverrideData {
  readonly files: string | readonly string[];
  readonly excludedFiles?: string | readonly string[];
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly kubernetesVersion?: string;
}

/** Settings given on the command line; they win over every configuration file. */
export interface CliSettings {
  /** `--config FILE`: this file for every linted file, instead of searching. */
  readonly configFile?: string;
  /** `--rule id=severity`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly kubernetesVersion?: string;
  readonly failLevel?: Severity;
  /** `--report-unused-directives`: run `unused-suppression` (at warning unless configured louder). */
  readonly reportUnusedDirectives?: boolean;
  /** `--schema-dir`: schemas for custom kinds, for every file. */
  readonly customSchemas?: CustomSchemas;
  /** `--pod-template-path`: win over the configuration's podTemplatePaths for the same kind. */
  readonly podTemplatePaths?: PodTemplatePaths;
}

export function asList(value: string | readonly string[] | undefined): readonly string[] {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}
