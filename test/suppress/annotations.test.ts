import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintLoadedFile } from '../../src/engine/lint-file.js';
import { configureRules, type RuleSetting } from '../../src/engine/rule-settings.js';
import { loadText } from '../../src/load/load-text.js';
import { parseAnnotationValue } from '../../src/suppress/annotations.js';
import { at } from '../helpers/lint.js';

const UNDER_TEST = ['latest-image-tag', 'privileged-container', 'duplicate-key', 'yaml-syntax', 'invalid-suppression', 'unused-suppression'];
const onlyTheseRules: Record<string, RuleSetting> = Object.fromEntries(
  builtinRules.filter((rule) => !UNDER_TEST.includes(rule.id)).map((rule) => [rule.id, 'off' as const]),
);

/** Lints with the rules these tests are about, plus the given settings; suppressed findings included. */
function lintAll(text: string, rules: Record<string, RuleSetting> = {}): Finding[] {
  return lintLoadedFile(loadText('workload.yaml', text), { rules: configureRules(builtinRules, { ...onlyTheseRules, ...rules }), kubernetesVersion: '1.36' });
}

function summary(findings: readonly Finding[]): string[] {
  return findings.map((finding) => {
    const where = `${finding.ruleId}@${finding.range.start.line + 1}`;
    if (!finding.suppressions?.length) return where;
    return `${where}(${finding.suppressions.map((suppression) => `${suppression.kind}${suppression.reason ? `: ${suppression.reason}` : ''}`).join('; ')})`;
  });
}

const deployment = (metadataAnnotations: string, templateAnnotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
${metadataAnnotations}
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations:
${templateAnnotations}
    spec:
      containers:
        - name: app
          image: nginx:latest
          securityContext: { privileged: true }
        - name: proxy
          image: envoy
`;

describe('suppression annotations', () => {
  it('podlint.dev/ignore on the object covers its findings, with the reason after =', () => {
    const findings = lintAll(
      deployment('    podlint.dev/ignore: "latest-image-tag=images pinned by Flux, see OPS-12"', '        team: web'),
    );
    expect(summary(findings)).toEqual([
      'latest-image-tag@17(annotation: images pinned by Flux, see OPS-12)',
      'privileged-container@18',
      'latest-image-tag@20(annotation: images pinned by Flux, see OPS-12)',
    ]);
    // The suppression points at the annotation's value.
    expect(at({ ...findings[0]!, range: findings[0]!.suppressions![0]!.range! })).toBe('6:25-6:77');
  });

  it('podlint.dev/ignore on the pod template works the same, and lists several rules', () => {
    const findings = lintAll(deployment('    team: web', '        podlint.dev/ignore: "privileged-container=debug build, latest-image-tag"'));
    expect(summary(findings)).toEqual([
      'latest-image-tag@17(annotation)',
      'privileged-container@18(annotation: debug build)',
      'latest-image-tag@20(annotation)',
    ]);
  });

  it('podlint.dev/ignore-container.<name> covers that container only', () => {
    const findings = lintAll(deployment('    team: web', '        podlint.dev/ignore-container.proxy: latest-image-tag'));
    expect(summary(findings)).toEqual(['latest-image-tag@17', 'privileged-container@18', 'latest-image-tag@20(annotation)']);
  });

  it('* covers every rule of the object and nothing outside it', () => {
    const findings = lintAll(`${deployment('    podlint.dev/ignore: "*"', '        team: web')}---
apiVersion: v1
kind: Pod
metadata: { name: other }
spec:
  containers:
    - name: other
      image: redis
`);
    expect(summary(findings)).toEqual([
      'latest-image-tag@17(annotation)',
      'privileged-container@18(annotation)',
      'latest-image-tag@20(annotation)',
      'latest-image-tag@28',
    ]);
  });

  it('a Pod carries them on its own metadata', () => {
    const findings = lintAll(`apiVersion: v1
kind: Pod
metadata:
  name: debug
  annotations:
    podlint.dev/ignore-container.shell: privileged-container=node debugging
spec:
  containers:
    - name: shell
      image: busybox:1.37
      securityContext: { privileged: true }
`);
    expect(summary(findings)).toEqual(['privileged-container@11(annotation: node debugging)']);
  });

  it('reports annotations that suppress nothing, unknown rules, and containers that do not exist', () => {
    const findings = lintAll(
      deployment(
        '    podlint.dev/ignore: "latest-image-tag, privileged-containers"',
        '        podlint.dev/ignore-container.sidecar: latest-image-tag\n        podlint.dev/ignore-container.app: "privileged-container"\n        podlint.dev/ignore: ""',
      ),
      { 'unused-suppression': 'warning', 'privileged-container': 'off' },
    );
    expect(findings.filter((finding) => !finding.suppressions).map((finding) => [finding.ruleId, at(finding), finding.message])).toEqual([
      [
        'invalid-suppression',
        '6:25-6:66',
        'Unknown rule "privileged-containers" in the annotation podlint.dev/ignore (did you mean "privileged-container"?); it suppresses nothing.',
      ],
      [
        'invalid-suppression',
        '13:47-13:63',
        'The annotation podlint.dev/ignore-container.sidecar names container "sidecar", but the pod has no container of that name.',
      ],
      ['unused-suppression', '14:43-14:65', 'The annotation podlint.dev/ignore-container.app suppressed no "privileged-container" finding; remove "privileged-container" from it.'],
      ['invalid-suppression', '15:29-15:31', 'The annotation podlint.dev/ignore names no rule; list rule ids, or * for every rule.'],
    ]);
  });

  it('an annotation that YAML reads as something other than a string is reported', () => {
    const findings = lintAll(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlint.dev/ignore: yes
spec: { containers: [{ name: a, image: "nginx:1" }] }
`);
    expect(findings.map((finding) => [finding.ruleId, at(finding), finding.message])).toEqual([
      ['invalid-suppression', '6:25-6:28', 'The annotation podlint.dev/ignore must be a string of rule ids (quote it).'],
    ]);
  });

  it('splits values into entries only where a rule id follows a comma', () => {
    expect(parseAnnotationValue('latest-image-tag=pinned by Flux, see OPS-12, privileged-container, host-path-volume = node agent')).toEqual([
      { id: 'latest-image-tag', reason: 'pinned by Flux, see OPS-12' },
      { id: 'privileged-container', reason: undefined },
      { id: 'host-path-volume', reason: 'node agent' },
    ]);
    expect(parseAnnotationValue(' * ')).toEqual([{ id: '*', reason: undefined }]);
  });
});
