import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { defineRule, formatMessage } from '../../src/engine/define-rule.js';
import { lintLoadedFile } from '../../src/engine/lint-file.js';
import { configureRules, RuleSettingsError } from '../../src/engine/rule-settings.js';
import { loadText } from '../../src/load/load-text.js';
import { at, lintYaml } from '../helpers/lint.js';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: registry.local/dev/app:latest
    - name: cache
      image: redis:latest
  restartPolicy: Never # a one-off Pod: no probe findings
`;

describe('rule settings', () => {
  it('runs each rule at its default severity unless configured, and drops rules set to off', () => {
    const ids = (settings = {}) => configureRules(builtinRules, settings).map((c) => `${c.rule.id}:${c.severity}`);
    expect(ids()).toContain('latest-image-tag:warning');
    expect(ids({ 'latest-image-tag': 'error' })).toContain('latest-image-tag:error');
    expect(ids({ 'latest-image-tag': 'off' }).some((id) => id.startsWith('latest-image-tag'))).toBe(false);
  });

  it('applies options over the defaults after validating them against the rule schema', () => {
    const findings = lintYaml(POD, { 'latest-image-tag': ['warning', { allowedImages: ['registry.local/dev/*'] }] }).filter((f) => f.ruleId === 'latest-image-tag');
    expect(findings.map((f) => f.message)).toEqual(['Container "cache" uses the mutable tag latest of "redis:latest".']);
    expect(() => configureRules(builtinRules, { 'latest-image-tag': ['warning', { allowedImages: 'x' }] })).toThrow(
      'Rule "latest-image-tag": invalid options: /allowedImages must be array.',
    );
    expect(() => configureRules(builtinRules, { 'latest-image-tag': ['warning', { bogus: 1 }] })).toThrow(/must NOT have additional properties/);
  });

  it('rejects unknown rules and severities', () => {
    expect(() => configureRules(builtinRules, { 'no-such-rule': 'error' })).toThrow(RuleSettingsError);
    expect(() => configureRules(builtinRules, { 'latest-image-tag': 'loud' as 'error' })).toThrow(/severity must be one of/);
    // Names every object has are not severities.
    for (const inherited of ['toString', 'constructor', '__proto__']) {
      expect(() => configureRules(builtinRules, { 'latest-image-tag': inherited as 'error' }), inherited).toThrow(/severity must be one of/);
    }
  });
});

describe('running rules', () => {
  const probe = defineRule({
    id: 'probe-rule',
    meta: {
      type: 'suggestion',
      defaultSeverity: 'info',
      docs: { description: 'Test.', remediation: 'Test.' },
      messages: { missing: '{{role}} "{{name}}" has no {{field}}.', image: 'Image {{image}}.' },
      defaultOptions: {},
    },
    check({ pod, report, lineOf }) {
      for (const container of pod.containers) {
        report({ path: [...container.path, 'readinessProbe'], messageId: 'missing', data: { role: container.role, name: container.name, field: 'readinessProbe' } });
        report({ path: [...container.path, 'image'], messageId: 'image', data: { image: lineOf([...container.path, 'image']) }, target: 'key', severity: 'warning' });
      }
    },
  });

  it('resolves reported paths: a missing field at the closest ancestor, a key target on the key', () => {
    const file = loadText('pod.yaml', POD);
    const findings = lintLoadedFile(file, { rules: configureRules([probe]), kubernetesVersion: '1.36' });
    expect(findings.map((f) => [at(f), f.severity, f.message, f.exact])).toEqual([
      ['6:7-6:11', 'info', 'container "app" has no readinessProbe.', false],
      ['7:7-7:12', 'warning', 'Image 7.', true],
      ['8:7-8:11', 'info', 'container "cache" has no readinessProbe.', false],
      ['9:7-9:12', 'warning', 'Image 9.', true],
    ]);
    expect(findings[0]!.object).toEqual({ apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: undefined });
    expect(findings[0]!.path).toEqual(['spec', 'containers', 0, 'readinessProbe']);
  });

  it('resolves paths of objects inside a List relative to the object', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${POD.split('\n').map((line, i) => (line ? (i === 0 ? `  - ${line}` : `    ${line}`) : line)).join('\n')}`;
    const findings = lintYaml(list).filter((f) => f.ruleId === 'latest-image-tag');
    expect(findings.map((f) => [f.ruleId, at(f)])).toEqual([
      ['latest-image-tag', '10:18-10:47'],
      ['latest-image-tag', '12:18-12:30'],
    ]);
  });

  it('resolves a fix to an edit only when its path exists, and carries the deprecated mark', () => {
    const fixer = defineRule({
      id: 'fixer',
      meta: {
        type: 'suggestion',
        defaultSeverity: 'warning',
        docs: { description: 'Test.', remediation: 'Test.' },
        messages: { rename: 'Rename.' },
        defaultOptions: {},
      },
      check({ pod, report }) {
        const path = [...pod.specPath, 'serviceAccount'];
        report({ path, messageId: 'rename', deprecated: true, fix: { title: 'Rename to serviceAccountName', path, target: 'key', text: 'serviceAccountName' } });
        report({ path: [...pod.specPath, 'missing'], messageId: 'rename', fix: { title: 'Nowhere', path: [...pod.specPath, 'missing'], text: 'x' } });
      },
    });
    const file = loadText('pod.yaml', 'kind: Pod\napiVersion: v1\nspec:\n  serviceAccount: app\n  containers: []\n');
    const findings = lintLoadedFile(file, { rules: configureRules([fixer]), kubernetesVersion: '1.36' });
    const renamed = findings.find((finding) => finding.exact);
    const missing = findings.find((finding) => !finding.exact);
    expect(renamed!.deprecated).toBe(true);
    expect(renamed!.fixes?.map((fix) => [fix.title, fix.edits.map((edit) => [at({ range: edit.range } as never), edit.newText])])).toEqual([
      ['Rename to serviceAccountName', [['4:3-4:17', 'serviceAccountName']]],
    ]);
    expect(missing!.fixes).toBeUndefined();
    expect(missing!.deprecated).toBeUndefined();

    // In JSON (or a quoted YAML key) the replacement keeps the quotes it replaces.
    const json = loadText('pod.json', '{"kind": "Pod", "apiVersion": "v1", "spec": {"serviceAccount": "app", "containers": []}}');
    const [jsonFinding] = lintLoadedFile(json, { rules: configureRules([fixer]), kubernetesVersion: '1.36' }).filter((f) => f.exact);
    expect(jsonFinding!.fixes?.[0]?.edits[0]?.newText).toBe('"serviceAccountName"');
    const single = loadText('pod.yaml', "kind: Pod\napiVersion: v1\nspec:\n  'serviceAccount': app\n  containers: []\n");
    const [singleFinding] = lintLoadedFile(single, { rules: configureRules([fixer]), kubernetesVersion: '1.36' }).filter((f) => f.exact);
    expect(singleFinding!.fixes?.[0]?.edits[0]?.newText).toBe("'serviceAccountName'");
  });

  it('fills message placeholders and leaves unknown ones as written', () => {
    expect(formatMessage('{{a}} and {{ b }} and {{c}}', { a: 1, b: 'two' })).toBe('1 and two and {{c}}');
  });
});
