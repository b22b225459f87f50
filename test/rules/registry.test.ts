import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';

const RULES_DIR = path.resolve(import.meta.dirname, '../../rules');

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

  it("validates every rule's default options against its own options schema", () => {
    const ajv = new Ajv({ strict: false });
    for (const { id, meta } of builtinRules) {
      if (!meta.schema) continue;
      const validate = ajv.compile(meta.schema);
      expect(validate(meta.defaultOptions), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
