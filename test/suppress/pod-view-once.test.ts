import { describe, expect, it, vi } from 'vitest';
import type { K8sObject } from '../../src/load/types.js';
import { lintYaml } from '../helpers/lint.js';

// Counts the pod views built, by object, to see that the pod rules and the suppression stage's
// annotations share one.
const built = vi.hoisted(() => new Map<unknown, number>());
vi.mock('../../src/k8s/pod-view.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/k8s/pod-view.js')>();
  return {
    ...original,
    podView: (object: K8sObject, ...rest: [never?]) => {
      built.set(object, (built.get(object) ?? 0) + 1);
      return original.podView(object, ...rest);
    },
  };
});

const ANNOTATED = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, annotations: { podlint.dev/ignore: latest-image-tag } }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web }, annotations: { podlint.dev/ignore-container.app: run-as-root } }
    spec:
      containers:
        - name: app
          image: nginx
---
apiVersion: v1
kind: Pod
metadata: { name: one, annotations: { podlint.dev/ignore: "*" } }
spec:
  containers:
    - name: app
      image: nginx
`;

describe('the pod view', () => {
  it('is built once per object in a file with podlint.dev/ annotations', () => {
    built.clear();
    const findings = lintYaml(ANNOTATED);
    expect(findings.some((finding) => finding.ruleId === 'latest-image-tag' && finding.suppressions?.[0]?.kind === 'annotation')).toBe(true);
    expect(built.size).toBe(2);
    expect([...built.values()]).toEqual([1, 1]);
  });
});
