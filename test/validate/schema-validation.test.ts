import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { configureRules, type RuleSetting } from '../../src/engine/rule-settings.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/lint.js';
import { at } from '../helpers/lint.js';

const SCHEMA_RULES = ['schema-validation', 'duplicate-list-entry', 'removed-api-version', 'unknown-kind'];

function lint(text: string, kubernetesVersion = '1.36'): Finding[] {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of builtinRules) rules[rule.id] = SCHEMA_RULES.includes(rule.id) ? (rule.id === 'unknown-kind' ? 'info' : rule.meta.defaultSeverity) : 'off';
  return [...lintText('test.yaml', text, { rules: configureRules(builtinRules, rules), kubernetesVersion }).findings];
}

const view = (findings: Finding[]) => findings.map((finding) => `${at(finding)} ${finding.severity} ${finding.message}`);

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${spec}`;

describe('schema-validation', () => {
  it('reports an unknown field at its key, with the field it most likely meant, and a rename fix', () => {
    const findings = lint(pod('  containers:\n    - name: app\n      image: nginx\n      imagePullPolicyy: Always\n'));
    expect(view(findings)).toEqual([
      '9:7-9:23 error unknown field "imagePullPolicyy" in spec.containers[0]; did you mean "imagePullPolicy"?',
    ]);
    expect(findings[0]!.fixes).toEqual([
      {
        title: 'Rename "imagePullPolicyy" to "imagePullPolicy"',
        edits: [{ range: findings[0]!.range, newText: 'imagePullPolicy' }],
      },
    ]);
  });

  it('names the allowed fields when an object has few and none is close', () => {
    const findings = lint(pod('  containers: [{ name: app, image: nginx }]\n  securityContext:\n    seccompProfile: { type: RuntimeDefault, file: x }\n'));
    expect(view(findings)).toEqual([
      '8:45-8:49 error unknown field "file" in spec.securityContext.seccompProfile; allowed fields: "localhostProfile", "type"',
    ]);
  });

  it('reports an unknown top-level field against the kind', () => {
    expect(view(lint('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndatas: { a: b }\n'))).toEqual([
      '4:1-4:6 error unknown field "datas" in ConfigMap; did you mean "data"?',
    ]);
  });

  it('reports a wrong type at the value, with the expected type', () => {
    expect(view(lint('apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  replicas: three\n  selector: {}\n  template: {}\n'))).toEqual([
      '5:13-5:18 error spec.replicas must be an integer, not a string ("three")',
    ]);
  });

  it('reports YAML 1.1 booleans and numbers where a string is required, with a hint and a fix to quote', () => {
    const findings = lint(pod('  containers:\n    - name: app\n      image: nginx\n      env:\n        - { name: A, value: yes }\n        - { name: B, value: on }\n        - { name: C, value: 0755 }\n        - { name: D, value: 8080 }\n        - { name: E, value: "yes" }\n'));
    expect(view(findings)).toEqual([
      '10:29-10:32 error spec.containers[0].env[0].value must be a string, not a boolean (true); YAML 1.1 reads the unquoted yes as true, quote it: "yes"',
      '11:29-11:31 error spec.containers[0].env[1].value must be a string, not a boolean (true); YAML 1.1 reads the unquoted on as true, quote it: "on"',
      '12:29-12:33 error spec.containers[0].env[2].value must be a string, not an integer (493); YAML 1.1 reads the unquoted 0755 as 493, quote it: "0755"',
      '13:29-13:33 error spec.containers[0].env[3].value must be a string, not an integer (8080); quote it: "8080"',
    ]);
    expect(findings[0]!.fixes?.[0]?.edits[0]?.newText).toBe('"yes"');
  });

  it('reports a YAML boolean as a container name (name: on)', () => {
    expect(view(lint(pod('  containers:\n    - name: on\n      image: nginx\n')))).toEqual([
      '7:13-7:15 error spec.containers[0].name must be a string, not a boolean (true); YAML 1.1 reads the unquoted on as true, quote it: "on"',
    ]);
  });

  it('reports a bad enum value in Kubernetes wording, with the supported values', () => {
    expect(view(lint(pod('  restartPolicy: Sometimes\n  containers:\n    - name: app\n      image: nginx\n      imagePullPolicy: Alway\n')))).toEqual([
      '6:18-6:27 error spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      '10:24-10:29 error spec.containers[0].imagePullPolicy: Unsupported value: "Alway": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });

  it('follows the chosen version: a container restartPolicy of OnFailure is 1.35+', () => {
    const text = pod('  containers:\n    - name: app\n      image: nginx\n      restartPolicy: OnFailure\n');
    expect(view(lint(text, '1.35'))).toEqual([]);
    expect(view(lint(text, '1.34'))).toEqual([
      '9:22-9:31 error spec.containers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('reports a missing required field at the object that lacks it', () => {
    expect(view(lint(pod('  containers:\n    - image: nginx\n      ports:\n        - name: http\n')))).toEqual([
      '7:7-7:12 error missing required field "name" in spec.containers[0]',
      '9:11-9:15 error missing required field "containerPort" in spec.containers[0].ports[0]',
    ]);
  });

  it('gives one finding per root cause: a wrong type is not also an unsupported value, a typo not also a missing field', () => {
    expect(view(lint(pod('  restartPolicy: 5\n  containers:\n    - nmae: app\n      image: nginx\n')))).toEqual([
      '6:18-6:19 error spec.restartPolicy must be a string, not an integer (5)',
      '8:7-8:11 error unknown field "nmae" in spec.containers[0]; did you mean "name"?',
    ]);
  });

  it('accepts nulls and empty values as Kubernetes decodes them, quantities as numbers, int-or-string both ways', () => {
    const text = pod(
      '  nodeSelector:\n  containers:\n    - name: app\n      image: nginx\n      args:\n      resources:\n        limits: { cpu: 0.5, memory: 1e9 }\n      readinessProbe:\n        httpGet: { port: 8080, path: / }\n      livenessProbe:\n        httpGet: { port: http }\n',
    );
    expect(view(lint(text))).toEqual([]);
    expect(view(lint(pod('  containers:\n    - name: app\n      image: nginx\n      livenessProbe:\n        httpGet: { port: 1.5 }\n')))).toEqual([
      '10:26-10:29 error spec.containers[0].livenessProbe.httpGet.port must be an integer or a string, not a number (1.5)',
    ]);
  });

  it('reports an int32 out of range', () => {
    expect(view(lint(pod('  containers:\n    - name: app\n      image: nginx\n      ports: [{ containerPort: 3000000000 }]\n')))).toEqual([
      '9:32-9:42 error spec.containers[0].ports[0].containerPort must be a 32-bit integer, between -2147483648 and 2147483647, not 3000000000',
    ]);
  });

  it('requires apiVersion of an object that has a kind, as the API server does', () => {
    expect(view(lint('kind: Pod\nmetadata: { name: p }\n'))).toEqual(['1:1-1:5 error missing required field "apiVersion" in Pod']);
    expect(view(lint('apiVersion: 1\nkind: Pod\n'))).toEqual(['1:13-1:14 error apiVersion must be a string, not an integer (1); quote it: "1"']);
  });

  it('validates the items of a List at their own positions', () => {
    // Paths are the item's own (as kubectl reports each item); positions are in the file.
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: { name: a }\n    data: { a: 1 }\n';
    expect(view(lint(text))).toEqual(['7:16-7:17 error data.a must be a string, not an integer (1); quote it: "1"']);
  });
});

describe('duplicate-key', () => {
  it('reports the second key of a nested mapping, the one kubectl keeps, and still validates the object', () => {
    const text = pod('  containers:\n    - name: app\n      image: nginx\n      image: nginx:1.27\n      imagePullPolicy: Sometimes\n');
    const rules: Record<string, RuleSetting> = {};
    for (const rule of builtinRules) rules[rule.id] = ['duplicate-key', 'schema-validation'].includes(rule.id) ? 'error' : 'off';
    const findings = [...lintText('test.yaml', text, { rules: configureRules(builtinRules, rules), kubernetesVersion: '1.36' }).findings];
    expect(view(findings)).toEqual([
      '9:7-9:12 error Duplicate key "image" (first on line 8); kubectl keeps the last value and silently drops the first.',
      '10:24-10:33 error spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });
});

describe('duplicate-list-entry', () => {
  it('reports the later entry, as an error where Kubernetes rejects it and a warning where it only warns', () => {
    const text = pod('  volumes:\n    - { name: data, emptyDir: {} }\n    - { name: data, emptyDir: {} }\n  hostAliases:\n    - { ip: 10.0.0.1, hostnames: [a] }\n    - { ip: 10.0.0.1, hostnames: [b] }\n  containers: [{ name: app, image: nginx }]\n');
    expect(view(lint(text))).toEqual([
      '8:15-8:19 error spec.volumes[1].name: Duplicate value: "data" (first on line 7).',
      '11:13-11:21 warning spec.hostAliases[1].ip: duplicate "10.0.0.1" (first on line 10); the API server accepts it with a warning.',
    ]);
  });

  it('treats a missing protocol as TCP, as Kubernetes defaults it (Service ports)', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec:\n  ports:\n    - port: 80\n    - port: 80\n      protocol: TCP\n';
    expect(view(lint(text))).toEqual(['7:7-7:11 error spec.ports[1]: Duplicate value: {port: 80, protocol: "TCP"} (first on line 6).']);
  });
});

describe('removed-api-version and unknown-kind', () => {
  it('names the release that removed an apiVersion and the replacement', () => {
    expect(view(lint('apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: { name: c }\n'))).toEqual([
      '1:13-1:26 error batch/v1beta1 CronJob was removed in Kubernetes 1.25; use batch/v1.',
    ]);
  });

  it('tells a kind that a newer bundled version serves from a removed one', () => {
    const findings = lint('apiVersion: scheduling.k8s.io/v1alpha2\nkind: Workload\nmetadata: { name: w }\n', '1.34');
    expect(view(findings)).toEqual(['1:13-1:39 error scheduling.k8s.io/v1alpha2 Workload is not served by Kubernetes 1.34 (it is from Kubernetes 1.36 on).']);
  });

  it('suggests the kind a misspelled built-in kind meant', () => {
    expect(view(lint('apiVersion: apps/v1\nkind: Deploymnet\nmetadata: { name: d }\n'))).toEqual([
      '2:7-2:17 error Kubernetes 1.36 serves no Deploymnet in apps/v1; did you mean Deployment?',
    ]);
  });

  it('reports a custom resource without a schema as unknown-kind, never as removed', () => {
    expect(view(lint('apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: { name: m }\n'))).toEqual([
      '2:7-2:21 info No schema for monitoring.coreos.com/v1 ServiceMonitor (a custom resource?): it is not validated; add its CRD or JSON Schema with --schema-dir.',
    ]);
  });
});
