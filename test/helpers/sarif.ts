import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';

// CommonJS packages whose default export TypeScript's NodeNext interop sees as the module object.
const require = createRequire(import.meta.url);
const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
const AjvDraft04 = (require('ajv-draft-04') as typeof import('ajv-draft-04')).default;
const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;

const SCHEMAS = path.resolve(import.meta.dirname, '../fixtures/sarif');

function readSchema(name: string): Record<string, any> {
  return JSON.parse(readFileSync(path.join(SCHEMAS, name), 'utf8')) as Record<string, any>;
}

/**
 * The OASIS schema (draft-04) and the copy GitHub's upload-sarif validates with (2020-12).
 * The codeql-action copy has region's `anyOf` misplaced inside `properties` (a lenient validator
 * ignores it; ajv rejects such a schema): it is moved back where the OASIS schema has it, which
 * validates more, not less.
 */
function compileValidators(): { name: string; validate: ValidateFunction }[] {
  const oasis = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(oasis);
  const github = new Ajv2020({ allErrors: true, strict: false });
  addFormats(github);
  const githubSchema = readSchema('codeql-action-sarif-schema-2.1.0.json');
  const region = githubSchema.definitions.region;
  if (region.properties.anyOf) {
    region.anyOf = region.properties.anyOf;
    delete region.properties.anyOf;
  }
  return [
    { name: 'OASIS sarif-schema-2.1.0.json (draft-04)', validate: oasis.compile(readSchema('sarif-schema-2.1.0.json')) },
    { name: 'codeql-action sarif-schema-2.1.0.json (2020-12)', validate: github.compile(githubSchema) },
  ];
}

let validators: ReturnType<typeof compileValidators> | undefined;

/** Schema errors against both schemas, as readable lines (empty when valid). */
export function sarifSchemaErrors(log: unknown): string[] {
  validators ??= compileValidators();
  const errors: string[] = [];
  for (const { name, validate } of validators) {
    if (!validate(log)) errors.push(...(validate.errors ?? []).slice(0, 20).map((error: ErrorObject) => `${name}: ${error.instancePath} ${error.message}`));
  }
  return errors;
}

const PRECISIONS = new Set(['very-high', 'high', 'medium', 'low']);
const LEVELS = new Set(['note', 'warning', 'error']);

/**
 * What GitHub's "SARIF support for code scanning" page requires beyond the schema: required
 * properties non-empty, text and tag limits, upload limits, and consistent rule references.
 */
export function githubSarifProblems(log: any): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };
  check(log.version === '2.1.0', 'version must be 2.1.0');
  check(typeof log.$schema === 'string' && log.$schema.length > 0, '$schema is required');
  check(Array.isArray(log.runs) && log.runs.length >= 1 && log.runs.length <= 20, 'runs: 1 to 20 per file');
  for (const [r, run] of (log.runs ?? []).entries()) {
    const driver = run.tool?.driver ?? {};
    check(typeof driver.name === 'string' && driver.name.length > 0, `run ${r}: tool.driver.name is required`);
    const rules: any[] = driver.rules ?? [];
    check(rules.length <= 25_000, `run ${r}: at most 25,000 rules`);
    check(new Set(rules.map((rule) => rule.id)).size === rules.length, `run ${r}: rule ids are unique`);
    for (const rule of rules) {
      const at = `rule ${rule.id}`;
      check(typeof rule.id === 'string' && rule.id.length > 0, `${at}: id is required`);
      check(rule.name === undefined || (rule.name.length > 0 && rule.name.length <= 255), `${at}: name is at most 255 characters`);
      for (const key of ['shortDescription', 'fullDescription'] as const) {
        const text = rule[key]?.text;
        check(typeof text === 'string' && text.length > 0 && text.length <= 1024, `${at}: ${key}.text is required, at most 1024 characters`);
      }
      check(typeof rule.help?.text === 'string' && rule.help.text.length > 0, `${at}: help.text is required`);
      check(LEVELS.has(rule.defaultConfiguration?.level), `${at}: defaultConfiguration.level is note, warning or error`);
      const properties = rule.properties ?? {};
      const tags: unknown[] = properties.tags ?? [];
      check(tags.length <= 10 && new Set(tags).size === tags.length, `${at}: at most 10 distinct tags`);
      check(properties.precision === undefined || PRECISIONS.has(properties.precision), `${at}: precision is very-high, high, medium or low`);
      const securitySeverity = properties['security-severity'];
      if (securitySeverity !== undefined) {
        const score = Number(securitySeverity);
        check(typeof securitySeverity === 'string' && score > 0 && score <= 10, `${at}: security-severity is a string score in (0, 10]`);
        check(tags.includes('security'), `${at}: a security-severity needs the security tag`);
      }
    }
    const results: any[] = run.results ?? [];
    check(results.length <= 25_000, `run ${r}: at most 25,000 results`);
    const bases = run.originalUriBaseIds ?? {};
    for (const [id, base] of Object.entries<any>(bases)) {
      check(/^file:\/\/\/.*\/$/.test(base.uri), `originalUriBaseIds ${id}: an absolute file URI ending with /`);
    }
    for (const [i, result] of results.entries()) {
      const at = `result ${i} (${result.ruleId})`;
      check(rules[result.ruleIndex]?.id === result.ruleId, `${at}: ruleIndex points at its rule`);
      check(LEVELS.has(result.level), `${at}: level is note, warning or error`);
      check(typeof result.message?.text === 'string' && result.message.text.trim().length > 0, `${at}: message.text is required`);
      check(Array.isArray(result.locations) && result.locations.length === 1, `${at}: exactly one location`);
      const physical = result.locations?.[0]?.physicalLocation;
      const artifact = physical?.artifactLocation ?? {};
      check(typeof artifact.uri === 'string' && artifact.uri.length > 0, `${at}: artifactLocation.uri is required`);
      if (artifact.uriBaseId !== undefined) {
        check(artifact.uriBaseId in bases, `${at}: uriBaseId is declared in originalUriBaseIds`);
        check(!/^[a-z]+:/i.test(artifact.uri) && !artifact.uri.startsWith('/'), `${at}: a uri under a base is relative`);
      } else {
        check(artifact.uri.startsWith('file:///'), `${at}: a uri without a base is an absolute file URI`);
      }
      const region = physical?.region ?? {};
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        check(Number.isInteger(region[key]) && region[key] >= 1, `${at}: region.${key} is a 1-based integer`);
      }
      check(region.endLine > region.startLine || (region.endLine === region.startLine && region.endColumn >= region.startColumn), `${at}: the region ends after it starts`);
      const hash = result.partialFingerprints?.primaryLocationLineHash;
      check(typeof hash === 'string' && hash.length > 0, `${at}: partialFingerprints.primaryLocationLineHash is required`);
    }
    if (run.automationDetails) {
      check(typeof run.automationDetails.id === 'string' && run.automationDetails.id.length > 0, 'automationDetails.id is a non-empty string');
    }
  }
  return problems;
}
