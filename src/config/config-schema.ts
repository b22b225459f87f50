import { KUBERNETES_VERSIONS } from '../k8s/kubernetes-version.js';
import type { AnyRule } from '../engine/define-rule.js';
import { SEVERITIES } from '../engine/severity.js';
import { ruleDocsUrl } from '../docs/rule-docs.js';
import { CONFIG_FILE_NAMES } from './find-config.js';
import { PRESET_NAMES } from './presets.js';

// The configuration's JSON Schema is generated from rule meta (the rule ids, their severities and
// option schemas), so editors complete every rule and its options. `npm run generate:docs` writes
// it to schemas/podlint-config.schema.json; a test fails when the committed file is stale.

export const CONFIG_SCHEMA_ID = 'https://github.com/podlint/podlint/blob/main/schemas/podlint-config.schema.json';

export const CONTAINER_ROLES = ['container', 'init', 'sidecar', 'ephemeral'] as const;
export const DECLARATIVE_TARGETS = ['Object', 'PodSpec', 'Container'] as const;
export const DEFAULT_DECLARATIVE_ROLES = ['container', 'init', 'sidecar'] as const;

type Schema = Record<string, unknown>;

const stringOrList = (description: string, item: Schema = { type: 'string', minLength: 1 }): Schema => ({
  description,
  anyOf: [item, { type: 'array', items: item, minItems: 1 }],
});

/** The configuration schema for a set of rules (the built-in ones, for the published file). */
export function configSchema(rules: readonly AnyRule[]): Schema {
  const ruleProperties: Record<string, Schema> = {};
  for (const rule of [...rules].sort((a, b) => a.id.localeCompare(b.id))) ruleProperties[rule.id] = ruleSettingSchema(rule);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'podlint configuration',
    description: `The podlint configuration file (${CONFIG_FILE_NAMES.join(', ')}), found from each linted file's directory upwards to the repository root, or given with --config.`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { description: 'The URL or path of this schema, for editors.', type: 'string' },
      extends: stringOrList(
        `Configurations this one builds on, applied in order before its own settings: a preset (${PRESET_NAMES.join(', ')}) or the path of another configuration file, relative to this one. Without extends the recommended preset applies.`,
        { type: 'string', minLength: 1, examples: [...PRESET_NAMES, '../.podlint.yaml'] },
      ),
      kubernetesVersion: {
        description: 'The Kubernetes version manifests are checked against. Write it as a string ("1.36"): the number 1.30 would be read as 1.3.',
        type: 'string',
        enum: [...KUBERNETES_VERSIONS],
      },
      failLevel: {
        description: 'The lowest severity that makes podlint exit with 1 (error, the default; warning; info). --fail-level wins.',
        type: 'string',
        enum: ['error', 'warning', 'info'],
        default: 'error',
      },
      rules: { $ref: '#/definitions/rules' },
      overrides: {
        description: 'Settings for the files that match a pattern; later entries win over earlier ones, and all win over the settings above.',
        type: 'array',
        items: { $ref: '#/definitions/override' },
      },
      ignorePatterns: {
        description: 'Files not to lint, as gitignore-style patterns relative to this file. Files named on the command line are linted anyway.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      customRules: {
        description:
          'Rules of your own: a declarative rule (a JSON Schema applied to an object, pod spec or container), or a glob of JavaScript or TypeScript modules, relative to this file, that export defineRule(...) by default.',
        type: 'array',
        items: {
          anyOf: [
            { type: 'string', minLength: 1, description: 'A glob of rule modules (.js, .mjs, .ts, .mts), relative to this file.', examples: ['./policies/*.ts'] },
            { $ref: '#/definitions/declarativeRule' },
          ],
        },
      },
      podTemplatePaths: {
        description:
          'For custom kinds that hold a pod template: "apiVersion/kind" mapped to the dotted path of the template, so the pod rules apply to them.',
        type: 'object',
        propertyNames: { pattern: '^[^/\\s]+(/[^/\\s]+)?/[^/\\s]+$' },
        additionalProperties: { type: 'string', pattern: '^[^.\\s]+(\\.[^.\\s]+)*$' },
        examples: [{ 'example.com/v1/MyWorkload': 'spec.template' }],
      },
    },
    definitions: {
      severity: {
        description: 'off turns the rule off; info, warning and error set how loud its findings are.',
        type: 'string',
        enum: [...SEVERITIES],
      },
      ruleSetting: ruleSettingSchema(undefined),
      rules: {
        description: 'Rule settings: a severity, or [severity, options]. A severity alone keeps the options set by an earlier layer.',
        type: 'object',
        properties: ruleProperties,
        // Custom rules are configured here too; podlint checks their ids once it has loaded them.
        additionalProperties: { $ref: '#/definitions/ruleSetting' },
      },
      override: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: stringOrList('The files these settings apply to: gitignore-style patterns relative to this configuration file.'),
          excludedFiles: stringOrList('Files to leave out even though they match files.'),
          rules: { $ref: '#/definitions/rules' },
          kubernetesVersion: { description: 'The Kubernetes version for these files.', type: 'string', enum: [...KUBERNETES_VERSIONS] },
        },
      },
      declarativeRule: declarativeRuleSchema(),
    },
  };
}

/** A rule's setting: its severity, or a one- or two-item array of severity and options. */
function ruleSettingSchema(rule: AnyRule | undefined): Schema {
  // A rule without an options schema takes no options, as configureRules enforces.
  const options = rule ? (rule.meta.schema ?? { type: 'object', additionalProperties: false, properties: {} }) : { type: 'object' };
  const description = rule
    ? `${rule.meta.docs.description} Default: ${rule.meta.defaultSeverity}. ${ruleDocsUrl(rule.id)}`
    : 'A severity, or [severity, options].';
  return {
    description,
    anyOf: [
      { $ref: '#/definitions/severity' },
      { type: 'array', items: [{ $ref: '#/definitions/severity' }, options], minItems: 1, maxItems: 2 },
    ],
  };
}

function declarativeRuleSchema(): Schema {
  return {
    description: 'A declarative rule: the target must match the JSON Schema (draft-07); each target that does not gives one finding, at the deepest path the schema error names.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'target', 'message', 'remediation', 'schema'],
    properties: {
      id: { description: 'The rule id, unique among all rules; directives and the rules setting use it.', type: 'string', pattern: '^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$' },
      target: {
        description: 'What the schema is applied to: Object (every Kubernetes object), PodSpec (the pod spec of every Pod-bearing object) or Container (every container of the roles listed in containers).',
        type: 'string',
        enum: [...DECLARATIVE_TARGETS],
      },
      containers: {
        description: 'For target Container: the container roles to check.',
        type: 'array',
        items: { type: 'string', enum: [...CONTAINER_ROLES] },
        uniqueItems: true,
        minItems: 1,
        default: [...DEFAULT_DECLARATIVE_ROLES],
      },
      kinds: {
        description: 'Only objects of these kinds (for example Deployment); all kinds when absent.',
        type: 'array',
        items: { type: 'string', minLength: 1 },
        minItems: 1,
      },
      severity: { description: 'The default severity; the rules setting can change it.', type: 'string', enum: ['error', 'warning', 'info'], default: 'warning' },
      message: {
        description:
          'The finding\'s message. Placeholders: {{kind}}, {{name}}, {{namespace}}, {{container}} and {{role}} (target Container), {{path}} (where the schema failed), {{error}} (the schema\'s own complaint).',
        type: 'string',
        minLength: 1,
      },
      description: { description: 'One sentence on what the rule requires (for --print-config and SARIF); defaults to the message.', type: 'string' },
      remediation: { description: 'What to change to fix a finding.', type: 'string', minLength: 1 },
      tags: { description: 'Free-form tags, as built-in rules have; security marks a security rule.', type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      securitySeverity: {
        description: 'For rules tagged security (and only those): how bad a finding is on GitHub\'s scale, 0.1 to 10.',
        type: 'number',
        minimum: 0.1,
        maximum: 10,
      },
      schema: { description: 'The JSON Schema (draft-07) the target must match.', type: 'object' },
    },
  };
}
