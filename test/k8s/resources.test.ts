import { describe, expect, it } from 'vitest';
import { aggregateContainerResources, podResources } from '../../src/k8s/pod-resources.js';
import { podView } from '../../src/k8s/pod-view.js';
import { parseQuantity, type Quantity } from '../../src/k8s/quantity.js';
import { effectivePodLimits, effectivePodRequests, workloadResources, type EffectiveResourcesOptions } from '../../src/k8s/resources.js';
import { loadText } from '../../src/load/load-text.js';
import { readMarkdownTables } from '../helpers/case-tables.js';
import { manifestsFor, readCaseManifests, type CaseManifest } from '../helpers/case-manifests.js';

const manifests = readCaseManifests('pod-requests-cases.yaml');

/** "cpu 6, mem 15 (note)", "cpu 7 = max(...)", "{}" → resource name → quantity text. */
function expectedResources(cell: string): Record<string, string> {
  const text = cell.replace(/\([^)]*\)/g, '').replace(/=.*$/, '').trim();
  if (text === '{}') return {};
  const result: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [name = '', quantity = ''] = part.trim().split(/\s+/);
    const resource = name === 'mem' ? 'memory' : name.replace(/^hp-/, 'hugepages-');
    result[resource] = quantity;
  }
  return result;
}

/** Semantic.DeepEqual on ResourceLists: the same keys, numerically equal values. */
function expectSameResources(actual: ReadonlyMap<string, Quantity>, expected: Record<string, string>, label: string): void {
  expect([...actual.keys()].sort(), `${label}: resource names`).toEqual(Object.keys(expected).sort());
  for (const [name, text] of Object.entries(expected)) {
    expect(actual.get(name)!.cmp(parseQuantity(text)), `${label}: ${name} is ${actual.get(name)} not ${text}`).toBe(0);
  }
}

const SECTIONS = [
  'TestPodRequestsAndLimits',
  'TestPodRequestsAndLimitsWithoutOverhead',
  'TestPodResourceRequests',
  'TestPodResourceLimits',
  'TestAggregateContainerRequestsAndLimits',
  'TestPodLevelResourceRequests',
];

const rows = readMarkdownTables('pod-requests-cases.md').flatMap((table) => {
  const section = SECTIONS.find((name) => table.heading.split(' ')[0] === name);
  if (!section) return [];
  const requests = table.columns.findIndex((column) => /requests$/i.test(column));
  const limits = table.columns.findIndex((column) => /limits$/i.test(column));
  return table.rows.map((cells) => ({
    section,
    id: `${section}/${cells[0]}`,
    requests: requests === -1 ? undefined : expectedResources(cells[requests]!),
    limits: limits === -1 ? undefined : expectedResources(cells[limits]!),
  }));
});

function optionsOf(manifest: CaseManifest): EffectiveResourcesOptions {
  // Kubernetes' tests call the helpers on the objects as written: no API defaulting.
  return { defaults: false, excludeOverhead: manifest.options.includes('excludeOverhead'), skipPodLevelResources: manifest.options.includes('skipPodLevelResources') };
}

describe('effective pod requests and limits against pod-requests-cases.md (component-helpers)', () => {
  it('covers every spec-based table', () => {
    expect(new Set(rows.map((row) => row.section))).toEqual(new Set(SECTIONS));
    expect(rows.length).toBeGreaterThanOrEqual(54);
  });

  it.each(rows.map((row) => [row.id, row] as const))('%s', (_, row) => {
    for (const manifest of manifestsFor(manifests, row.id)) {
      const options = optionsOf(manifest);
      if (row.section === 'TestAggregateContainerRequestsAndLimits') {
        const resources = podResources(manifest.pod, options);
        expectSameResources(aggregateContainerResources(resources, 'requests'), row.requests!, `${manifest.id} requests`);
        expectSameResources(aggregateContainerResources(resources, 'limits'), row.limits!, `${manifest.id} limits`);
        continue;
      }
      if (row.requests) expectSameResources(effectivePodRequests(manifest.pod, options), row.requests, `${manifest.id} requests`);
      if (row.limits) expectSameResources(effectivePodLimits(manifest.pod, options), row.limits, `${manifest.id} limits`);
    }
  });
});

function objectOf(text: string) {
  return podView(loadText('x.yaml', text).documents[0]!.objects[0]!)!;
}

describe('workloadResources', () => {
  const template = (kind: string, extra: string) => `apiVersion: ${kind === 'DaemonSet' || kind === 'Deployment' ? 'apps/v1' : 'batch/v1'}
kind: ${kind}
metadata: { name: w, namespace: shop }
spec:
${extra}
  template:
    spec:
      initContainers:
        - { name: migrate, image: m:1, resources: { requests: { cpu: "1", memory: 64Mi } } }
        - { name: mesh, image: e:1, restartPolicy: Always, resources: { requests: { cpu: 100m, memory: 128Mi }, limits: { memory: 128Mi } } }
      containers:
        - { name: app, image: a:1, resources: { requests: { cpu: 250m, memory: 256Mi }, limits: { cpu: "1", memory: 256Mi } } }
`;

  it('multiplies the effective pod requests by the replicas', () => {
    const resources = workloadResources(objectOf(template('Deployment', '  replicas: 3')));
    expect(resources.replicas).toBe(3);
    expect(resources.qosClass).toBe('Burstable');
    // Running: app + mesh = 350m / 384Mi; migrate alone: 1 cpu + mesh? No: mesh starts after migrate, so 1 / 64Mi.
    expect(Object.fromEntries([...resources.podRequests].map(([name, q]) => [name, q.toString()]))).toEqual({ cpu: '1', memory: '384Mi' });
    expect(Object.fromEntries([...resources.totalRequests].map(([name, q]) => [name, q.toString()]))).toEqual({ cpu: '3', memory: '1152Mi' });
    // Limits: the sidecar sets no cpu limit, so only the app's cpu limit adds up; memory 256Mi + 128Mi.
    expect(Object.fromEntries([...resources.podLimits].map(([name, q]) => [name, q.toString()]))).toEqual({ memory: '384Mi', cpu: '1' });
    expect(Object.fromEntries([...resources.totalLimits].map(([name, q]) => [name, q.toString()]))).toEqual({ memory: '1152Mi', cpu: '3' });
  });

  it('reports a DaemonSet per node, not multiplied, and a Job by its parallelism', () => {
    const daemonSet = workloadResources(objectOf(template('DaemonSet', '  selector: {}')));
    expect(daemonSet.replicas).toBe('per-node');
    expect(daemonSet.totalRequests).toEqual(daemonSet.podRequests);
    const job = workloadResources(objectOf(template('Job', '  parallelism: 4')));
    expect(job.replicas).toBe(4);
    expect(job.totalRequests.get('cpu')!.toString()).toBe('4');
  });

  it('gives a PodTemplate no totals: it runs nothing itself', () => {
    const resources = workloadResources(objectOf('apiVersion: v1\nkind: PodTemplate\ntemplate: { spec: { containers: [{ name: a, image: a:1, resources: { requests: { cpu: 1 } } }] } }\n'));
    expect(resources.replicas).toBe('none');
    expect(resources.totalRequests.size).toBe(0);
    expect(resources.podRequests.get('cpu')!.toString()).toBe('1');
  });

  it('uses the values as the API server stores them, defaulted and rounded to milli', () => {
    const resources = workloadResources(objectOf('apiVersion: v1\nkind: Pod\nspec: { containers: [{ name: a, image: a:1, resources: { limits: { cpu: 0.0001, memory: 1e3 } } }] }\n'));
    expect(resources.podRequests.get('cpu')!.toString()).toBe('1m');
    expect(resources.podRequests.get('memory')!.toString()).toBe('1k');
    // Requests defaulted from the limits: Guaranteed.
    expect(resources.qosClass).toBe('Guaranteed');
  });

  it('leaves invalid quantities out instead of failing', () => {
    const resources = workloadResources(objectOf('apiVersion: v1\nkind: Pod\nspec: { containers: [{ name: a, image: a:1, resources: { requests: { cpu: 1 Gi, memory: 1Gi } } }] }\n'));
    expect([...resources.podRequests.keys()]).toEqual(['memory']);
  });
});
