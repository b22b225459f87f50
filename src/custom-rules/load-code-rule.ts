import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AnyRule } from '../engine/define-rule.js';
import { LineIndex, type SourceRange } from '../load/position.js';
import { ConfigError, type ConfigProblem } from '../config/config-error.js';
import { CustomRuleError } from './custom-rule-error.js';
import { asRule, ruleShapeProblems } from './rule-shape.js';

/** A rule loaded from a module the configuration names. */
export interface LoadedCodeRule {
  readonly rule: AnyRule;
  readonly filePath: string;
  /** Where the id is written, when the source was read (TypeScript rules). */
  readonly idRange?: SourceRange;
}

const TYPESCRIPT = /\.(ts|mts|cts|tsx)$/;
const loaded = new Map<string, Promise<LoadedCodeRule>>();
// Bumped by forgetCodeRules: Node keeps every module it imported, so a reload imports a new URL.
let reloads = 0;
let compiler: typeof import('./compile-module.js') | undefined;

/**
 * Forgets every rule module loaded so far, so the next load reads its source again: for the
 * language server, which outlives an edit to a rule. Modules a JavaScript rule imports itself
 * stay as Node first loaded them; TypeScript helpers are compiled again.
 */
export function forgetCodeRules(): void {
  loaded.clear();
  reloads++;
  compiler?.forgetCompiled();
}

/**
 * Loads one custom rule module (once per process). This is a check, not a sandbox: the module
 * runs with the user's permissions, as any code in their repository would, and only because
 * their configuration names it.
 */
export function loadCodeRule(filePath: string): Promise<LoadedCodeRule> {
  let promise = loaded.get(filePath);
  if (!promise) {
    promise = TYPESCRIPT.test(filePath) ? loadTypeScriptRule(filePath) : loadJavaScriptRule(filePath);
    loaded.set(filePath, promise);
  }
  return promise;
}

/** TypeScript: read and checked from source first, then compiled and imported. */
async function loadTypeScriptRule(filePath: string): Promise<LoadedCodeRule> {
  const text = readSource(filePath);
  const { checkRuleSource, importCompiled } = await typeScriptTooling(filePath);
  const checked = checkRuleSource(filePath, text);
  if (checked.problems.length > 0) throw new ConfigError(checked.problems);
  const exported = await importOrFail(filePath, () => importCompiled(filePath, text, checked.specifiers));
  const rule = shapedRule(filePath, exported, checked.idRange);
  if (checked.id !== undefined && rule.id !== checked.id) {
    throw new ConfigError([{ filePath, ...(checked.idRange ? { range: checked.idRange } : {}), message: `The rule's id at run time ("${rule.id}") is not the literal id "${checked.id}".` }]);
  }
  return { rule: guarded(rule, filePath), filePath, ...(checked.idRange ? { idRange: checked.idRange } : {}) };
}

/**
 * JavaScript: imported as it is. When it imports 'podlint' and podlint is not installed where the
 * rule lives (a global install, npx), it is imported again with 'podlint' pointed at the running one.
 */
async function loadJavaScriptRule(filePath: string): Promise<LoadedCodeRule> {
  const exported = await importOrFail(filePath, async () => {
    try {
      const url = pathToFileURL(filePath).href;
      return ((await import(reloads > 0 ? `${url}?reload=${reloads}` : url)) as { default?: unknown }).default;
    } catch (error) {
      const { code, message } = error as { code?: string; message?: string };
      if (code !== 'ERR_MODULE_NOT_FOUND' || !/'podlint'/.test(message ?? '')) throw error;
      const text = readSource(filePath);
      const { specifiersOf, importCompiled } = await typeScriptTooling(filePath);
      return importCompiled(filePath, text, specifiersOf(filePath, text));
    }
  });
  return { rule: guarded(shapedRule(filePath, exported, undefined), filePath), filePath };
}

/**
 * The parser and the compiler, loaded on first use. A podlint without them (the GitHub Action's
 * bundle leaves them out) says what to do instead of failing on a missing module.
 */
async function typeScriptTooling(filePath: string) {
  try {
    const [check, compile, peers] = await Promise.all([import('./check-rule-source.js'), import('./compile-module.js'), import('./peer-dependency.js')]);
    // Found now, so that a missing one is this clear error, not a failure halfway through.
    peers.requirePeer('@typescript-eslint/typescript-estree', filePath);
    if (TYPESCRIPT.test(filePath)) peers.requirePeer('typescript', filePath);
    compiler = compile;
    return { checkRuleSource: check.checkRuleSource, specifiersOf: check.specifiersOf, importCompiled: compile.importCompiled };
  } catch (error) {
    const { code } = error as { code?: string };
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new ConfigError([
      {
        filePath,
        range: firstLine(),
        message:
          'This rule needs the packages typescript and @typescript-eslint/typescript-estree, found neither with podlint nor in the rule\'s project: install them (`npm install --save-dev typescript @typescript-eslint/typescript-estree`), or write the rule in JavaScript without importing \'podlint\' (export the rule object).',
      },
    ]);
  }
}

function readSource(filePath: string): string {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new ConfigError([{ filePath, message: `Cannot read the custom rule: ${error instanceof Error ? error.message : String(error)}.` }]);
  }
}

async function importOrFail(filePath: string, load: () => Promise<unknown>): Promise<unknown> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new ConfigError([{ filePath, range: firstLine(), message: `The custom rule cannot be loaded: ${message}` }]);
  }
}

function shapedRule(filePath: string, exported: unknown, idRange: SourceRange | undefined): AnyRule {
  const problems: ConfigProblem[] = ruleShapeProblems(exported).map((message) => ({ filePath, range: idRange ?? firstLine(), message }));
  if (problems.length > 0) throw new ConfigError(problems);
  return asRule(exported);
}

/** The rule with its check wrapped, so a throw names the rule and its module. */
function guarded(rule: AnyRule, filePath: string): AnyRule {
  if (!('check' in rule)) return rule;
  const check = rule.check as (context: { object: { file: { filePath: string } } }, options: object) => void;
  return {
    ...rule,
    check(context: { object: { file: { filePath: string } } }, options: object) {
      try {
        check.call(rule, context, options);
      } catch (error) {
        throw new CustomRuleError(rule.id, filePath, context.object.file.filePath, error);
      }
    },
  } as AnyRule;
}

function firstLine(): SourceRange {
  return new LineIndex([0]).range(0, 0);
}
