// Writes schemas/podlint-config.schema.json (from rule meta) and docs/configuration.md (from that
// schema). Run after `npm run build`; `npm run generate:docs` runs it. A test fails when either is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../dist/rules/index.js';
import { configSchema } from '../dist/src/config/config-schema.js';
import { configurationReference } from '../dist/src/docs/config-docs.js';

const root = path.resolve(import.meta.dirname, '..');
const schema = configSchema(builtinRules);
mkdirSync(path.join(root, 'schemas'), { recursive: true });
writeFileSync(path.join(root, 'schemas/podlint-config.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
writeFileSync(path.join(root, 'docs/configuration.md'), configurationReference(schema));
console.log('Wrote schemas/podlint-config.schema.json and docs/configuration.md.');
