import { describe, expect, it } from 'vitest';
import { runRules } from '../helpers/rule-run.js';

const PROBE_RULES = ['missing-liveness-probe', 'missing-readiness-probe', 'missing-startup-probe'];

// One container of each role, none with a probe.
const roles = (kind: string, wrap: (spec: string) => string) => `apiVersion: ${kind === 'Pod' ? 'v1' : kind === 'Job' ? 'batch/v1' : 'apps/v1'}
kind: ${kind}
metadata: { name: roles }
${wrap(`initContainers:
  - { name: setup, image: "busybox:1.37" }
  - { name: mesh, image: "envoy:1.31", restartPolicy: Always }
  - { name: fetch, image: "busybox:1.37", restartPolicy: OnFailure }
containers:
  - { name: app, image: "nginx:1.27" }
ephemeralContainers:
  - { name: debugger, image: "busybox:1.37" }`)}
`;
const pod = roles('Pod', (spec) => `spec:\n${indent(spec, 2)}`);
const template = (kind: string) => roles(kind, (spec) => `spec:\n  template:\n    spec:\n${indent(spec, 6)}`);

function indent(text: string, by: number): string {
  return text.replace(/^/gm, ' '.repeat(by));
}

describe('probe rules and container roles', () => {
  it.each(PROBE_RULES)('%s: sidecars are long-running containers; plain init and ephemeral containers are not', (rule) => {
    const containers = runRules(pod, [rule]).map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]);
    expect(containers).toEqual(['mesh', 'app']);
  });

  it.each(PROBE_RULES)('%s: an init container with restartPolicy OnFailure is not a sidecar', (rule) => {
    expect(runRules(pod, [rule]).some((finding) => finding.message.includes('"fetch"'))).toBe(false);
  });

  it.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'])('%s: the same roles are probed in a workload template', (kind) => {
    for (const rule of PROBE_RULES) {
      expect(runRules(template(kind), [rule]).map((finding) => /"([^"]+)"/.exec(finding.message)?.[1]), `${kind} ${rule}`).toEqual(['mesh', 'app']);
    }
  });

  it('leaves Pods that run to completion alone: Jobs, and Pods with restartPolicy OnFailure or Never', () => {
    expect(runRules(template('Job'), PROBE_RULES)).toEqual([]);
    for (const policy of ['OnFailure', 'Never']) {
      expect(runRules(pod.replace('spec:\n', `spec:\n  restartPolicy: ${policy}\n`), PROBE_RULES), policy).toEqual([]);
    }
    expect(runRules(pod.replace('spec:\n', 'spec:\n  restartPolicy: Always\n'), ['missing-liveness-probe'])).toHaveLength(2);
  });

  it('reports a missing probe on the container\'s name line, and says what a sidecar loses without a startup probe', () => {
    expect(runRules(pod, PROBE_RULES)).toEqual([
      { rule: 'missing-liveness-probe', severity: 'warning', at: '7:9-7:13', message: 'Sidecar container "mesh" has no livenessProbe: if it hangs, the kubelet never restarts it.' },
      { rule: 'missing-readiness-probe', severity: 'warning', at: '7:9-7:13', message: 'Sidecar container "mesh" has no readinessProbe: it counts as ready as soon as it starts, so the Pod gets traffic and rollouts move on before it can serve.' },
      { rule: 'missing-startup-probe', severity: 'warning', at: '7:9-7:13', message: 'Sidecar container "mesh" has no startupProbe: the containers after it start as soon as it runs, not when it is ready to serve them.' },
      { rule: 'missing-liveness-probe', severity: 'warning', at: '10:9-10:13', message: 'Container "app" has no livenessProbe: if it hangs, the kubelet never restarts it.' },
      { rule: 'missing-readiness-probe', severity: 'warning', at: '10:9-10:13', message: 'Container "app" has no readinessProbe: it counts as ready as soon as it starts, so the Pod gets traffic and rollouts move on before it can serve.' },
      { rule: 'missing-startup-probe', severity: 'warning', at: '10:9-10:13', message: 'Container "app" has no startupProbe: its liveness probe starts counting while it is still starting up.' },
    ]);
  });

  it('honours ignoreContainers', async () => {
    const { configureRules } = await import('../../src/engine/rule-settings.js');
    const { builtinRules } = await import('../../rules/index.js');
    const { lintText } = await import('../../src/lint.js');
    const settings: Record<string, unknown> = Object.fromEntries(builtinRules.map((rule) => [rule.id, 'off']));
    settings['missing-liveness-probe'] = ['warning', { ignoreContainers: ['me*'] }];
    const result = lintText('x.yaml', pod, { rules: configureRules(builtinRules, settings as never), kubernetesVersion: '1.36' });
    expect(result.findings.map((finding) => finding.message)).toEqual(['Container "app" has no livenessProbe: if it hangs, the kubelet never restarts it.']);
  });
});

describe('init-container-probes', () => {
  it('forbids probes and hooks on plain init containers only, in Kubernetes\' words', () => {
    expect(runRules(pod.replace('{ name: setup, image: "busybox:1.37" }', '{ name: setup, image: "busybox:1.37", livenessProbe: { exec: { command: [true] } } }')
      .replace('restartPolicy: Always }', 'restartPolicy: Always, readinessProbe: { exec: { command: [true] } } }'), ['init-container-probes'])).toEqual([
      {
        rule: 'init-container-probes',
        severity: 'error',
        at: '6:45-6:58',
        message:
          'Init container "setup" has a livenessProbe, but it runs to completion; only sidecars (restartPolicy: Always) may have one. Kubernetes rejects it: spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always.',
      },
    ]);
  });
});

describe('probe-success-threshold and probe-port', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{ name: http, containerPort: 8080 }, { name: admin, containerPort: 9000 }]
          livenessProbe: { httpGet: { path: /, port: htp }, successThreshold: 2 }
          readinessProbe: { tcpSocket: { port: "8080" } }
`;

  it('quotes the API server for successThreshold and offers the fix', () => {
    expect(runRules(text, ['probe-success-threshold'])).toEqual([
      {
        rule: 'probe-success-threshold',
        severity: 'error',
        at: '13:79-13:80',
        message:
          'The livenessProbe of container "web" has successThreshold 2; one success is what makes a container live or started. Kubernetes rejects it: spec.template.spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1.',
        fix: 'Set successThreshold to 1: 13:79-13:80 "1"',
      },
    ]);
  });

  it('names the ports the container does declare, and explains a quoted port number', () => {
    expect(runRules(text, ['probe-port'])).toEqual([
      {
        rule: 'probe-port',
        severity: 'error',
        at: '13:54-13:57',
        message:
          'The livenessProbe of container "web" uses the port name "htp", which no port of the container declares (it names "http", "admin"): the kubelet cannot resolve it, so the check never succeeds.',
      },
      {
        rule: 'probe-port',
        severity: 'error',
        at: '14:48-14:54',
        message:
          'The readinessProbe of container "web" has port "8080" in quotes, so Kubernetes reads it as a port name. Kubernetes rejects it: spec.template.spec.containers[0].readinessProbe.tcpSocket.port: Invalid value: "8080": must contain at least one letter (a-z).',
        fix: 'Use the port number 8080: 14:48-14:54 "8080"',
      },
    ]);
  });
});
