// Loaded with import() only when a custom rule needs compiling (a TypeScript rule, or a
// JavaScript rule that imports 'podlint' from a place where Node cannot find it).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageAsset } from '../package-root.js';
import { specifiersOf, type ModuleSpecifier } from './check-rule-source.js';
import { requirePeer } from './peer-dependency.js';

// An optional peer dependency, required on first use, like the parser (see peer-dependency.ts).
type TypeScript = typeof import('typescript');

/**
 * What `import ... from 'podlint'` means in a custom rule: the running podlint's built entry,
 * found from the package root whether this code runs from dist/ or, in podlint's own tests, from
 * src/. The GitHub Action's bundle has no dist/: there it is a stand-in that provides defineRule.
 */
function podlintEntryUrl(): string {
  const entry = packageAsset('dist/src/index.js');
  if (existsSync(entry)) return pathToFileURL(entry).href;
  outputDir ??= createOutputDir();
  const standIn = path.join(outputDir, 'podlint.mjs');
  if (!existsSync(standIn)) writeFileSync(standIn, 'export function defineRule(rule) {\n  return rule;\n}\n');
  return pathToFileURL(standIn).href;
}

const TYPESCRIPT = /\.(ts|mts|cts|tsx)$/;

let outputDir: string | undefined;
let counter = 0;
/** Compiled modules by source file, so a helper shared by two rules is compiled once. */
const compiled = new Map<string, string>();

/** Compiles every module again on its next import (each output file has a new name, so a new URL). */
export function forgetCompiled(): void {
  compiled.clear();
}

/**
 * Compiles a rule module to plain JavaScript and imports it. Types are stripped with the
 * TypeScript compiler (the parser that checks rules needs it anyway, so nothing else is added).
 * Every module specifier is made absolute first: `podlint` becomes the running podlint, relative
 * paths their files (TypeScript helpers are compiled the same way), packages what Node resolves
 * from the rule's directory. The output lives in a temporary directory removed when podlint exits.
 */
export async function importCompiled(filePath: string, text: string, specifiers: readonly ModuleSpecifier[]): Promise<unknown> {
  const url = compileToFile(filePath, text, specifiers, new Set());
  const module = (await import(url)) as { default?: unknown };
  return module.default;
}

function compileToFile(filePath: string, text: string, specifiers: readonly ModuleSpecifier[], compiling: Set<string>): string {
  const done = compiled.get(filePath);
  if (done) return done;
  compiling.add(filePath);
  let source = text;
  for (const specifier of [...specifiers].sort((a, b) => b.start - a.start)) {
    const target = resolveSpecifier(specifier.value, filePath, compiling);
    if (target !== specifier.value) source = `${source.slice(0, specifier.start)}${JSON.stringify(target)}${source.slice(specifier.end)}`;
  }
  const ts = TYPESCRIPT.test(filePath) ? requirePeer<TypeScript>('typescript', filePath) : undefined;
  const javascript = ts
    ? ts.transpileModule(source, {
        fileName: filePath,
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          jsx: ts.JsxEmit.React,
          // Keep imports whose names are only used as types out, as Node's type stripping does.
          verbatimModuleSyntax: false,
          isolatedModules: true,
        },
      }).outputText
    : source;
  outputDir ??= createOutputDir();
  const outputFile = path.join(outputDir, `${path.basename(filePath).replace(/\.[^.]+$/, '')}-${counter++}.mjs`);
  writeFileSync(outputFile, javascript);
  const url = pathToFileURL(outputFile).href;
  compiled.set(filePath, url);
  compiling.delete(filePath);
  return url;
}

function resolveSpecifier(specifier: string, fromFile: string, compiling: Set<string>): string {
  if (specifier === 'podlint') return podlintEntryUrl();
  if (isBuiltin(specifier) || specifier.startsWith('data:')) return specifier;
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) {
    const resolved = specifier.startsWith('file:') ? fileURLToPath(specifier) : path.resolve(path.dirname(fromFile), specifier);
    const typescriptFile = typescriptSource(resolved);
    if (typescriptFile) {
      // A cycle between helpers cannot be compiled file by file; point at the source and let Node report it.
      if (compiling.has(typescriptFile)) return pathToFileURL(typescriptFile).href;
      const text = readFileSync(typescriptFile, 'utf8');
      return compileToFile(typescriptFile, text, specifiersOf(typescriptFile, text), compiling);
    }
    return pathToFileURL(resolved).href;
  }
  try {
    return pathToFileURL(createRequire(fromFile).resolve(specifier)).href;
  } catch {
    return specifier; // Node will say it cannot find it, naming the package.
  }
}

/** The TypeScript file a relative import means: `./x.ts`, or `./x.js` written for `./x.ts`. */
function typescriptSource(resolved: string): string | undefined {
  if (TYPESCRIPT.test(resolved)) return existsSync(resolved) ? resolved : undefined;
  const match = /\.(m|c)?js$/.exec(resolved);
  if (!match || existsSync(resolved)) return undefined;
  const candidate = `${resolved.slice(0, -match[0].length)}.${match[1] ?? ''}ts`;
  return existsSync(candidate) ? candidate : undefined;
}

function createOutputDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'podlint-rules-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
