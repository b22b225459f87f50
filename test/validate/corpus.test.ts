import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { configureRules, type RuleSetting } from '../../src/engine/rule-settings.js';
import { lintFiles } from '../../src/lint.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = 'test/fixtures/corpus/kubernetes-examples';
const SCHEMA_RULES = ['schema-validation', 'removed-api-version', 'duplicate-list-entry'];

function manifests(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

function schemaFindings(files: readonly string[], kubernetesVersion: string): string[] {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of builtinRules) rules[rule.id] = SCHEMA_RULES.includes(rule.id) ? 'error' : 'off';
  const results = lintFiles(files, { rules: configureRules(builtinRules, rules), kubernetesVersion }, ROOT);
  return results.flatMap((result) =>
    result.findings.map((finding) => `${path.relative(CORPUS, result.filePath)}:${finding.range.start.line + 1} ${finding.ruleId}: ${finding.message}`),
  );
}

// Every schema finding in the kubernetes/examples corpus, each checked by hand against the
// Kubernetes 1.35 API: the manifests Kubernetes accepts give none.
const EXPECTED_1_35 = [
  // A kind removed in 1.14 (initializers), never replaced.
  '_archived/cloud-controller-manager/persistent-volume-label-initializer-config.yaml:2 removed-api-version: admissionregistration.k8s.io/v1alpha1 InitializerConfiguration was removed in Kubernetes 1.14, and Kubernetes 1.35 has no InitializerConfiguration at all.',
  '_archived/cockroachdb/cockroachdb-statefulset.yaml:57 removed-api-version: policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25; use policy/v1.',
  '_archived/newrelic-infrastructure/newrelic-infra-daemonset.yaml:1 removed-api-version: extensions/v1beta1 DaemonSet was removed in Kubernetes 1.16; use apps/v1.',
  '_archived/podsecuritypolicy/rbac/policies.yaml:1 removed-api-version: policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25, and Kubernetes 1.35 has no PodSecurityPolicy at all.',
  '_archived/podsecuritypolicy/rbac/policies.yaml:26 removed-api-version: policy/v1beta1 PodSecurityPolicy was removed in Kubernetes 1.25, and Kubernetes 1.35 has no PodSecurityPolicy at all.',
  // kube-scheduler's old policy file (kind: Policy), not an API object.
  '_archived/scheduler-policy/scheduler-policy-config-with-extender.json:3 removed-api-version: Kubernetes 1.35 serves no Policy in v1 (a misspelled kind or apiVersion?).',
  '_archived/scheduler-policy/scheduler-policy-config.json:3 removed-api-version: Kubernetes 1.35 serves no Policy in v1 (a misspelled kind or apiVersion?).',
  // Kubernetes protocols are case-sensitive.
  '_archived/volumes/aws_ebs/aws-ebs-web.yaml:12 schema-validation: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  ...['account-specified-hdd/storageclass-account-hdd', 'dedicated-hdd/storageclass-dedicated-hdd', 'shared-hdd/storageclass-shared-hdd', 'shared-ssd/storageclass-shared-ssd'].map(
    (file) => `_archived/volumes/azure_disk/claim/blob-based-disk/${file}.yaml:2 removed-api-version: storage.k8s.io/v1beta1 StorageClass was removed in Kubernetes 1.22; use storage.k8s.io/v1.`,
  ),
  ...['managed-hdd/storageclass-managed-hdd', 'managed-ssd/storageclass-managed-ssd'].map(
    (file) => `_archived/volumes/azure_disk/claim/managed-disk/${file}.yaml:2 removed-api-version: storage.k8s.io/v1beta1 StorageClass was removed in Kubernetes 1.22; use storage.k8s.io/v1.`,
  ),
  '_archived/volumes/cinder/cinder-web.yaml:12 schema-validation: spec.containers[0].ports[0].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"',
  // A placeholder left in an integer field.
  '_archived/volumes/fibre_channel/fc.yaml:17 schema-validation: spec.volumes[0].fc.lun must be an integer, not a string ("<ADD LUN ID Here>")',
  '_archived/volumes/flexvolume/deploy/ds.yaml:1 removed-api-version: extensions/v1beta1 DaemonSet was removed in Kubernetes 1.16; use apps/v1.',
  // StorageClass parameters written into the Pod's rbd volume, which has no such fields.
  '_archived/volumes/rbd/rbd.yaml:25 schema-validation: unknown field "imageformat" in spec.volumes[0].rbd; allowed fields: "fsType", "image", "keyring", "monitors", "pool", "readOnly", "secretRef", "user"',
  '_archived/volumes/rbd/rbd.yaml:26 schema-validation: unknown field "imagefeatures" in spec.volumes[0].rbd; allowed fields: "fsType", "image", "keyring", "monitors", "pool", "readOnly", "secretRef", "user"',
  '_archived/volumes/scaleio/pod.yaml:17 schema-validation: unknown field "protectionDoamin" in spec.volumes[0].scaleIO; did you mean "protectionDomain"?',
  '_archived/volumes/storageos/storageos-pod.yaml:35 schema-validation: unknown field "pool" in spec.volumes[0].storageos; allowed fields: "fsType", "readOnly", "secretRef", "volumeName", "volumeNamespace"',
  '_archived/volumes/storageos/storageos-pv.yaml:22 schema-validation: unknown field "secretName" in spec.storageos; allowed fields: "fsType", "readOnly", "secretRef", "volumeName", "volumeNamespace"',
];

describe('schema validation over real manifests', () => {
  it('finds exactly the checked schema problems of the kubernetes/examples corpus (Kubernetes 1.35)', () => {
    expect(schemaFindings(manifests(CORPUS), '1.35')).toEqual(EXPECTED_1_35);
  });

  it('finds no schema problem in the bundled examples, for any version', () => {
    for (const version of ['1.34', '1.35', '1.36']) expect(schemaFindings(manifests('examples'), version), version).toEqual([]);
  });
});
