import { describe, expect, it } from 'vitest';
import { runRules } from '../helpers/rule-run.js';

describe('duplicate-container-name', () => {
  it('reports the container Kubernetes reports, naming the other one and its line', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - { name: web, image: "busybox:1.37" }
      containers:
        - { name: web, image: "nginx:1.27" }
`;
    expect(runRules(text, ['duplicate-container-name'])).toEqual([
      {
        rule: 'duplicate-container-name',
        severity: 'error',
        at: '10:19-10:22',
        message:
          'Init container name "web" is already used by the container at line 12. Kubernetes rejects it: spec.template.spec.initContainers[0].name: Duplicate value: "web".',
      },
    ]);
  });
});

describe('duplicate-container-port', () => {
  const ports = (containers: string, spec = '') => `apiVersion: v1
kind: Pod
metadata: { name: ports }
spec:${spec}
  containers:
${containers}`;

  it.each([
    [
      'a port name twice in one container: an error',
      '    - name: app\n      image: a:1\n      ports:\n        - { name: http, containerPort: 80 }\n        - { name: http, containerPort: 81 }\n',
      'error',
      '10:19-10:23',
      'Port name "http" is already used by the port at line 9 of container "app". Kubernetes rejects it: spec.containers[0].ports[1].name: Duplicate value: "http".',
    ],
    [
      'one host port in two containers: an error in Kubernetes\' format',
      '    - name: a\n      image: a:1\n      ports: [{ containerPort: 80, hostPort: 8080 }]\n    - name: b\n      image: b:1\n      ports: [{ containerPort: 81, hostPort: 8080 }]\n',
      'error',
      '11:46-11:50',
      'Host port 8080/TCP is already bound by the port at line 8 of container "a". Kubernetes rejects it: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080".',
    ],
    [
      'the same port in one container: the API server warns and server-side apply rejects it',
      '    - name: app\n      image: a:1\n      ports:\n        - { containerPort: 80 }\n        - { containerPort: 80, protocol: TCP }\n',
      'error',
      '10:28-10:30',
      'Port 80/TCP is declared twice in container "app", first at line 9. The API server warns: spec.containers[0].ports[1]: duplicate port definition with spec.containers[0].ports[0]; and server-side apply rejects it: duplicate entries for key [containerPort=80,protocol="TCP"].',
    ],
    [
      'one container port behind two host ports: only server-side apply rejects it, a warning',
      '    - name: app\n      image: a:1\n      ports:\n        - { containerPort: 93, hostPort: 9376 }\n        - { containerPort: 93, hostPort: 9377 }\n',
      'warning',
      '10:28-10:30',
      'Port 93/TCP is declared twice in container "app", first at line 9, with different host ports. Kubernetes accepts it, but server-side apply (kubectl apply --server-side, Flux) rejects it: duplicate entries for key [containerPort=93,protocol="TCP"].',
    ],
    [
      'the same port in two containers: a warning, as the API server gives',
      '    - name: a\n      image: a:1\n      ports: [{ containerPort: 80 }]\n    - name: b\n      image: b:1\n      ports: [{ containerPort: 80, hostPort: 8080 }]\n',
      'warning',
      '11:32-11:34',
      'Port 80/TCP is also declared at line 8 by container "a"; the containers of a Pod share one network namespace, so only one of them can listen on it. The API server warns: spec.containers[1].ports[0]: overlapping port definition with spec.containers[0].ports[0].',
    ],
    [
      'one host port with and without a hostIP: dangerously ambiguous',
      '    - name: a\n      image: a:1\n      ports: [{ containerPort: 80, hostPort: 8080 }]\n    - name: b\n      image: b:1\n      ports: [{ containerPort: 80, hostPort: 8080, hostIP: 10.0.0.1 }]\n',
      'warning',
      '11:32-11:34',
      'Port 80/TCP is also declared at line 8 by container "a"; the containers of a Pod share one network namespace, so only one of them can listen on it. The API server warns: spec.containers[1].ports[0]: dangerously ambiguous port definition with spec.containers[0].ports[0].',
    ],
  ])('%s', (_, containers, severity, at, message) => {
    expect(runRules(ports(containers), ['duplicate-container-port'])).toEqual([{ rule: 'duplicate-container-port', severity, at, message }]);
  });

  it('with hostNetwork, compares the host ports the API server defaults from containerPort', () => {
    const findings = runRules(
      ports('    - name: a\n      image: a:1\n      ports: [{ containerPort: 9100 }]\n    - name: b\n      image: b:1\n      ports: [{ containerPort: 9100 }]\n', '\n  hostNetwork: true'),
      ['duplicate-container-port'],
    );
    expect(findings.map(({ severity, at, message }) => [severity, at, message])).toEqual([
      [
        'error',
        '12:32-12:36',
        'Host port 9100/TCP is already bound by the port at line 9 of container "a" (with hostNetwork, hostPort defaults to containerPort). Kubernetes rejects it: spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//9100".',
      ],
    ]);
  });

  it('compares a sidecar\'s ports with the regular containers\' (one network namespace)', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: mesh }
spec:
  initContainers:
    - { name: mesh, image: "envoy:1.31", restartPolicy: Always, ports: [{ containerPort: 15001 }] }
  containers:
    - { name: app, image: "app:1", ports: [{ containerPort: 15001 }] }
`;
    expect(runRules(text, ['duplicate-container-port']).map(({ severity, message }) => [severity, message.split(';')[0]])).toEqual([
      ['warning', 'Port 15001/TCP is also declared at line 6 by sidecar container "mesh"'],
    ]);
  });
});

describe('duplicate-env-var', () => {
  it('warns in the API server\'s words, on the later name', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: env }
spec:
  containers:
    - name: app
      image: a:1
      env:
        - { name: MODE, value: a }
        - { name: MODE, value: b }
`;
    expect(runRules(text, ['duplicate-env-var'])).toEqual([
      {
        rule: 'duplicate-env-var',
        severity: 'warning',
        at: '10:19-10:23',
        message:
          'Environment variable "MODE" of container "app" is already defined at line 9; the later definition wins. The API server warns: spec.containers[0].env[1]: hides previous definition of "MODE", which may be dropped when using apply.',
      },
    ]);
  });
});

describe('duplicate-mount-path', () => {
  it('is an error for the same path, a warning for two spellings of one directory', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: mounts }
spec:
  containers:
    - name: app
      image: a:1
      volumeMounts:
        - { name: a, mountPath: /data }
        - { name: b, mountPath: /data }
        - { name: c, mountPath: /data/ }
  volumes: [{ name: a, emptyDir: {} }, { name: b, emptyDir: {} }, { name: c, emptyDir: {} }]
`;
    expect(runRules(text, ['duplicate-mount-path'])).toEqual([
      {
        rule: 'duplicate-mount-path',
        severity: 'error',
        at: '10:33-10:38',
        message:
          'Mount path "/data" of container "app" is already used by the mount at line 9. Kubernetes rejects it: spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique.',
      },
      {
        rule: 'duplicate-mount-path',
        severity: 'warning',
        at: '11:33-11:39',
        message:
          'Mount path "/data/" of container "app" names the same directory as "/data" at line 9. Kubernetes compares the paths as written and accepts both, but only one volume can be mounted there; the other is hidden.',
      },
    ]);
  });
});

describe('undeclared-volume-mount', () => {
  it('lists the volumes the Pod has, and counts a StatefulSet\'s claim templates', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      containers:
        - name: db
          image: postgres:17.2
          volumeMounts:
            - { name: data, mountPath: /data }
            - { name: conf, mountPath: /etc/db }
      volumes: [{ name: config, configMap: { name: db } }]
  volumeClaimTemplates:
    - metadata: { name: data }
`;
    expect(runRules(text, ['undeclared-volume-mount'])).toEqual([
      {
        rule: 'undeclared-volume-mount',
        severity: 'error',
        at: '15:23-15:27',
        message:
          'Container "db" mounts the volume "conf", but the Pod declares only "config", "data". Kubernetes accepts the StatefulSet but rejects each Pod it creates: spec.containers[0].volumeMounts[1].name: Not found: "conf".',
      },
    ]);
  });
});

describe('selector-label-mismatch', () => {
  it('points at the requirement that fails and quotes the API server', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector:
    matchLabels: { app: web }
    matchExpressions: [{ key: tier, operator: In, values: [front, back] }]
  template:
    metadata:
      labels: { tier: edge, app: web }
    spec:
      containers: [{ name: web, image: "nginx:1.27" }]
`;
    expect(runRules(text, ['selector-label-mismatch'])).toEqual([
      {
        rule: 'selector-label-mismatch',
        severity: 'error',
        at: '7:31-7:35',
        message:
          'The selector requires tier in (front, back), but the template\'s labels have tier=edge. Kubernetes rejects it: spec.template.metadata.labels: Invalid value: {"app":"web","tier":"edge"}: `selector` does not match template `labels`.',
      },
    ]);
  });

  it('prints null for a template without labels', () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: { name: a }\nspec:\n  selector: { matchLabels: { app: a } }\n  template:\n    spec:\n      containers: [{ name: a, image: "a:1" }]\n';
    expect(runRules(text, ['selector-label-mismatch']).map(({ message }) => message)).toEqual([
      'The selector requires app=a, but the template\'s labels have no app. Kubernetes rejects it: spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`.',
    ]);
  });
});
