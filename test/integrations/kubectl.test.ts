import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/load-bytes.js';
import type { LoadedFile } from '../../src/load/types.js';
import { KUBECTL, decodeWithKubectl, differences, kubectlVersion, undoProbe, type KubectlFileResult } from '../helpers/kubectl.js';

// kubectl is the ground truth for how podlint reads YAML: every object kubectl decodes from the
// corpus and from the hostile fixtures (test/fixtures/kubectl/) must load in podlint with the same
// values, and a file kubectl refuses must be a finding in podlint. One kubectl call decodes all
// files. .ci/run installs Debian's kubernetes-client (1.20) when kubectl is missing; the fixtures
// hold what 1.20 and 1.32 both read the same way. In CI a missing kubectl fails this test,
// locally it is skipped. PODLINT_KUBECTL=/path/to/kubectl runs it with another build.

const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const VERSION = kubectlVersion();
const MISSING = `${KUBECTL} is not installed (.ci/run installs Debian's kubernetes-client with apt-get)`;

const ROOT = path.resolve(import.meta.dirname, '../fixtures');
const CORPUS = path.join(ROOT, 'corpus/kubernetes-examples');
const HOSTILE = path.join(ROOT, 'kubectl');

/** Load problems that stand for "kubectl refuses this file". duplicate-key is not one: kubectl keeps the last value. */
const REFUSALS = new Set(['yaml-syntax', 'yaml-to-json', 'invalid-encoding', 'file-too-large']);

interface Case {
  readonly file: string;
  readonly loaded: LoadedFile;
}

function load(file: string): Case {
  return { file, loaded: loadBytes(file, readFileSync(file)) };
}

/** The same fixture with CRLF line ends, and with a byte order mark: kubectl reads all three alike. */
function variants(file: string, dir: string): string[] {
  const text = readFileSync(file, 'utf8');
  const base = path.join(dir, path.basename(file).replace(/\.ya?ml$/, ''));
  writeFileSync(`${base}.crlf.yaml`, text.replace(/\n/g, '\r\n'));
  writeFileSync(`${base}.bom.yaml`, `\ufeff${text}`);
  return [`${base}.crlf.yaml`, `${base}.bom.yaml`];
}

/** Every difference between what kubectl printed for a file and the objects podlint loaded. */
function compare({ file, loaded }: Case, decoded: KubectlFileResult): string[] {
  const objects = loaded.documents.flatMap((document) => document.objects.map((object) => object.value));
  const name = file.startsWith(ROOT) ? path.relative(ROOT, file) : path.basename(file);
  // kubectl stops a file at a document it cannot decode; the objects before it must still agree.
  const refused = decoded.errors.length > 0;
  if (!refused && decoded.objects.length !== objects.length) {
    return [`${name}: kubectl decoded ${decoded.objects.length} objects, podlint ${objects.length}`];
  }
  return decoded.objects.flatMap((object, index) =>
    differences(undoProbe(object, objects[index]), objects[index]).map((difference) => `${name} object ${index} ${difference}`),
  );
}

function refusals(loaded: LoadedFile): string[] {
  return loaded.problems.filter((problem) => REFUSALS.has(problem.ruleId)).map((problem) => problem.ruleId);
}

describe(`podlint reads manifests as kubectl${VERSION ? ` ${VERSION}` : ''} does`, () => {
  if (!VERSION && !IN_CI) {
    console.warn(`Skipping the kubectl comparison: ${MISSING}.`);
    it.skip(`loads every object with kubectl's values (skipped: ${MISSING})`, () => {});
    return;
  }

  const variantDir = mkdtempSync(path.join(tmpdir(), 'podlint-kubectl-variants-'));
  // Templated files are not manifests (podlint reports them as helm-template); kubectl is not asked.
  const corpus = fg.sync('**/*.{yaml,yml,json}', { cwd: CORPUS, absolute: true }).sort().map(load)
    .filter(({ loaded }) => !loaded.problems.some((problem) => problem.ruleId === 'helm-template'));
  const hostileFiles = fg.sync('*.{yaml,json}', { cwd: HOSTILE, absolute: true }).sort();
  const hostile = [...hostileFiles, ...hostileFiles.filter((file) => file.endsWith('.yaml')).flatMap((file) => variants(file, variantDir))].map(load);
  const rejected = fg.sync('rejected/*.{yaml,json}', { cwd: HOSTILE, absolute: true }).sort().map(load);
  const stricter = fg.sync('stricter/*.yaml', { cwd: HOSTILE, absolute: true }).sort().map(load);
  let decoded: Map<string, KubectlFileResult>;

  beforeAll(() => {
    if (!VERSION) throw new Error(`${MISSING}; CI must run this test.`);
    decoded = decodeWithKubectl([...corpus, ...hostile, ...rejected, ...stricter].map(({ file }) => file));
  });

  it('loads every object kubectl decodes from the corpus, with the same values', () => {
    expect(corpus.length).toBeGreaterThan(200);
    expect(corpus.flatMap((entry) => compare(entry, decoded.get(entry.file)!))).toEqual([]);
    const objects = corpus.reduce((sum, { file }) => sum + decoded.get(file)!.objects.length, 0);
    expect(objects).toBeGreaterThan(250);
  });

  it('refuses exactly the corpus files kubectl refuses', () => {
    const mismatched = corpus.flatMap(({ file, loaded }) => {
      const errors = decoded.get(file)!.errors;
      // A document without a kind (a Cassandra config) is no Kubernetes object: kubectl says so,
      // podlint skips it. Anything else kubectl refuses, podlint must report.
      const objects = loaded.documents.flatMap((document) => document.objects);
      if (errors.length > 0 && errors.every((error) => error.includes("Object 'Kind' is missing")) && objects.every((object) => object.kind !== '')) return [];
      const podlintRefuses = refusals(loaded).length > 0;
      if ((errors.length > 0) === podlintRefuses) return [];
      return [`${path.relative(CORPUS, file)}: kubectl ${errors.map((error) => error.slice(0, 200)).join(' ') || 'accepts it'}; podlint ${refusals(loaded).join(', ') || 'accepts it'}`];
    });
    expect(mismatched).toEqual([]);
  });

  it('reads hostile scalars, keys, merges and block scalars as kubectl does, with LF, CRLF or a BOM', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(3 * hostileFiles.filter((file) => file.endsWith('.yaml')).length);
    // Both read every fixture: kubectl prints no error, podlint reports no refusal.
    const refused = hostile.flatMap(({ file, loaded }) => [...decoded.get(file)!.errors, ...refusals(loaded).map((ruleId) => `${path.basename(file)}: podlint ${ruleId}`)]);
    expect(refused).toEqual([]);
    expect(hostile.flatMap((entry) => compare(entry, decoded.get(entry.file)!))).toEqual([]);
  });

  it('reports every file kubectl refuses, with the rule the file names', () => {
    expect(rejected.length).toBeGreaterThan(10);
    const missed = rejected.flatMap(({ file, loaded }) => {
      const name = path.basename(file);
      // The first line says which rule podlint reports, and on which line: `# podlint: yaml-to-json 7`.
      const [, ruleId, line] = /^(?:%.*\n---\n)?# podlint: ([\w-]+) (\d+)/.exec(loaded.text) ?? [];
      const reported = loaded.problems.map((problem) => `${problem.ruleId} ${problem.range.start.line + 1}`);
      const kubectlRefuses = decoded.get(file)!.errors.length > 0;
      return kubectlRefuses && reported.includes(`${ruleId} ${line}`) ? [] : [`${name}: kubectl ${kubectlRefuses ? 'refuses it' : 'accepts it'}; podlint reports ${reported.join(', ') || 'nothing'}, expected ${ruleId} ${line}`];
    });
    expect(missed).toEqual([]);
  });

  it('is stricter than kubectl only where the YAML spec is', () => {
    // go-yaml accepts a flow collection or quoted string whose next line is not indented past its
    // key (or is indented with a tab), and the escape \' in a double-quoted string. YAML forbids
    // them and the yaml package stops there: podlint reports yaml-syntax where kubectl reads on.
    expect(stricter.length).toBeGreaterThan(0);
    for (const { file, loaded } of stricter) {
      expect(decoded.get(file)!.errors, `${path.basename(file)}: kubectl accepts it`).toEqual([]);
      expect(refusals(loaded), path.basename(file)).toContain('yaml-syntax');
    }
  });
});
