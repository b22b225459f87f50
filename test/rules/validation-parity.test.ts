import { describe, expect, it } from 'vitest';
import { runRules } from '../helpers/rule-run.js';

// The rules that quote the API server's checks of values a schema cannot express. Each case
// names the exact range and the whole message, with Kubernetes' text in it.

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
${spec}`;

const statefulSet = (spec: string) => `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
${spec.replace(/^(?=.)/gm, '      ')}`;

const only = (text: string, rule: string, version?: string) => runRules(text, [rule], version).map(({ at, message }) => ({ at, message }));

const LABEL_REGEX =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('invalid-name', () => {
  it('quotes every broken constraint, as kubectl prints an aggregate, with the Pod path for a StatefulSet', () => {
    const name = 'A'.repeat(64);
    expect(only(statefulSet(`containers:\n  - name: ${name}\n    image: postgres:17\n`), 'invalid-name')).toEqual([
      {
        at: '11:17-11:81',
        message: `Container name "${name}" is not a DNS label (lower-case letters, digits and "-", at most 63 characters). Kubernetes accepts the StatefulSet but rejects each Pod it creates: [spec.containers[0].name: Invalid value: "${name}": must be no more than 63 characters, spec.containers[0].name: Invalid value: "${name}": ${LABEL_REGEX}].`,
      },
    ]);
  });

  it('says "must not contain dots" of a valid subdomain, and reports an empty name as Required', () => {
    expect(only(pod('  containers:\n    - { name: "", image: "a:1" }\n  volumes:\n    - { name: cache.v1, emptyDir: {} }\n'), 'invalid-name')).toEqual([
      { at: '6:15-6:17', message: 'The container at containers[0] has an empty name. Kubernetes rejects it: spec.containers[0].name: Required value.' },
      {
        at: '8:15-8:23',
        message: 'Volume name "cache.v1" is not a DNS label (lower-case letters, digits and "-", at most 63 characters). Kubernetes rejects it: spec.volumes[0].name: Invalid value: "cache.v1": must not contain dots.',
      },
    ]);
  });

  it('leaves a port without a name alone and reports each broken IANA rule of a named one', () => {
    const text = pod('  containers:\n    - name: app\n      image: a:1\n      ports:\n        - { containerPort: 80, name: "" }\n        - { containerPort: 81, name: -web- }\n');
    expect(only(text, 'invalid-name')).toEqual([
      {
        at: '10:38-10:43',
        message:
          'Port name "-web-" of container "app" is not an IANA service name (at most 15 lower-case letters, digits and "-", with a letter). Kubernetes rejects it: spec.containers[0].ports[1].name: Invalid value: "-web-": must not begin or end with a hyphen.',
      },
    ]);
  });
});

describe('invalid-port', () => {
  it('reports a quoted number in a probe to probe-port only, and checks only the first action', () => {
    const text = pod(`  containers:
    - name: app
      image: a:1
      livenessProbe:
        httpGet: { path: /, port: "8080" }
      readinessProbe:
        exec: { command: [true] }
        tcpSocket: { port: 0 }
`);
    expect(runRules(text, ['invalid-port', 'probe-port']).map(({ rule, at }) => `${rule} ${at}`)).toEqual(['probe-port 9:35-9:41']);
  });

  it('checks hostPort against containerPort with hostNetwork, in regular containers only', () => {
    const text = pod(`  hostNetwork: true
  initContainers:
    - name: setup
      image: a:1
      ports: [{ containerPort: 80, hostPort: 81 }]
  containers:
    - name: app
      image: a:1
      ports: [{ containerPort: 8080, hostPort: 80 }]
`);
    expect(only(text, 'invalid-port')).toEqual([
      {
        at: '13:48-13:50',
        message:
          "With hostNetwork the container listens on the node's port 8080 itself, so hostPort 80 of container \"app\" must be 8080 too (or left out). Kubernetes rejects it: spec.containers[0].ports[0].hostPort: Invalid value: 80: must match `containerPort` when `hostNetwork` is true.",
      },
    ]);
  });
});

describe('invalid-probe', () => {
  it('reports a missing action on the probe\'s key and a second one on its own key', () => {
    const text = pod(`  containers:
    - name: app
      image: a:1
      readinessProbe:
        periodSeconds: 5
      livenessProbe:
        tcpSocket: { port: 80 }
        grpc: { port: 81 }
`);
    expect(only(text, 'invalid-probe')).toEqual([
      {
        at: '8:7-8:21',
        message:
          'The readinessProbe of container "app" has no action (exec, httpGet, tcpSocket or grpc), so there is nothing to run. Kubernetes rejects it: spec.containers[0].readinessProbe: Required value: must specify a handler type.',
      },
      {
        at: '12:9-12:13',
        message:
          'The livenessProbe of container "app" has grpc besides tcpSocket; a probe runs exactly one action. Kubernetes rejects it: spec.containers[0].livenessProbe.grpc: Forbidden: may not specify more than 1 handler type.',
      },
    ]);
  });

  it('quotes both errors of a readiness probe\'s terminationGracePeriodSeconds of 0', () => {
    const text = pod('  containers:\n    - name: app\n      image: a:1\n      readinessProbe:\n        exec: { command: [true] }\n        terminationGracePeriodSeconds: 0\n');
    expect(only(text, 'invalid-probe')).toEqual([
      {
        at: '10:9-10:38',
        message:
          'The readinessProbe of container "app" sets terminationGracePeriodSeconds, which only liveness and startup probes have: a failing readiness probe never kills the container. Kubernetes rejects it: [spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must be greater than 0, spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 0: must not be set for readinessProbes].',
      },
    ]);
  });

  it('leaves a liveness probe\'s negative successThreshold to probe-success-threshold, and plain init containers to init-container-probes', () => {
    const text = pod(`  initContainers:
    - name: setup
      image: a:1
      livenessProbe: {}
  containers:
    - name: app
      image: a:1
      livenessProbe:
        exec: { command: [true] }
        successThreshold: -1
`);
    expect(runRules(text, ['invalid-probe', 'probe-success-threshold', 'init-container-probes']).map(({ rule, at }) => `${rule} ${at}`)).toEqual([
      'init-container-probes 8:7-8:20',
      'probe-success-threshold 14:27-14:29',
    ]);
  });

  it('judges a sleep against the Pod\'s grace period, 30 seconds when unset', () => {
    const hook = (seconds: number, grace = '') => pod(`${grace}  containers:\n    - name: app\n      image: a:1\n      lifecycle:\n        preStop:\n          sleep: { seconds: ${seconds} }\n`);
    expect(only(hook(30), 'invalid-probe')).toEqual([]);
    expect(only(hook(0), 'invalid-probe')).toEqual([]);
    expect(only(hook(31), 'invalid-probe')).toEqual([
      {
        at: '10:29-10:31',
        message:
          "The preStop hook of container \"app\" sleeps 31 seconds, longer than the Pod's terminationGracePeriodSeconds (30), after which the container is killed. Kubernetes rejects it: spec.containers[0].lifecycle.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30).",
      },
    ]);
    expect(only(hook(-1, '  terminationGracePeriodSeconds: 10\n'), 'invalid-probe').map(({ message }) => message)).toEqual([
      'The preStop hook of container "app" sleeps -1 seconds, a negative time. Kubernetes rejects it: spec.containers[0].lifecycle.preStop.sleep: Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (10).',
    ]);
  });
});

describe('invalid-env-var', () => {
  const envFiles = pod(`  containers:
    - name: app
      image: app:1
      env:
        - name: CONFIG
          valueFrom:
            fileKeyRef: { volumeName: config, path: app.env, key: CONFIG }
  volumes: [{ name: config, emptyDir: {} }]
`);

  it('rejects a variable whose only source is fileKeyRef in 1.34, where EnvFiles is off, and not from 1.35', () => {
    expect(only(envFiles, 'invalid-env-var', '1.34')).toEqual([
      {
        at: '11:13-11:23',
        message:
          'Environment variable "CONFIG" of container "app" reads fileKeyRef, which Kubernetes 1.34 drops (its EnvFiles feature gate is alpha and off; on by default from 1.35), leaving valueFrom with no source. Kubernetes rejects it: spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`.',
      },
    ]);
    expect(only(envFiles, 'invalid-env-var', '1.35')).toEqual([]);
  });

  it('checks names strictly before RelaxedEnvironmentVariableValidation (1.32) and relaxed after', () => {
    const text = pod('  containers:\n    - name: app\n      image: a:1\n      env:\n        - { name: 1ST, value: x }\n        - { name: "..", value: x }\n');
    expect(only(text, 'invalid-env-var', '1.36')).toEqual([]);
    expect(only(text, 'invalid-env-var', '1.31').map(({ at, message }) => `${at} ${message.slice(message.indexOf('rejects it: ') + 12)}`)).toEqual([
      "9:19-9:22 spec.containers[0].env[0].name: Invalid value: \"1ST\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*').",
      "10:19-10:23 spec.containers[0].env[1].name: Invalid value: \"..\": must not be '..'.",
    ]);
  });

  it('converts a field path as the API server does: spec.host is spec.nodeName, a bad subscript is a conversion error', () => {
    const text = pod(`  containers:
    - name: app
      image: a:1
      env:
        - { name: A, valueFrom: { fieldRef: { fieldPath: spec.host } } }
        - { name: B, valueFrom: { fieldRef: { fieldPath: "spec.nodeName['x']" } } }
        - { name: C, valueFrom: { fieldRef: { apiVersion: v2, fieldPath: metadata.name } } }
`);
    expect(only(text, 'invalid-env-var')).toEqual([
      {
        at: '10:58-10:78',
        message:
          'Environment variable "B" of container "app" reads the Pod field "spec.nodeName[\'x\']", which the downward API does not give environment variables. Kubernetes rejects it: spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "spec.nodeName[\'x\']": error converting fieldPath: field label does not support subscript: spec.nodeName[\'x\'].',
      },
      {
        at: '11:59-11:61',
        message:
          'Environment variable "C" of container "app" reads a Pod field of apiVersion "v2"; only v1 (the default) has any. Kubernetes rejects it: spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2.',
      },
    ]);
  });
});

describe('invalid-volume-source', () => {
  it('prints the field names Kubernetes misspells, and reports a volume without a source on its name', () => {
    const text = pod(`  containers: [{ name: app, image: "a:1" }]
  volumes:
    - name: shared
      persistentVolumeClaim: { claimName: shared }
      cephfs: { monitors: [10.0.0.1] }
      downwardAPI: { items: [] }
    - name: nothing
`);
    expect(only(text, 'invalid-volume-source')).toEqual([
      {
        at: '9:7-9:13',
        message:
          'Volume "shared" has cephfs besides persistentVolumeClaim; a volume has exactly one source. Kubernetes rejects it: spec.volumes[0].cephFS: Forbidden: may not specify more than 1 volume type.',
      },
      {
        at: '10:7-10:18',
        message:
          'Volume "shared" has downwardAPI besides persistentVolumeClaim; a volume has exactly one source. Kubernetes rejects it: spec.volumes[0].downwarAPI: Forbidden: may not specify more than 1 volume type.',
      },
      {
        at: '11:13-11:20',
        message:
          'Volume "nothing" has no source (emptyDir, configMap, secret, persistentVolumeClaim...), so Kubernetes cannot tell what to mount. Kubernetes rejects it: spec.volumes[1]: Required value: must specify a volume type.',
      },
    ]);
  });
});

describe('invalid-volume-mount', () => {
  it('names the subPath field without the mount\'s index, as Kubernetes prints it, and quotes both of its errors', () => {
    const text = pod('  containers:\n    - name: app\n      image: a:1\n      volumeMounts:\n        - { name: data, mountPath: /d, subPath: /../etc }\n  volumes: [{ name: data, emptyDir: {} }]\n');
    expect(only(text, 'invalid-volume-mount')).toEqual([
      {
        at: '9:49-9:56',
        message:
          'The subPath "/../etc" of container "app" is absolute; it must be relative to the root of the volume. Kubernetes rejects it: [spec.containers[0].volumeMounts.subPath: Invalid value: "/../etc": must be a relative path, spec.containers[0].volumeMounts.subPath: Invalid value: "/../etc": must not contain \'..\'].',
      },
    ]);
  });
});

describe('invalid-dns-config', () => {
  it('reports a fourth nameserver on it, with the list as the API server prints it', () => {
    const text = pod('  dnsConfig:\n    nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, 8.8.4.4]\n  containers: [{ name: app, image: "a:1" }]\n');
    expect(only(text, 'invalid-dns-config')).toEqual([
      {
        at: '6:46-6:53',
        message:
          'dnsConfig lists 4 nameservers; the resolver reads at most 3. Kubernetes rejects it: spec.dnsConfig.nameservers: Invalid value: ["1.1.1.1","8.8.8.8","9.9.9.9","8.8.4.4"]: must not have more than 3 nameservers.',
      },
    ]);
  });
});

describe('invalid-active-deadline-seconds', () => {
  it('rejects it at a StatefulSet itself, with the StatefulSet\'s path', () => {
    expect(only(statefulSet('activeDeadlineSeconds: 60\ncontainers: [{ name: db, image: "postgres:17" }]\n'), 'invalid-active-deadline-seconds')).toEqual([
      {
        at: '10:7-10:28',
        message:
          'A StatefulSet keeps its Pods running, so its template cannot set activeDeadlineSeconds, which would end them. Kubernetes rejects it: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported.',
      },
    ]);
  });
});

describe('ephemeral-containers', () => {
  it('says a StatefulSet is accepted and its Pods are rejected on create', () => {
    const text = statefulSet('containers: [{ name: db, image: "postgres:17" }]\nephemeralContainers: [{ name: debug, image: "busybox:1.37" }]\n');
    expect(only(text, 'ephemeral-containers')).toEqual([
      {
        at: '11:7-11:26',
        message:
          'A Pod cannot be created with ephemeralContainers; they are added to a running Pod with kubectl debug. Kubernetes accepts the StatefulSet but rejects each Pod it creates: spec.ephemeralContainers: Forbidden: cannot be set on create.',
      },
    ]);
  });
});
