import { describe, expect, it } from 'vitest';
import { podView } from '../../src/k8s/pod-view.js';
import { explainPodQos, getPodQosClass, podQosClass } from '../../src/k8s/qos.js';
import { loadText } from '../../src/load/load-text.js';
import { readMarkdownTables } from '../helpers/case-tables.js';
import { manifestsFor, readCaseManifests } from '../helpers/case-manifests.js';

const manifests = readCaseManifests('qos-cases.yaml');

// Sections A and B of qos-cases.md: `| # | name | summary | [gate |] expected |`.
const rows = readMarkdownTables('qos-cases.md').flatMap((table) => {
  const section = /^([AB])\./.exec(table.heading)?.[1];
  if (!section) return [];
  return table.rows.map((cells) => ({ id: `${section}#${cells[0]}`, name: cells[1]!, expected: /^\w+/.exec(cells[cells.length - 1]!)![0] }));
});

describe('podQosClass against qos-cases.md (ComputePodQOS, kubectl and Kubernetes tests)', () => {
  it('covers both tables', () => {
    expect(rows).toHaveLength(38);
    expect(new Set(rows.map((row) => row.expected))).toEqual(new Set(['Guaranteed', 'Burstable', 'BestEffort']));
  });

  it.each(rows.map((row) => [row.id, row.name, row] as const))('%s %s', (_, __, row) => {
    for (const { pod } of manifestsFor(manifests, row.id)) {
      // The tests call the helper on the object as written: no API defaulting.
      expect(getPodQosClass(pod, { defaults: false })).toBe(row.expected);
      // None of these rows changes under the API server's defaulting either.
      expect(getPodQosClass(pod)).toBe(row.expected);
    }
  });
});

function pod(spec: string, kind = 'Pod') {
  const body = kind === 'Pod' ? `spec:\n${spec}` : `spec:\n  template:\n    spec:\n${spec.replace(/^/gm, '    ')}`;
  const object = loadText('x.yaml', `apiVersion: ${kind === 'Pod' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata: { name: x }\n${body}\n`).documents[0]!.objects[0]!;
  return podView(object)!;
}

describe('podQosClass, derived rules (qos-cases.md section C)', () => {
  it('applies the API server defaulting first: limits alone make requests, so Guaranteed', () => {
    const limitsOnly = pod('  containers: [{ name: a, image: a:1, resources: { limits: { cpu: "1", memory: 1Gi } } }]');
    expect(podQosClass(limitsOnly, { defaults: false })).toBe('Burstable');
    expect(podQosClass(limitsOnly)).toBe('Guaranteed');
    // A workload's template is judged as the Pods it creates.
    expect(podQosClass(pod('  containers: [{ name: a, image: a:1, resources: { limits: { cpu: "1", memory: 1Gi } } }]', 'Deployment'))).toBe('Guaranteed');
  });

  it('counts only cpu and memory: a container with only hugepages or extended resources is BestEffort-shaped', () => {
    expect(podQosClass(pod('  containers: [{ name: a, image: a:1, resources: { limits: { nvidia.com/gpu: "1", ephemeral-storage: 1Gi } } }]'))).toBe('BestEffort');
    const mixed = pod(`  containers:
    - { name: a, image: a:1, resources: { limits: { nvidia.com/gpu: "1" } } }
    - { name: b, image: b:1, resources: { limits: { cpu: "1", memory: 1Gi } } }`);
    expect(podQosClass(mixed)).toBe('Burstable');
  });

  it('ignores ephemeral containers and counts init containers and sidecars', () => {
    const spec = `  containers: [{ name: a, image: a:1, resources: { limits: { cpu: "1", memory: 1Gi } } }]
  ephemeralContainers: [{ name: debug, image: d:1 }]`;
    expect(podQosClass(pod(spec))).toBe('Guaranteed');
    const withSidecar = `${spec}\n  initContainers: [{ name: mesh, image: m:1, restartPolicy: Always, resources: { requests: { cpu: 10m } } }]`;
    const explanation = explainPodQos(pod(withSidecar));
    expect(explanation.qosClass).toBe('Burstable');
    expect(explanation.containers.map((entry) => [entry.container.name, entry.qosClass])).toEqual([
      ['mesh', 'Burstable'],
      ['a', 'Guaranteed'],
    ]);
    expect(explanation.containers[0]!.reason).toMatchObject({ kind: 'unequal', resource: 'cpu' });
  });

  it('lets pod-level resources decide, after defaulting pod-level requests from limits', () => {
    const podLimitsOnly = pod(`  resources: { limits: { cpu: "1", memory: 1Gi } }
  containers: [{ name: a, image: a:1 }]`);
    expect(podQosClass(podLimitsOnly, { defaults: false })).toBe('Burstable');
    expect(podQosClass(podLimitsOnly)).toBe('Guaranteed');
    expect(explainPodQos(podLimitsOnly).decidedBy).toBe('pod');
    // Only ephemeral-storage at pod level is not "set": the containers decide.
    expect(explainPodQos(pod(`  resources: { requests: { ephemeral-storage: 1Gi } }
  containers: [{ name: a, image: a:1 }]`)).decidedBy).toBe('containers');
  });

  it('compares numerically: 1 and 1000m are equal', () => {
    expect(podQosClass(pod('  containers: [{ name: a, image: a:1, resources: { requests: { cpu: 1000m, memory: 1Gi }, limits: { cpu: 1, memory: 1024Mi } } }]'))).toBe('Guaranteed');
  });

  it('ignores a recorded status on templates and reads it on Pods', () => {
    expect(getPodQosClass(pod('  containers: [{ name: a, image: a:1 }]\nstatus: { qosClass: Guaranteed }'))).toBe('Guaranteed');
    const deployment = loadText('d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec: { template: { spec: { containers: [{ name: a, image: a:1 }] } } }\nstatus: { qosClass: Guaranteed }\n');
    expect(getPodQosClass(podView(deployment.documents[0]!.objects[0]!)!)).toBe('BestEffort');
  });
});
