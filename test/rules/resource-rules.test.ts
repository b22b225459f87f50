import { describe, expect, it } from 'vitest';
import { at, lintYaml, onlyRules } from '../helpers/lint.js';
import type { RuleSetting } from '../../src/engine/rule-settings.js';

/** Lints with one rule on (with options), every other rule off. */
function only(text: string, ruleId: string, setting: RuleSetting = 'warning') {
  return lintYaml(text, onlyRules([ruleId], setting)).map((finding) => ({ at: at(finding), message: finding.message }));
}

const pod = (containers: string, spec = '') => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
${spec}  containers:
${containers}`;

describe('invalid-quantity', () => {
  it('reports on the value, with the field path and Kubernetes\' text', () => {
    const text = pod('    - name: a\n      image: a:1\n      resources: { limits: { memory: 1 Gi } }\n');
    expect(only(text, 'invalid-quantity')).toEqual([
      {
        at: '8:38-8:42',
        message: `spec.containers[0].resources.limits[memory]: "1 Gi": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      },
    ]);
  });

  it('names each container that shares a list through a YAML alias by its own path', () => {
    const text = pod('    - name: a\n      image: a:1\n      resources: &shared { limits: { memory: 1 Gi } }\n    - name: b\n      image: b:1\n      resources: *shared\n');
    expect(only(text, 'invalid-quantity').map((finding) => finding.message.split(':')[0])).toEqual([
      'spec.containers[0].resources.limits[memory]',
      'spec.containers[1].resources.limits[memory]',
    ]);
  });

  it('names the path inside a workload template and a List item', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: d }
    spec:
      template:
        spec:
          containers: [{ name: a, image: a:1, resources: { requests: { cpu: 1KB } } }]
`;
    expect(only(text, 'invalid-quantity').map((finding) => finding.message)).toEqual([
      `spec.template.spec.containers[0].resources.requests[cpu]: "1KB": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ]);
  });
});

describe('requests-exceed-limits', () => {
  it('prints both values as the API server stores them', () => {
    const text = pod('    - name: a\n      image: a:1\n      resources:\n        requests: { cpu: 1.0000001 }\n        limits: { cpu: 1 }\n');
    expect(only(text, 'requests-exceed-limits')).toEqual([
      { at: '9:26-9:35', message: 'spec.containers[0].resources.requests: Invalid value: "1001m": must be less than or equal to cpu limit of 1' },
    ]);
  });
});

describe('fractional-byte-quantity', () => {
  it('uses the stored value in the warning', () => {
    const text = pod('    - name: a\n      image: a:1\n      resources: { requests: { memory: 0.1Ki } }\n');
    expect(only(text, 'fractional-byte-quantity').map((finding) => finding.message)).toEqual([
      'spec.containers[0].resources.requests[memory]: fractional byte value "102400m" is invalid, must be an integer',
    ]);
  });
});

describe('missing-resource-requests and missing-resource-limits options', () => {
  const text = pod(
    '    - name: app\n      image: a:1\n      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }\n',
    '  initContainers:\n    - name: migrate\n      image: m:1\n',
  );

  it('leaves plain init containers alone unless asked', () => {
    expect(only(text, 'missing-resource-requests')).toEqual([]);
    expect(only(text, 'missing-resource-requests', ['warning', { includeInitContainers: true }])).toEqual([
      { at: '6:7-6:11', message: 'Init container "migrate" has no cpu or memory request, so the scheduler reserves none for it.' },
    ]);
  });

  it('checks the resources it is told to', () => {
    expect(only(text, 'missing-resource-limits', ['warning', { resources: ['cpu', 'memory', 'ephemeral-storage'] }]).map((f) => f.message)).toEqual([
      'Container "app" has no cpu or ephemeral-storage limit, so it can use as much as the node has.',
    ]);
    expect(() => only(text, 'missing-resource-limits', ['warning', { resources: 'cpu' }])).toThrow(/must be array/);
  });
});

describe('qos-class', () => {
  const guaranteed = ['warning', { minimum: 'Guaranteed' }] as const;

  it('names the container that lowers the class and why', () => {
    const text = pod(
      '    - name: app\n      image: a:1\n      resources: { limits: { cpu: 1, memory: 1Gi } }\n',
      '  initContainers:\n    - name: mesh\n      image: m:1\n      restartPolicy: Always\n      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { cpu: 200m, memory: 64Mi } }\n',
    );
    expect(only(text, 'qos-class', guaranteed)).toEqual([
      {
        at: '9:7-9:16',
        message: 'The Pod QoS class is Burstable, below Guaranteed, because of sidecar container "mesh": cpu request 100m differs from its limit 200m.',
      },
    ]);
    // A limit alone is Guaranteed after defaulting: no finding for this one.
    expect(only(pod('    - name: app\n      image: a:1\n      resources: { limits: { cpu: 1, memory: 1Gi } }\n'), 'qos-class', guaranteed)).toEqual([]);
  });

  it('explains a missing limit, a half-set container, and pod-level resources', () => {
    expect(only(pod('    - name: app\n      image: a:1\n      resources: { requests: { cpu: 1, memory: 1Gi } }\n'), 'qos-class', guaranteed)[0]?.message).toBe(
      'The Pod QoS class is Burstable, below Guaranteed, because of container "app": cpu request 1 but no cpu limit.',
    );
    expect(only(pod('    - name: app\n      image: a:1\n      resources: { limits: { memory: 1Gi } }\n'), 'qos-class', guaranteed)[0]?.message).toBe(
      'The Pod QoS class is Burstable, below Guaranteed, because of container "app": memory requested and limited, but no cpu.',
    );
    expect(only(pod('    - name: app\n      image: a:1\n', '  resources: { requests: { cpu: 1 }, limits: { cpu: 2 } }\n'), 'qos-class', guaranteed)[0]?.message).toBe(
      'The Pod QoS class is Burstable, below Guaranteed, because of the pod-level resources, which decide it: cpu request 1 differs from its limit 2.',
    );
  });

  it('is off by default', () => {
    expect(lintYaml(pod('    - name: app\n      image: a:1\n')).filter((finding) => finding.ruleId === 'qos-class')).toEqual([]);
  });
});
