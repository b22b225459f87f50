import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { builtinRules } from '../rules/index.js';
import { configureRules } from '../src/engine/rule-settings.js';
import { valueAt } from '../src/path.js';
import { loadBytes } from '../src/load/load-bytes.js';
import { lintLoadedFile } from '../src/engine/lint-file.js';
import { runCli } from './helpers/cli.js';

// 248 real manifests of kubernetes/examples (see fixtures/corpus/SOURCE.md), some templated or broken.
const CORPUS = path.resolve(import.meta.dirname, 'fixtures/corpus/kubernetes-examples');
const files = fg.sync('**/*.{yaml,yml,json}', { cwd: CORPUS }).sort();
const settings = { rules: configureRules(builtinRules), kubernetesVersion: '1.36' };
const linted = files.map((file) => {
  const loaded = loadBytes(file, readFileSync(path.join(CORPUS, file)));
  return { file, loaded, findings: lintLoadedFile(loaded, settings) };
});

describe('the kubernetes/examples corpus', () => {
  it('runs through the CLI without a crash, exit 1, every file accounted for', () => {
    const run = runCli(['-f', 'json', CORPUS]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(results).toHaveLength(files.length);
    // The child process and the in-process run agree, finding for finding.
    const inProcess = linted.flatMap(({ file, findings }) => findings.map((f) => `${file} ${f.ruleId} ${f.range.start.line + 1}:${f.range.start.column + 1}`));
    const fromCli = results.flatMap((result) => result.messages.map((m) => `${path.relative(CORPUS, result.filePath)} ${m.ruleId} ${m.line}:${m.column}`));
    expect(fromCli.sort()).toEqual(inProcess.sort());
  });

  it('reports every templated file once, at a {{', () => {
    const templated = linted.filter(({ findings }) => findings.some((f) => f.ruleId === 'helm-template'));
    expect(templated.map(({ file }) => file)).toEqual([
      '_archived/newrelic-infrastructure/newrelic-config-template.yaml',
      '_archived/newrelic/newrelic-config-template.yaml',
      '_archived/storage/vitess/etcd-controller-template.yaml',
      '_archived/storage/vitess/etcd-service-template.yaml',
      '_archived/storage/vitess/vtgate-controller-template.yaml',
      '_archived/storage/vitess/vttablet-pod-template.yaml',
    ]);
    for (const { loaded, findings } of templated) {
      const [finding] = findings.filter((f) => f.ruleId === 'helm-template');
      expect(loaded.text.slice(finding!.range.startOffset, finding!.range.endOffset)).toBe('{{');
    }
  });

  it('reports the duplicate keys of the broken files on the key itself', () => {
    const duplicates = linted.flatMap(({ file, loaded, findings }) =>
      findings.filter((f) => f.ruleId === 'duplicate-key').map((f) => `${file} ${loaded.text.slice(f.range.startOffset, f.range.endOffset)}`),
    );
    expect(duplicates).toEqual([
      '_archived/openshift-origin/etcd-controller.yaml selector',
      '_archived/openshift-origin/etcd-discovery-controller.yaml selector',
      '_archived/openshift-origin/openshift-controller.yaml selector',
      '_archived/persistent-volume-provisioning/quobyte/quobyte-admin-secret.yaml type',
      '_archived/volumes/scaleio/sc-pvc.yaml storageClassName',
    ]);
  });

  it('puts every rule finding exactly on the value its path names', () => {
    let checked = 0;
    for (const { loaded, findings } of linted) {
      for (const finding of findings) {
        if (!finding.path || !finding.exact) continue;
        const object = loaded.documents.flatMap((d) => d.objects).find((o) => o.name === finding.object?.name && o.kind === finding.object?.kind);
        const source = loaded.text.slice(finding.range.startOffset, finding.range.endOffset);
        // An unknown field is reported at its key, not its value.
        const expected = finding.messageId === 'unknownField' ? finding.path.at(-1) : valueAt(object!.value, finding.path);
        expect(parseYaml(source, { version: '1.1' }), `${loaded.filePath} ${finding.ruleId}`).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
