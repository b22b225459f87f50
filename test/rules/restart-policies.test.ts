import { describe, expect, it } from 'vitest';
import { runRules } from '../helpers/rule-run.js';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: restarts }
spec:
  restartPolicy: Never
  initContainers:
    - name: mesh
      image: envoy:1.31
      restartPolicy: Always
    - name: fetch
      image: busybox:1.37
      restartPolicy: OnFailure
  containers:
    - name: trainer
      image: trainer:2.0
      restartPolicy: Never
      restartPolicyRules:
        - { action: Restart, exitCodes: { operator: In, values: [42] } }
`;

describe('init-container-restart-policy follows the selected Kubernetes version', () => {
  it('1.34 (ContainerRestartRules off): Always only, on init containers only; rules are dropped', () => {
    expect(runRules(POD, ['init-container-restart-policy'], '1.34')).toEqual([
      {
        rule: 'init-container-restart-policy',
        severity: 'error',
        at: '12:22-12:31',
        message:
          'Init container "fetch" has restartPolicy "OnFailure"; Kubernetes 1.34 allows only Always on an init container (which makes it a sidecar). Kubernetes rejects it: spec.initContainers[1].restartPolicy: Unsupported value: "OnFailure": supported values: "Always".',
      },
      {
        rule: 'init-container-restart-policy',
        severity: 'error',
        at: '16:22-16:27',
        message:
          'Container "trainer" sets restartPolicy, which Kubernetes 1.34 allows on init containers only (per-container restart policies arrive with ContainerRestartRules, on by default from 1.35). Kubernetes rejects it: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers.',
      },
      {
        rule: 'init-container-restart-policy',
        severity: 'warning',
        at: '17:7-17:25',
        message:
          'Container "trainer" has restartPolicyRules, which Kubernetes 1.34 drops: its ContainerRestartRules feature gate is alpha and off by default, so the rules never apply.',
      },
    ]);
  });

  it.each(['1.35', '1.36'])('%s (ContainerRestartRules on): the same Pod is valid', (version) => {
    expect(runRules(POD, ['init-container-restart-policy'], version)).toEqual([]);
  });

  it('from 1.35 checks the values and the rules, with Kubernetes paths', () => {
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
          restartPolicy: Sometimes
          restartPolicyRules:
            - { action: RestartPod, exitCodes: { operator: Is, values: [1] } }
            - { action: Restart }
`;
    expect(runRules(text, ['init-container-restart-policy'], '1.35').map(({ at, message }) => [at, message])).toEqual([
      ['12:26-12:35', 'Container "web" has restartPolicy "Sometimes". Kubernetes rejects it: spec.template.spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never".'],
      ['14:25-14:35', 'The restart rule of container "web" has action "RestartPod". Kubernetes rejects it: spec.template.spec.containers[0].restartPolicyRules[0].action: Unsupported value: "RestartPod": supported values: "Restart".'],
      ['14:60-14:62', 'The restart rule of container "web" has exitCodes operator "Is". Kubernetes rejects it: spec.template.spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Is": supported values: "In", "NotIn".'],
      ['15:17-15:23', 'The restart rule of container "web" has no exitCodes, the only condition a rule can have. Kubernetes rejects it: spec.template.spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified.'],
    ]);
  });

  it('counts rules and exit codes against the limits', () => {
    const rules = Array.from({ length: 21 }, () => '        - { action: Restart, exitCodes: { operator: In, values: [1] } }').join('\n');
    const values = Array.from({ length: 256 }, (_, i) => i).join(', ');
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec:\n  containers:\n    - name: a\n      image: a:1\n      restartPolicy: Never\n      restartPolicyRules:\n${rules.replace(/^ {2}/gm, '')}\n    - name: b\n      image: b:1\n      restartPolicy: Never\n      restartPolicyRules:\n        - { action: Restart, exitCodes: { operator: In, values: [${values}] } }\n`;
    expect(runRules(text, ['init-container-restart-policy']).map(({ message }) => message)).toEqual([
      'Container "a" has 21 restartPolicyRules; Kubernetes allows at most 20.',
      'The restart rule of container "b" lists 256 exit codes; Kubernetes allows at most 255.',
    ]);
  });

  it('rejects rules on a sidecar and rules without a restartPolicy from 1.35, and any restart field on ephemeral containers', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: { name: x }
spec:
  initContainers:
    - name: mesh
      image: envoy:1.31
      restartPolicy: Always
      restartPolicyRules: [{ action: Restart, exitCodes: { operator: In, values: [1] } }]
  containers:
    - name: app
      image: app:1
      restartPolicyRules: [{ action: Restart, exitCodes: { operator: In, values: [1] } }]
  ephemeralContainers:
    - { name: debug, image: "busybox:1.37", restartPolicy: Never }
`;
    for (const version of ['1.34', '1.36']) {
      const messages = runRules(text, ['init-container-restart-policy'], version).map(({ message }) => message);
      expect(messages).toContain(
        'Ephemeral container "debug" sets restartPolicy, which ephemeral containers cannot have. Kubernetes rejects it: spec.ephemeralContainers[0].restartPolicy: Forbidden: cannot be set for an Ephemeral Container.',
      );
    }
    expect(runRules(text, ['init-container-restart-policy'], '1.36').map(({ at, message }) => [at, message.split(';')[0]])).toEqual([
      ['9:7-9:25', 'Sidecar container "mesh" has restartPolicyRules'],
      ['13:7-13:25', 'Container "app" has restartPolicyRules but no restartPolicy'],
      ['15:60-15:65', 'Ephemeral container "debug" sets restartPolicy, which ephemeral containers cannot have. Kubernetes rejects it: spec.ephemeralContainers[0].restartPolicy: Forbidden: cannot be set for an Ephemeral Container.'],
    ]);
  });

  it('prints the Pod path for a StatefulSet, whose template Kubernetes only validates in each Pod it creates', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      initContainers:
        - { name: init, image: "busybox:1.37", restartPolicy: Never }
      containers:
        - { name: db, image: "postgres:17.2" }
`;
    expect(runRules(text, ['init-container-restart-policy'], '1.34').map(({ message }) => message)).toEqual([
      'Init container "init" has restartPolicy "Never"; Kubernetes 1.34 allows only Always on an init container (which makes it a sidecar). Kubernetes accepts the StatefulSet but rejects each Pod it creates: spec.initContainers[0].restartPolicy: Unsupported value: "Never": supported values: "Always".',
    ]);
  });
});

describe('pod-restart-policy', () => {
  it("quotes a StatefulSet's own rejection at its template path", () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      restartPolicy: OnFailure
      containers:
        - { name: db, image: "postgres:17.2" }
`;
    expect(runRules(text, ['pod-restart-policy'], '1.36').map(({ message }) => message)).toEqual([
      'A StatefulSet keeps its Pods running, so its template\'s restartPolicy must be Always, not "OnFailure". Kubernetes rejects it: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always".',
    ]);
  });

  it('quotes the controllers\' errors and offers a safe fix', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      restartPolicy: "OnFailure"
      containers: [{ name: web, image: "nginx:1.27" }]
---
apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly }
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{ name: job, image: "busybox:1.37" }]
`;
    const findings = runRules(text, ['pod-restart-policy']);
    expect(findings.map(({ fix }) => fix)).toEqual(['Set restartPolicy to Always: 9:22-9:33 "\\"Always\\""', undefined]);
    expect(findings.map(({ at, message }) => [at, message])).toEqual([
      ['9:22-9:33', 'A Deployment keeps its Pods running, so its template\'s restartPolicy must be Always, not "OnFailure". Kubernetes rejects it: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always".'],
      ['20:9-20:13', 'A CronJob runs its Pods to completion, so the template needs restartPolicy OnFailure or Never (left out, it defaults to Always). Kubernetes rejects it: spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never".'],
    ]);
  });

  it('checks a bare Pod\'s restartPolicy against the three policies', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  restartPolicy: Sometimes\n  containers: [{ name: a, image: "a:1" }]\n';
    expect(runRules(text, ['pod-restart-policy']).map(({ at, message }) => [at, message])).toEqual([
      ['5:18-5:27', 'restartPolicy "Sometimes" is not one Kubernetes knows. Kubernetes rejects it: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never".'],
    ]);
  });
});
