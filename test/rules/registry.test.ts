import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { checkRuleSource } from '../../src/custom-rules/check-rule-source.js';

const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');
const SRC_DIR = path.resolve(import.meta.dirname, '../../src');

/**
 * Rules whose reports come from a helper in src/ (`report(problem)`): the files whose
 * `messageId: '...'` literals say which of the rule's messages are reported.
 */
const REPORTED_FROM: Readonly<Record<string, readonly string[]>> = {
  'schema-validation': ['validate/schema-problems.ts'],
};

/** Every .ts file under a directory. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The literal values of a messageId expression: a literal (`as const` or not), or a `?:` of them. */
function literalValues(node: TSESTree.Node): string[] {
  if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression') return literalValues(node.expression);
  if (node.type === 'ConditionalExpression') return [...literalValues(node.consequent), ...literalValues(node.alternate)];
  return node.type === 'Literal' && typeof node.value === 'string' ? [node.value] : [];
}

/**
 * Message ids named in src/: for a file-scope rule, the second argument of a call whose first
 * argument is the rule (`loadProblem(yamlSyntax, 'syntax', ...)`, `this.add(unusedSuppression,
 * 'directive', ...)`), by the rule file the identifier is imported from; and every
 * `messageId: '...'` property, by file.
 */
function messageIdsInSource(): { byRule: Map<string, Set<string>>; byFile: Map<string, Set<string>> } {
  const byRule = new Map<string, Set<string>>();
  const byFile = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC_DIR)) {
    const program = parse(readFileSync(file, 'utf8'), { range: true });
    const ruleOf = new Map<string, string>();
    for (const statement of program.body) {
      if (statement.type !== 'ImportDeclaration' || !/\/rules\/[^/]+\.js$/.test(statement.source.value)) continue;
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ImportDefaultSpecifier') ruleOf.set(specifier.local.name, path.basename(statement.source.value, '.js'));
      }
    }
    const inFile = new Set<string>();
    byFile.set(path.relative(SRC_DIR, file), inFile);
    simpleTraverse(program, {
      enter(node) {
        if (node.type === 'CallExpression') {
          const [first, second] = node.arguments;
          const rule = first?.type === 'Identifier' ? ruleOf.get(first.name) : undefined;
          if (rule && second) for (const value of literalValues(second)) byRule.set(rule, (byRule.get(rule) ?? new Set()).add(value));
        }
        if (node.type === 'Property' && !node.computed && node.key.type === 'Identifier' && node.key.name === 'messageId') {
          for (const value of literalValues(node.value as TSESTree.Node)) inFile.add(value);
        }
      },
    });
  }
  return { byRule, byFile };
}

describe('the rule registry', () => {
  it('registers every file of rules/ once, and each id equals its file name', async () => {
    const files = readdirSync(RULES_DIR).filter((name) => name.endsWith('.ts') && name !== 'index.ts').sort();
    expect(builtinRules.map((rule) => `${rule.id}.ts`).sort()).toEqual(files);
    for (const file of files) {
      const module = (await import(path.join(RULES_DIR, file))) as { default: { id: string } };
      expect(module.default.id).toBe(file.replace(/\.ts$/, ''));
    }
  });

  it('gives every rule complete meta: description and remediation as sentences, a severity, messages', () => {
    for (const { id, meta } of builtinRules) {
      expect(meta.docs.description, id).toMatch(/^[A-Z].*\.$/);
      expect(meta.docs.remediation, id).toMatch(/^[A-Z].*[.)]$/);
      if (meta.docs.rationale !== undefined) expect(meta.docs.rationale, id).toMatch(/^[A-Z`].*[.)]$/);
      expect(['off', 'info', 'warning', 'error'], id).toContain(meta.defaultSeverity);
      expect(Object.keys(meta.messages).length, id).toBeGreaterThan(0);
    }
  });

  it('gives a security severity (0.1 to 10) to exactly the rules tagged security', () => {
    for (const { id, meta } of builtinRules) {
      const security = meta.tags?.includes('security') ?? false;
      expect(meta.securitySeverity !== undefined, `${id}: securitySeverity iff tagged security`).toBe(security);
      if (meta.securitySeverity !== undefined) {
        expect(meta.securitySeverity, id).toBeGreaterThanOrEqual(0.1);
        expect(meta.securitySeverity, id).toBeLessThanOrEqual(10);
      }
    }
  });

  it('passes the source check custom rules get: literal meta, reported messageIds that exist, every message reported', () => {
    const fromSource = messageIdsInSource();
    const failures: string[] = [];
    for (const rule of builtinRules) {
      const file = path.join(RULES_DIR, `${rule.id}.ts`);
      const checked = checkRuleSource(file, readFileSync(file, 'utf8'), { allowFileScope: true });
      failures.push(...checked.problems.map((problem) => `${rule.id}.ts:${problem.range!.start.line + 1}: ${problem.message}`));
      if (checked.messageIds.join() !== Object.keys(rule.meta.messages).join()) failures.push(`${rule.id}: the source's messages are not the loaded rule's`);
      // A report the check cannot read must be accounted for by REPORTED_FROM.
      if ((checked.opaqueReports > 0) !== (REPORTED_FROM[rule.id] !== undefined)) failures.push(`${rule.id}: ${checked.opaqueReports} report(...) calls without an object literal`);
      const reported = new Set([
        ...checked.reportedMessageIds,
        ...(fromSource.byRule.get(rule.id) ?? []),
        ...(REPORTED_FROM[rule.id] ?? []).flatMap((source) => [...(fromSource.byFile.get(source) ?? [])]),
      ]);
      for (const id of checked.messageIds) if (!reported.has(id)) failures.push(`${rule.id}: no report names the message "${id}"`);
    }
    expect(failures).toEqual([]);
  });

  it("validates every rule's default options against its own options schema", () => {
    const ajv = new Ajv({ strict: false });
    for (const { id, meta } of builtinRules) {
      if (!meta.schema) continue;
      const validate = ajv.compile(meta.schema);
      expect(validate(meta.defaultOptions), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
