// Build step (`npm run build`, after tsc): compiles the committed strict schemas into ajv
// standalone validators under dist/validators/<version>/, so no schema is compiled at run time.
//
// Each definition is compiled once, on its own: a `$ref` becomes a call into the referenced
// definition's validator (the `x-podlint-ref` keyword below) instead of a copy of its code, which
// is what ajv does across a `$ref` and which made every kind carry the whole PodSpec (measured:
// ~20 MB per version as one module per kind, against ~3 MB compiled once). Definitions are then
// grouped into chunk files by the set of kinds that need them, so a run that meets a Pod loads
// the chunks of exactly Pod's definitions, and a ConfigMap never loads PodSpec.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { callRef } from 'ajv/dist/vocabularies/core/ref.js';
import { KUBERNETES_VERSIONS } from '../../src/k8s/kubernetes-version.js';
import { REPOSITORY_ROOT, schemaDir } from './sources.js';
import { addPodlintKeywords, AJV_OPTIONS, forCompilation, REF_PREFIX } from '../../src/validate/compile-schema.js';
import { DEFINITIONS_FILE, KINDS_FILE, type Schema } from './strict-schema.js';

/** What the runtime loader reads: kinds to definitions, and which chunk holds each definition. */
export interface ValidatorIndex {
  readonly kinds: Record<string, Record<string, string>>;
  readonly chunks: Record<string, number>;
}

export const VALIDATORS_DIR = path.join(REPOSITORY_ROOT, 'dist/validators');


/** Compiles one version; returns the chunk sources by file name and the index. */
export function compileVersion(version: string): { files: Record<string, string>; index: ValidatorIndex } {
  const dir = schemaDir(version);
  const definitions = (JSON.parse(readFileSync(path.join(dir, DEFINITIONS_FILE), 'utf8')) as { definitions: Record<string, Schema> }).definitions;
  const kindSchemas = JSON.parse(readFileSync(path.join(dir, KINDS_FILE), 'utf8')) as Record<string, Record<string, Schema>>;

  const kinds: Record<string, Record<string, string>> = {};
  const roots = new Set<string>();
  for (const [apiVersion, byKind] of Object.entries(kindSchemas)) {
    for (const [kind, schema] of Object.entries(byKind)) {
      const name = definitionOfKind(schema);
      (kinds[apiVersion] ??= {})[kind] = name;
      roots.add(name);
    }
  }

  const references = new Map(Object.entries(definitions).map(([name, schema]) => [name, referencesOf(schema)]));
  const chunkOf = partition([...roots].sort(), references);

  const ajv = newAjv();
  const bodies = new Map<number, string[]>();
  for (const [name, chunk] of [...chunkOf].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))) {
    const validate = ajv.compile(forCompilation(definitions[name]!, name));
    const code = standaloneCode.default(ajv, validate);
    const list = bodies.get(chunk) ?? [];
    list.push(`exports[${JSON.stringify(name)}] = function (module, load) {\n${code}\n};`);
    bodies.set(chunk, list);
  }
  const files: Record<string, string> = {};
  for (const [chunk, list] of bodies) files[chunkFile(chunk)] = `"use strict";\n${list.join('\n')}\n`;
  return { files, index: { kinds, chunks: Object.fromEntries(chunkOf) } };
}

export function chunkFile(chunk: number): string {
  return `chunk-${chunk}.cjs`;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, lines: false } });
  addPodlintKeywords(ajv, { _, callRef }, () => notCalled);
  return ajv;
}

function notCalled(): never {
  throw new Error('A compiled reference is only called from standalone code.');
}

function definitionOfKind(schema: Schema): string {
  const ref = ((schema.allOf as Schema[])[0]!.$ref as string).split(REF_PREFIX)[1];
  if (!ref) throw new Error(`kinds.json: no definition reference in ${JSON.stringify(schema)}`);
  return ref;
}

function referencesOf(schema: Schema): Set<string> {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (typeof node !== 'object' || node === null) return;
    const object = node as Schema;
    if (typeof object.$ref === 'string') found.add(object.$ref.slice(REF_PREFIX.length));
    if (object.properties) for (const value of Object.values(object.properties as Record<string, Schema>)) walk(value);
    walk(object.items);
    walk(object.additionalProperties);
  };
  walk(schema);
  return found;
}

/**
 * Groups definitions by the set of kinds whose validation reaches them: all definitions of one
 * chunk are needed by exactly the same kinds, so a kind never loads a definition it cannot reach.
 */
function partition(roots: readonly string[], references: ReadonlyMap<string, ReadonlySet<string>>): Map<string, number> {
  const users = new Map<string, string[]>();
  for (const root of roots) {
    const seen = new Set<string>([root]);
    const stack = [root];
    while (stack.length > 0) {
      for (const next of references.get(stack.pop()!) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    for (const name of seen) (users.get(name) ?? users.set(name, []).get(name)!).push(root);
  }
  const signatures = [...new Set([...users.values()].map((list) => list.join(' ')))].sort();
  const chunkOfSignature = new Map(signatures.map((signature, index) => [signature, index]));
  return new Map([...users].map(([name, list]) => [name, chunkOfSignature.get(list.join(' '))!]));
}

function main(): void {
  const started = performance.now();
  let bytes = 0;
  let files = 0;
  for (const version of KUBERNETES_VERSIONS) {
    const out = path.join(VALIDATORS_DIR, version);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const compiled = compileVersion(version);
    for (const [name, text] of Object.entries(compiled.files)) {
      writeFileSync(path.join(out, name), text);
      bytes += Buffer.byteLength(text);
      files++;
    }
    writeFileSync(path.join(out, 'index.json'), JSON.stringify(compiled.index));
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Compiled schema validators for Kubernetes ${KUBERNETES_VERSIONS.join(', ')}: ${files} chunks, ${(bytes / 1e6).toFixed(1)} MB, ${seconds} s.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
