import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintLoadedFile } from '../../src/engine/lint-file.js';
import { configureRules, type RuleSetting } from '../../src/engine/rule-settings.js';
import { loadText } from '../../src/load/load-text.js';
import { at } from '../helpers/lint.js';

const UNDER_TEST = ['latest-image-tag', 'privileged-container', 'duplicate-key', 'yaml-syntax', 'invalid-suppression', 'unused-suppression'];
const onlyTheseRules: Record<string, RuleSetting> = Object.fromEntries(
  builtinRules.filter((rule) => !UNDER_TEST.includes(rule.id)).map((rule) => [rule.id, 'off' as const]),
);

/**
 * Lints with the rules these tests are about (and the suppression rules at their defaults), plus
 * the given settings, and returns every finding, suppressed ones included.
 */
function lintAll(text: string, rules: Record<string, RuleSetting> = {}): Finding[] {
  return lintLoadedFile(loadText('pod.yaml', text), { rules: configureRules(builtinRules, { ...onlyTheseRules, ...rules }), kubernetesVersion: '1.36' });
}

const UNUSED_ON = { 'unused-suppression': 'warning' } as const;

/** `rule@line` for counted findings, `rule@line(kind: reason)` for suppressed ones. */
function summary(findings: readonly Finding[]): string[] {
  return findings.map((finding) => {
    const where = `${finding.ruleId}@${finding.range.start.line + 1}`;
    if (!finding.suppressions?.length) return where;
    return `${where}(${finding.suppressions.map((suppression) => `${suppression.kind}${suppression.reason ? `: ${suppression.reason}` : ''}`).join('; ')})`;
  });
}

const pod = (containers: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
${containers}`;

describe('suppression directives', () => {
  it('disable-next-line covers the next line only, and keeps the reason after --', () => {
    const findings = lintAll(
      pod(`    - name: a
      # podlint-disable-next-line latest-image-tag -- pinned by the release job
      image: nginx:latest
    - name: b
      image: nginx:latest
`),
    );
    expect(summary(findings)).toEqual(['latest-image-tag@8(directive: pinned by the release job)', 'latest-image-tag@10']);
    // The suppression points at the comment itself.
    expect(at({ ...findings[0]!, range: findings[0]!.suppressions![0]!.range! })).toBe('7:7-7:80');
  });

  it('disable-next-line skips blank and comment lines, so directives can be stacked above a line', () => {
    const findings = lintAll(
      pod(`    - name: a
      # podlint-disable-next-line latest-image-tag -- dev image
      # podlint-disable-next-line privileged-container

      # (an explanation for humans)
      image: nginx:latest
      securityContext: { privileged: true }
`),
      UNUSED_ON,
    );
    // Both directives target line 11 (the image); privileged is on line 12, so that one is unused.
    expect(summary(findings)).toEqual([
      'unused-suppression@8',
      'latest-image-tag@11(directive: dev image)',
      'privileged-container@12',
    ]);
    expect(findings[0]!.message).toBe('The podlint-disable-next-line directive suppressed no "privileged-container" finding; remove "privileged-container" from it.');
    expect(at(findings[0]!)).toBe('8:35-8:55');
  });

  it('disable-line covers its own line; a list of rules is separated by commas', () => {
    const findings = lintAll(
      pod(`    - name: a
      image: nginx:latest # podlint-disable-line latest-image-tag, privileged-container -- both known
      securityContext: { privileged: true } # podlint-disable-line privileged-container
    - name: b
      image: nginx:latest
`),
    );
    expect(summary(findings)).toEqual([
      'latest-image-tag@7(directive: both known)',
      'privileged-container@8(directive)',
      'latest-image-tag@10',
    ]);
  });

  it('a directive without rules covers every rule', () => {
    const findings = lintAll(
      pod(`    - name: a
      image: nginx:latest # podlint-disable-line
      securityContext: { privileged: true }
`),
    );
    expect(summary(findings)).toEqual(['latest-image-tag@7(directive)', 'privileged-container@8']);
  });

  it('disable ... enable covers a block, both comment lines included; enable can end one rule of a block', () => {
    const findings = lintAll(
      pod(`    # podlint-disable latest-image-tag, privileged-container -- vendored debug pods
    - name: a
      image: nginx:latest
      securityContext: { privileged: true }
    # podlint-enable privileged-container
    - name: b
      image: nginx:latest
      securityContext: { privileged: true }
    # podlint-enable
    - name: c
      image: nginx:latest
`),
    );
    expect(summary(findings)).toEqual([
      'latest-image-tag@8(directive: vendored debug pods)',
      'privileged-container@9(directive: vendored debug pods)',
      'latest-image-tag@12(directive: vendored debug pods)',
      'privileged-container@13',
      'latest-image-tag@16',
    ]);
  });

  it('a disable block without enable runs to the end of the file', () => {
    const findings = lintAll(`# podlint-disable latest-image-tag
${pod(`    - name: a
      image: nginx:latest
`)}---
${pod(`    - name: b
      image: nginx
`)}`);
    expect(summary(findings)).toEqual(['latest-image-tag@8(directive)', 'latest-image-tag@16(directive)']);
  });

  it('disable-file covers the whole file wherever it is written', () => {
    const findings = lintAll(
      `${pod(`    - name: a
      image: nginx:latest
      securityContext: { privileged: true }
`)}# podlint-disable-file privileged-container -- a debug pod, never deployed
`,
    );
    expect(summary(findings)).toEqual(['latest-image-tag@7', 'privileged-container@8(directive: a debug pod, never deployed)']);
  });

  it('suppresses findings podlint reports while reading the file, too', () => {
    const findings = lintAll(`# podlint-disable-file duplicate-key
apiVersion: v1
kind: Pod
kind: Pod
spec: { containers: [] }
`);
    expect(summary(findings)).toEqual(['duplicate-key@4(directive)']);
  });

  it('reports unused directives at the rule name, or at the comment when it names no rule', () => {
    const findings = lintAll(
      pod(`    - name: a
      image: nginx:1.27 # podlint-disable-line latest-image-tag
      # podlint-disable-next-line
      imagePullPolicy: Always
    # podlint-disable privileged-container
    # podlint-enable privileged-container
`),
      UNUSED_ON,
    ).filter((finding) => finding.ruleId === 'unused-suppression');
    expect(findings.map((finding) => [at(finding), finding.message])).toEqual([
      ['7:48-7:64', 'The podlint-disable-line directive suppressed no "latest-image-tag" finding; remove "latest-image-tag" from it.'],
      ['8:7-8:34', 'The podlint-disable-next-line directive suppressed nothing; remove it.'],
      ['10:23-10:43', 'The podlint-disable directive suppressed no "privileged-container" finding; remove "privileged-container" from it.'],
    ]);
  });

  it('reports nothing unused while unused-suppression is off (its default)', () => {
    const findings = lintAll(pod(`    - name: a
      image: nginx:1.27 # podlint-disable-line latest-image-tag
`));
    expect(findings).toEqual([]);
  });

  it('reports unknown rules with a suggestion, and misspelled directives, as invalid-suppression', () => {
    const findings = lintAll(
      pod(`    - name: a
      image: nginx:latest # podlint-disable-line latest-image-tags
      # podlint-disable-nextline latest-image-tag
      imagePullPolicy: Always
`),
      UNUSED_ON,
    );
    expect(findings.map((finding) => [finding.ruleId, at(finding), finding.message])).toEqual([
      ['latest-image-tag', '7:14-7:26', 'Container "a" uses the mutable tag latest of "nginx:latest".'],
      [
        'invalid-suppression',
        '7:50-7:67',
        'Unknown rule "latest-image-tags" in a podlint-disable-line directive (did you mean "latest-image-tag"?); it suppresses nothing.',
      ],
      [
        'invalid-suppression',
        '8:7-8:50',
        'Unknown directive "podlint-disable-nextline"; use one of podlint-disable-next-line, podlint-disable-line, podlint-disable-file, podlint-disable, podlint-enable.',
      ],
    ]);
  });

  it('a rule that is off is known: a directive naming it is not invalid (only unused)', () => {
    const findings = lintAll(pod(`    - name: a
      image: nginx:latest # podlint-disable-line latest-image-tag
`), { 'latest-image-tag': 'off', ...UNUSED_ON });
    expect(summary(findings)).toEqual(['unused-suppression@7']);
  });

  it('with requireReason, a directive without a reason is reported', () => {
    const findings = lintAll(pod(`    - name: a
      image: nginx:latest # podlint-disable-line latest-image-tag
      securityContext: { privileged: true } # podlint-disable-line privileged-container -- debug pod
`), { 'invalid-suppression': ['warning', { requireReason: true }] });
    expect(findings.filter((finding) => finding.ruleId === 'invalid-suppression').map((finding) => [at(finding), finding.message])).toEqual([
      ['7:27-7:66', 'The podlint-disable-line directive gives no reason; add one after " -- ".'],
    ]);
  });

  it('ignores comments that only mention podlint, and text that merely looks like a directive in a value', () => {
    const findings = lintAll(pod(`    # see podlint-disable-line in the docs
    - name: a
      args: ["# podlint-disable-line latest-image-tag"]
      image: nginx:latest
`), UNUSED_ON);
    expect(summary(findings)).toEqual(['latest-image-tag@9']);
  });
});
