// Writes docs/rules/<id>.md and the README rules table from rule meta (run after `npm run build`).
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../dist/rules/index.js';
import { ruleDocPage, withRulesTable } from '../dist/src/docs/rule-docs.js';

const root = path.resolve(import.meta.dirname, '..');
const docsDir = path.join(root, 'docs/rules');
mkdirSync(docsDir, { recursive: true });
const wanted = new Set(builtinRules.map((rule) => `${rule.id}.md`));
for (const name of readdirSync(docsDir)) if (!wanted.has(name)) rmSync(path.join(docsDir, name));
for (const rule of builtinRules) writeFileSync(path.join(docsDir, `${rule.id}.md`), ruleDocPage(rule));
const readmePath = path.join(root, 'README.md');
writeFileSync(readmePath, withRulesTable(readFileSync(readmePath, 'utf8'), builtinRules));
console.log(`Wrote ${builtinRules.length} rule pages and the README rules table.`);
