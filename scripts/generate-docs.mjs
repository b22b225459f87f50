// Writes docs/rules/<id>.md and the README rules table from rule meta (run after `npm run build`).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../dist/rules/index.js';
import { ruleDocPage, withRulesTable } from '../dist/src/docs/rule-docs.js';
import { withResourcesExample } from '../dist/src/docs/resources-example.js';
import { main } from '../dist/src/cli/main.js';

const root = path.resolve(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs/rules');
mkdirSync(docsDir, { recursive: true });
const wanted = new Set(builtinRules.map((rule) => `${rule.id}.md`));
for (const name of readdirSync(docsDir)) if (!wanted.has(name)) rmSync(path.join(docsDir, name));
for (const rule of builtinRules) writeFileSync(path.join(docsDir, `${rule.id}.md`), ruleDocPage(rule));
const readmePath = path.join(root, 'README.md');
writeFileSync(readmePath, withRulesTable(readFileSync(readmePath, 'utf8'), builtinRules));

// The README's `podlint resources examples` block, as the CLI prints it.
let resourcesOutput = '';
const io = { stdout: (text) => (resourcesOutput += text), stderr: (text) => process.stderr.write(text), stdin: () => Buffer.alloc(0), cwd: root, env: {}, isTTY: false };
if ((await main(['resources', 'examples'], io)) !== 0) throw new Error('podlint resources examples failed.');
writeFileSync(readmePath, withResourcesExample(readFileSync(readmePath, 'utf8'), resourcesOutput));
console.log(`Wrote ${builtinRules.length} rule pages and the README rules table.`);
