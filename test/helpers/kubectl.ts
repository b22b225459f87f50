import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// kubectl as the reference reader: `kubectl annotate --local -f FILE -o json` decodes each file
// exactly as `kubectl apply` does (the same builder, sigs.k8s.io/yaml over go-yaml v2), adds one
// annotation and prints the objects, without a cluster. PODLINT_KUBECTL picks another binary.

export const KUBECTL = process.env.PODLINT_KUBECTL || 'kubectl';
export const PROBE_ANNOTATION = 'podlint.dev/probe';

/** A JSON number as kubectl printed it: the text, so nothing is lost to doubles on our side. */
export class KubectlNumber {
  constructor(readonly text: string) {}
}

export type KubectlValue = null | boolean | string | KubectlNumber | KubectlValue[] | { [key: string]: KubectlValue };

export interface KubectlFileResult {
  /** The objects kubectl decoded from the file, in order, the probe annotation removed. */
  readonly objects: KubectlValue[];
  /** kubectl's error lines that name this file (it goes on with the other files). */
  readonly errors: string[];
}

export function kubectlVersion(): string | undefined {
  const run = spawnSync(KUBECTL, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
  if (run.status !== 0) return undefined;
  try {
    return (JSON.parse(run.stdout) as { clientVersion?: { gitVersion?: string } }).clientVersion?.gitVersion ?? 'unknown';
  } catch {
    return undefined;
  }
}

/**
 * Decodes many files in one kubectl call. A marker object between every two files tells which
 * objects came from which file, also when a file fails halfway (kubectl prints what it decoded
 * before the error and goes on with the next file).
 */
export function decodeWithKubectl(files: readonly string[]): Map<string, KubectlFileResult> {
  const markers = mkdtempSync(path.join(tmpdir(), 'podlint-kubectl-'));
  const marker = (index: number) => {
    const file = path.join(markers, `marker-${index}.yaml`);
    writeFileSync(file, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: podlint-marker-${index}\n`);
    return file;
  };
  const args = ['annotate', '--local', '-o', 'json', `${PROBE_ANNOTATION}=x`];
  files.forEach((file, index) => args.push('-f', marker(index), '-f', file));
  args.push('-f', marker(files.length));
  const run = spawnSync(KUBECTL, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw run.error;

  const printed = parseKubectlStream(run.stdout);
  const results = new Map<string, KubectlFileResult>(files.map((file) => [file, { objects: [], errors: [] }]));
  let current: KubectlFileResult | undefined;
  for (const object of printed) {
    const name = markerName(object);
    if (name !== undefined) {
      const index = Number(name);
      current = index < files.length ? results.get(files[index]!) : undefined;
      continue;
    }
    if (!current) throw new Error(`kubectl printed an object outside any file: ${JSON.stringify(object).slice(0, 200)}`);
    current.objects.push(withoutProbe(object));
  }
  // Each error names its file; a message over several lines goes on without the name.
  let last: string[] | undefined;
  for (const line of run.stderr.split('\n').filter(Boolean)) {
    const file = files.filter((candidate) => line.includes(candidate)).sort((a, b) => b.length - a.length)[0];
    if (file) {
      last = results.get(file)!.errors;
      last.push(line);
    } else if (last) {
      last[last.length - 1] += `\n${line}`;
    } else {
      throw new Error(`kubectl failed outside any one file: ${line}`);
    }
  }
  return results;
}

function markerName(object: KubectlValue): string | undefined {
  const metadata = isRecord(object) ? object.metadata : undefined;
  const name = isRecord(metadata) ? metadata.name : undefined;
  const match = typeof name === 'string' ? /^podlint-marker-(\d+)$/.exec(name) : null;
  return match?.[1];
}

/** Removes the annotation `kubectl annotate` added; see undoProbe for the maps it had to create. */
function withoutProbe(object: KubectlValue): KubectlValue {
  if (!isRecord(object) || !isRecord(object.metadata)) return object;
  const annotations = object.metadata.annotations;
  if (isRecord(annotations)) delete annotations[PROBE_ANNOTATION];
  return object;
}

/**
 * To add its annotation kubectl creates `metadata.annotations` (and `metadata`) when the file has
 * none, or has them null. Only the file knows which: an empty map that podlint does not have (or
 * has as null) is put back the way the file wrote it. Nothing else is touched.
 */
export function undoProbe(kubectl: KubectlValue, podlint: unknown): KubectlValue {
  if (!isRecord(kubectl) || !isRecord(kubectl.metadata) || typeof podlint !== 'object' || podlint === null) return kubectl;
  const fileMetadata = (podlint as Record<string, unknown>).metadata;
  const fileAnnotations = typeof fileMetadata === 'object' && fileMetadata !== null ? (fileMetadata as Record<string, unknown>).annotations : undefined;
  const metadata = { ...kubectl.metadata };
  if (isEmptyRecord(metadata.annotations) && (fileAnnotations === undefined || fileAnnotations === null)) {
    if (fileAnnotations === null) metadata.annotations = null;
    else delete metadata.annotations;
  }
  const result: { [key: string]: KubectlValue } = { ...kubectl, metadata };
  if (isEmptyRecord(metadata) && (fileMetadata === undefined || fileMetadata === null)) {
    if (fileMetadata === null) result.metadata = null;
    else delete result.metadata;
  }
  return result;
}

/**
 * Parses the concatenated, pretty-printed JSON objects kubectl prints, keeping every number's text.
 * Numbers outside strings become {"\u0000n": text} before JSON.parse, which then cannot round them.
 */
export function parseKubectlStream(stdout: string): KubectlValue[] {
  const NUMBER_KEY = '\u0000n';
  const wrapped = stdout.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `{"\\u0000n":"${token}"}`, // the JSON spelling of NUMBER_KEY
  );
  // Top-level objects start and end at column 0; everything inside is indented.
  const list = `[${wrapped.trim().replace(/^\}\s*\n\{$/gm, '},\n{')}]`;
  const revive = (value: unknown): KubectlValue => {
    if (Array.isArray(value)) return value.map(revive);
    if (isRecord(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === NUMBER_KEY) return new KubectlNumber(value[NUMBER_KEY] as string);
      const out: { [key: string]: KubectlValue } = {};
      for (const key of keys) out[key] = revive(value[key]);
      return out;
    }
    return value as KubectlValue;
  };
  return stdout.trim() === '' ? [] : (JSON.parse(list) as unknown[]).map(revive);
}

const SAFE = 2n ** 53n;

/**
 * Where podlint's value differs from kubectl's, as "path: kubectl …, podlint …" lines.
 *
 * Numbers are compared as kubectl prints them. A JavaScript number prints the same way as Go's
 * encoding/json prints a float64 (shortest digits, exponent from 1e21 and below 1e-6), so
 * String(podlint) must equal kubectl's text. The one exception is an integer beyond 2^53 that
 * kubectl keeps exact as an int64: podlint holds every number as a double, so there the check is
 * that podlint has the double nearest to kubectl's integer, which is all a double can hold. (No
 * Kubernetes field needs more: int64 fields like runAsUser are bounded far below 2^53.)
 */
export function differences(kubectl: KubectlValue, podlint: unknown, at = ''): string[] {
  const here = at || '(root)';
  if (kubectl instanceof KubectlNumber) {
    if (typeof podlint !== 'number') return [`${here}: kubectl ${kubectl.text}, podlint ${show(podlint)}`];
    if (String(podlint) === kubectl.text) return [];
    const exactBeyondDouble = /^-?\d+$/.test(kubectl.text) && (BigInt(kubectl.text) > SAFE || BigInt(kubectl.text) < -SAFE);
    if (exactBeyondDouble && Number(kubectl.text) === podlint) return [];
    return [`${here}: kubectl ${kubectl.text}, podlint ${show(podlint)}`];
  }
  if (Array.isArray(kubectl)) {
    if (!Array.isArray(podlint)) return [`${here}: kubectl a list, podlint ${show(podlint)}`];
    if (kubectl.length !== podlint.length) return [`${here}: kubectl ${kubectl.length} items, podlint ${podlint.length}`];
    return kubectl.flatMap((item, index) => differences(item, podlint[index], `${at}[${index}]`));
  }
  if (isRecord(kubectl)) {
    if (!isRecord(podlint)) return [`${here}: kubectl a mapping, podlint ${show(podlint)}`];
    const keys = new Set([...Object.keys(kubectl), ...Object.keys(podlint)]);
    return [...keys].sort().flatMap((key) => {
      const where = `${at}.${JSON.stringify(key)}`;
      if (!(key in kubectl)) return [`${where}: kubectl has no such key, podlint ${show(podlint[key])}`];
      if (!(key in podlint)) return [`${where}: podlint has no such key, kubectl ${show(kubectl[key])}`];
      return differences(kubectl[key]!, podlint[key], where);
    });
  }
  return Object.is(kubectl, podlint) ? [] : [`${here}: kubectl ${show(kubectl)}, podlint ${show(podlint)}`];
}

function isRecord(value: unknown): value is { [key: string]: KubectlValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof KubectlNumber);
}

function isEmptyRecord(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 0;
}

function show(value: unknown): string {
  if (value instanceof KubectlNumber) return value.text;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}
