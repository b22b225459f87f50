import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { configSchema } from '../../src/config/config-schema.js';
import { parseConfigText } from '../../src/config/read-config.js';
import { validateConfig } from '../../src/config/validate-config.js';
import { configurationReference, EXAMPLE_CONFIG } from '../../src/docs/config-docs.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STALE = 'is stale: run `npm run generate:docs` and commit the result';

describe('the configuration schema', () => {
  const schema = configSchema(builtinRules);

  it('schemas/podlint-config.schema.json is the schema generated from the rule meta', () => {
    const committed = JSON.parse(readFileSync(path.join(ROOT, 'schemas/podlint-config.schema.json'), 'utf8'));
    expect(committed, `schemas/podlint-config.schema.json ${STALE}`).toEqual(schema);
  });

  it('docs/configuration.md is the reference generated from the schema', () => {
    const committed = readFileSync(path.join(ROOT, 'docs/configuration.md'), 'utf8');
    expect(committed, `docs/configuration.md ${STALE}`).toBe(configurationReference(schema));
  });

  it('lists every rule with its options schema, for editors', () => {
    const rules = (schema.definitions as { rules: { properties: Record<string, { anyOf: [unknown, { items: [unknown, unknown] }] }> } }).rules.properties;
    expect(Object.keys(rules).sort()).toEqual(builtinRules.map((rule) => rule.id).sort());
    const latest = builtinRules.find((rule) => rule.id === 'latest-image-tag')!;
    expect(rules['latest-image-tag']!.anyOf[1].items[1]).toEqual(latest.meta.schema);
  });

  it('accepts the documented example, and the package publishes the schema', () => {
    const { source, problems } = parseConfigText('.podlint.yaml', EXAMPLE_CONFIG);
    expect(problems).toEqual([]);
    expect(validateConfig(source!)).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { files: string[] };
    expect(manifest.files).toContain('schemas/');
  });
});
