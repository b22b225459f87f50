import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { ConfigResolver } from '../../src/config/resolve-config.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/lint.js';
import { at } from '../helpers/lint.js';
import { repoWorkspace as workspace } from '../helpers/workspace.js';

const BUILTIN_IDS = new Set(builtinRules.map((rule) => rule.id));

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: { app: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      initContainers:
        - name: migrate
          image: migrate:1
      containers:
        - name: app
          image: app:1
          securityContext: { runAsNonRoot: true }
          resources: { limits: { memory: 1Gi } }
        - name: proxy
          image: envoy:1
          securityContext: { runAsNonRoot: false }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { a: b }
`;

const CONFIG = `rules:
  latest-image-tag: off
customRules:
  - id: require-team-label
    target: Object
    kinds: [Deployment]
    severity: error
    message: '{{kind}} "{{name}}" has no team label ({{error}}).'
    remediation: Add metadata.labels.team.
    schema:
      required: [metadata]
      properties:
        metadata:
          required: [labels]
          properties:
            labels: { required: [team] }
  - id: run-as-non-root
    target: Container
    containers: [container]
    message: '{{role}} "{{container}}" of {{kind}} {{name}} may run as root (at {{path}}).'
    remediation: Set securityContext.runAsNonRoot to true.
    schema:
      required: [securityContext]
      properties:
        securityContext:
          required: [runAsNonRoot]
          properties:
            runAsNonRoot: { const: true }
  - id: memory-limit
    target: Container
    containers: [container, init]
    message: '{{container}} sets no memory limit.'
    remediation: Set resources.limits.memory.
    schema:
      required: [resources]
  - id: no-host-network
    target: PodSpec
    message: '{{kind}} {{name}} uses the host network.'
    remediation: Remove hostNetwork.
    schema:
      properties:
        hostNetwork: { const: false }
      additionalProperties: true
  - id: no-extra-data
    target: Object
    kinds: [ConfigMap]
    message: 'ConfigMap {{name}} has a key it should not: {{error}}.'
    remediation: Remove it.
    schema:
      properties:
        data: { additionalProperties: false, properties: { x: {} } }
`;

async function lintWith(config: string, manifest: string): Promise<Finding[]> {
  const dir = workspace({ '.podlint.yaml': config, 'app.yaml': manifest });
  const resolved = await new ConfigResolver(dir).forFile(path.join(dir, 'app.yaml'));
  // Only what the custom rules report: built-in rules have their own tests.
  return lintText('app.yaml', readFileSync(path.join(dir, 'app.yaml'), 'utf8'), resolved.settings, dir).findings.filter((finding) => !BUILTIN_IDS.has(finding.ruleId));
}

describe('declarative custom rules', () => {
  it('apply a JSON Schema to objects, containers of the chosen roles, and pod specs, at the deepest failing path', async () => {
    const findings = await lintWith(CONFIG, MANIFEST.replace('      initContainers:', '      hostNetwork: true\n      initContainers:'));
    expect(findings.map((finding) => [finding.ruleId, finding.severity, at(finding), finding.message])).toEqual([
      // A missing label lands on the closest existing ancestor: the labels key.
      ['require-team-label', 'error', '5:3-5:9', `Deployment "web" has no team label (must have required property 'team').`],
      ['no-host-network', 'warning', '11:20-11:24', 'Deployment web uses the host network.'],
      // Init containers are checked by memory-limit (roles container, init), not by run-as-non-root.
      ['memory-limit', 'warning', '13:11-13:15', 'migrate sets no memory limit.'],
      ['memory-limit', 'warning', '20:11-20:15', 'proxy sets no memory limit.'],
      [
        'run-as-non-root',
        'warning',
        '22:44-22:49',
        'Container "proxy" of Deployment web may run as root (at spec.template.spec.containers[1].securityContext.runAsNonRoot).',
      ],
      // An extra key lands on the key itself.
      ['no-extra-data', 'warning', '27:9-27:10', 'ConfigMap settings has a key it should not: must NOT have additional properties.'],
    ]);
  });

  it('reports an id that is taken, a schema that is not a JSON Schema and a security rule without its severity, at their position', async () => {
    const config = `customRules:
  - id: latest-image-tag
    target: Object
    message: x
    remediation: y
    schema: {}
  - id: broken
    target: PodSpec
    message: x
    remediation: y
    schema: { type: 12 }
  - id: broken
    target: PodSpec
    message: x
    remediation: y
    schema: {}
  - id: sec
    target: PodSpec
    tags: [security]
    message: x
    remediation: y
    schema: {}
`;
    const error = await lintWith(config, MANIFEST).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => `${problem.range!.start.line + 1}:${problem.range!.start.column + 1} ${problem.message}`)).toEqual([
      '2:9 The rule id "latest-image-tag" is already taken by a built-in rule; custom rule ids must be unique.',
      // A mapping is pointed at by its key.
      expect.stringMatching(/^11:5 The schema of "broken" is not a valid JSON Schema: schema is invalid: data\/type must be/),
      '19:5 A rule tagged security needs securitySeverity (0.1 to 10).',
    ]);
  });

  it('validates the shape of a declarative rule against the configuration schema', async () => {
    const config = `customRules:
  - id: no-target
    message: x
    remediation: y
    schema: {}
  - id: bad-role
    target: Container
    containers: [sidecar, driver]
    message: x
    remediation: y
    schema: {}
`;
    const error = (await lintWith(config, MANIFEST).catch((caught: unknown) => caught)) as ConfigError;
    expect(error.problems.map((problem) => `${problem.range!.start.line + 1}:${problem.range!.start.column + 1} ${problem.message}`)).toEqual([
      '2:5 customRules[0] is missing the required key "target".',
      '8:27 customRules[1].containers[1] must be one of "container", "init", "sidecar", "ephemeral" (got "driver").',
    ]);
  });
});
