// docs/configuration.md is generated from the configuration schema (itself generated from rule
// meta), so the reference cannot drift from what podlint accepts; a test compares the files.

type Schema = {
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly Schema[];
  readonly items?: Schema | readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: Schema | boolean;
  readonly required?: readonly string[];
  readonly default?: unknown;
  readonly examples?: readonly unknown[];
  readonly $ref?: string;
  readonly definitions?: Readonly<Record<string, Schema>>;
  readonly minimum?: number;
  readonly maximum?: number;
};

/** A configuration that uses most keys; the docs show it and a test validates it. */
export const EXAMPLE_CONFIG = `# .podlint.yaml
# yaml-language-server: $schema=https://raw.githubusercontent.com/podlint/podlint/main/schemas/podlint-config.schema.json
extends: strict
kubernetesVersion: "1.35"
failLevel: warning
rules:
  latest-image-tag: [warning, { allowedImages: ["registry.local/dev/*"] }]
  unused-suppression: error
ignorePatterns:
  - vendor/
  - "*.generated.yaml"
overrides:
  - files: ["dev/**"]
    rules:
      latest-image-tag: off
customRules:
  - ./policies/*.ts
  - id: require-team-label
    target: Object
    kinds: [Deployment, StatefulSet, DaemonSet]
    severity: error
    message: '{{kind}} "{{name}}" has no team label.'
    remediation: Add metadata.labels.team with the owning team's name.
    schema:
      required: [metadata]
      properties:
        metadata:
          required: [labels]
          properties:
            labels: { required: [team] }
  - id: container-memory-limit
    target: Container
    containers: [container, sidecar]
    message: '{{role}} "{{container}}" sets no memory limit ({{error}} at {{path}}).'
    remediation: Set resources.limits.memory.
    schema:
      required: [resources]
      properties:
        resources:
          required: [limits]
          properties:
            limits: { required: [memory] }
`;

const TOP_LEVEL_NOTES: Readonly<Record<string, string>> = {
  rules: 'The rule ids and their options, with each rule\'s page:',
  customRules: 'Each entry is a glob of rule modules (a string) or a declarative rule with these keys (see [custom rules](custom-rules.md)):',
  overrides: 'Each entry has these keys:',
};

/** The page docs/configuration.md for the configuration schema. */
export function configurationReference(schema: Schema): string {
  const definitions = schema.definitions ?? {};
  const lines = [
    '# Configuration reference',
    '',
    '<!-- Generated from schemas/podlint-config.schema.json by `npm run generate:docs`; do not edit. -->',
    '',
    schema.description ?? '',
    '',
    'The schema ships in the package as `schemas/podlint-config.schema.json`; point your editor at it to get',
    'completion and checking (the first comment line of the example below does that for the YAML language',
    'server; in JSON write `"$schema"`). podlint validates every configuration against the same schema and',
    'reports mistakes at their line and column, then exits with 2.',
    '',
    'Settings apply in this order, each winning over the ones before it: the `recommended` preset, then',
    'each entry of `extends` in order, then the file\'s own settings, then every `overrides` entry that',
    'matches the linted file, then the command line (`--rule`, `--kubernetes-version`, `--fail-level`,',
    '`--report-unused-directives`). `--print-config FILE` shows the result for one file.',
    '',
    'A few rules report some cases at a severity of their own: `privilege-escalation` reports what',
    'Kubernetes rejects as an error, `duplicate-container-port` reports a port two containers share as a',
    'warning (the API server only warns). Those severities hold while the rule runs at its default',
    'severity. Once the settings above (a preset, `extends`, the file, an override or `--rule`) give the',
    'rule another severity, every finding of that rule takes it: `privilege-escalation: info` reports',
    'nothing above info, and `duplicate-container-port: warning` reports every duplicate as a warning.',
    'Setting a rule to its default severity changes nothing.',
    '',
    '## Example',
    '',
    '```yaml',
    EXAMPLE_CONFIG.trimEnd(),
    '```',
    '',
    '## Keys',
  ];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (name === '$schema') continue;
    const resolved = resolve(property, definitions);
    lines.push('', `### \`${name}\``, '', `Type: ${typeText(property, definitions)}.`);
    if (resolved.default !== undefined) lines.push(`Default: \`${JSON.stringify(resolved.default)}\`.`);
    lines.push('', resolved.description ?? '');
    if (TOP_LEVEL_NOTES[name]) lines.push('', TOP_LEVEL_NOTES[name]!);
    if (name === 'rules') lines.push('', ...rulesTable(resolved, definitions));
    const itemSchema = resolved.items && !Array.isArray(resolved.items) ? resolve(resolved.items as Schema, definitions) : undefined;
    if (name === 'overrides' && itemSchema) lines.push('', ...propertiesTable(itemSchema, definitions));
    if (name === 'customRules' && itemSchema?.anyOf) {
      const declarative = itemSchema.anyOf.map((branch) => resolve(branch, definitions)).find((branch) => branch.properties);
      if (declarative) lines.push('', ...propertiesTable(declarative, definitions));
    }
    const examples = resolved.examples;
    if (examples?.length) lines.push('', `Example: ${examples.map((example) => `\`${JSON.stringify(example)}\``).join(', ')}.`);
  }
  lines.push('');
  return lines.join('\n');
}

function rulesTable(rules: Schema, definitions: Readonly<Record<string, Schema>>): string[] {
  const rows = ['| Rule | Options | Description |', '| --- | --- | --- |'];
  for (const [id, setting] of Object.entries(rules.properties ?? {})) {
    const options = optionsOf(setting, definitions);
    const names = Object.keys(options?.properties ?? {});
    // The schema's description ends with the rule page's URL, for editors; the table links it already.
    const description = (setting.description ?? '').replace(/\s+https:\/\/\S+$/, '');
    rows.push(`| [\`${id}\`](rules/${id}.md) | ${names.length > 0 ? names.map((option) => `\`${option}\``).join(', ') : '—'} | ${cell(description)} |`);
  }
  return rows;
}

function optionsOf(setting: Schema, definitions: Readonly<Record<string, Schema>>): Schema | undefined {
  const array = setting.anyOf?.map((branch) => resolve(branch, definitions)).find((branch) => Array.isArray(branch.items));
  const items = array?.items as readonly Schema[] | undefined;
  return items?.[1];
}

function propertiesTable(object: Schema, definitions: Readonly<Record<string, Schema>>): string[] {
  const required = new Set(object.required ?? []);
  const rows = ['| Key | Type | Required | Default | Description |', '| --- | --- | --- | --- | --- |'];
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const resolved = resolve(property, definitions);
    const fallback = resolved.default === undefined ? '' : `\`${JSON.stringify(resolved.default)}\``;
    rows.push(`| \`${name}\` | ${cell(typeText(property, definitions))} | ${required.has(name) ? 'yes' : ''} | ${fallback} | ${cell(resolved.description ?? '')} |`);
  }
  return rows;
}

function resolve(schema: Schema, definitions: Readonly<Record<string, Schema>>): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/definitions/', '');
  return { ...(definitions[name] ?? {}), ...withoutRef(schema) };
}

function withoutRef(schema: Schema): Schema {
  const { $ref: _ignored, ...rest } = schema;
  return rest;
}

/** A short English name for a schema's type: "string, one of `error`, `warning`" or "list of strings". */
export function typeText(schema: Schema, definitions: Readonly<Record<string, Schema>>): string {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/definitions/', '');
    if (name === 'rules') return 'mapping of rule id to setting';
    if (name === 'declarativeRule') return 'declarative rule';
    if (name === 'override') return 'override';
    return typeText(resolve(schema, definitions), definitions);
  }
  if (schema.anyOf) return [...new Set(schema.anyOf.map((branch) => typeText(branch, definitions)))].join(' or ');
  if (schema.enum) return `one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  const type = typeof schema.type === 'string' ? schema.type : schema.type?.join(' or ');
  if (type === 'array') {
    if (Array.isArray(schema.items)) return '[severity, options]';
    const items = schema.items as Schema | undefined;
    if (!items) return 'list';
    const branches = items.anyOf ?? [items];
    return `list of ${[...new Set(branches.map((branch) => plural(typeText(branch, definitions))))].join(' or ')}`;
  }
  if (type === 'object') return schema.additionalProperties && typeof schema.additionalProperties === 'object' ? `mapping to ${plural(typeText(schema.additionalProperties, definitions))}` : 'mapping';
  if (type === 'number' && schema.minimum !== undefined && schema.maximum !== undefined) return `number from ${schema.minimum} to ${schema.maximum}`;
  return type ?? 'any';
}

function plural(text: string): string {
  if (text.startsWith('one of ')) return text.slice('one of '.length);
  if (text === 'declarative rule' || text === 'override' || text === 'string' || text === 'mapping') return `${text}s`;
  return text;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
