import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../rules/index.js';
import { ruleDocPage, withRulesTable } from '../src/docs/rule-docs.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const STALE = 'is stale: run `npm run generate:docs` and commit the result';

describe('generated docs', () => {
  it.each(builtinRules.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md matches the rule meta', (id, rule) => {
    const file = path.join(ROOT, 'docs/rules', `${id}.md`);
    const committed = readFileSync(file, { encoding: 'utf8', flag: 'r' });
    expect(committed, `docs/rules/${id}.md ${STALE}`).toBe(ruleDocPage(rule));
  });

  it('has no page for a rule that no longer exists', () => {
    const pages = readdirSync(path.join(ROOT, 'docs/rules')).sort();
    expect(pages).toEqual(builtinRules.map((rule) => `${rule.id}.md`).sort());
  });

  it('the README rules table matches the registry', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme, `README.md rules table ${STALE}`).toBe(withRulesTable(readme, builtinRules));
  });
});
