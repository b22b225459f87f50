import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { githubSarifProblems, sarifSchemaErrors } from '../helpers/sarif.js';
import { repoWorkspace as workspace } from '../helpers/workspace.js';

// End to end: a directive and an annotation written in a manifest, through the suppression stage,
// to what SARIF and JSON say about them (the formatter tests use findings built by hand).

/** privileged-container suppressed by an annotation, latest-image-tag by a directive; privilege-escalation stays. */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  annotations:
    podlint.dev/ignore: "privileged-container=node debugging pod, deleted after use"
spec:
  containers:
    - name: shell
      image: busybox # podlint-disable-line latest-image-tag -- pinned by digest at deploy time
      securityContext: { privileged: true, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
  securityContext: { runAsNonRoot: true }
  restartPolicy: Never
`;

interface SarifResult {
  ruleId: string;
  level: string;
  suppressions?: { kind: string; status: string; justification?: string; location?: { physicalLocation: { region: Record<string, number> } } }[];
}

function sarifResults(text: string): SarifResult[] {
  const log = JSON.parse(text);
  expect(sarifSchemaErrors(log)).toEqual([]);
  expect(githubSarifProblems(log)).toEqual([]);
  return log.runs[0].results as SarifResult[];
}

const SUPPRESSED_SARIF = [
  {
    ruleId: 'latest-image-tag',
    level: 'warning',
    suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'pinned by digest at deploy time', location: { physicalLocation: { artifactLocation: { uri: 'pod.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 22, endLine: 10, endColumn: 96 } } } }],
  },
  { ruleId: 'privilege-escalation', level: 'warning' },
  {
    ruleId: 'privileged-container',
    level: 'error',
    suppressions: [{ kind: 'inSource', status: 'accepted', justification: 'node debugging pod, deleted after use', location: { physicalLocation: { artifactLocation: { uri: 'pod.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 6, startColumn: 25, endLine: 6, endColumn: 85 } } } }],
  },
];

describe('--include-suppressed from a real directive and annotation', () => {
  it('SARIF lists suppressed results with suppressions[] and the reason, on standard output and in --sarif-file', () => {
    const dir = workspace({ 'pod.yaml': POD });
    const hidden = runCli(['-f', 'sarif', 'pod.yaml'], { cwd: dir });
    expect(sarifResults(hidden.stdout).map((result) => result.ruleId)).toEqual(['privilege-escalation']);
    // Suppressed findings are never counted: the warning left does not fail the run.
    expect(hidden.status).toBe(0);

    const shown = runCli(['-f', 'sarif', '--include-suppressed', '--sarif-file', 'out/podlint.sarif', 'pod.yaml'], { cwd: dir });
    expect(shown.status).toBe(0);
    expect(sarifResults(shown.stdout)).toMatchObject(SUPPRESSED_SARIF);
    expect(sarifResults(shown.stdout).find((result) => result.ruleId === 'privilege-escalation')).not.toHaveProperty('suppressions');
    expect(sarifResults(readFileSync(path.join(dir, 'out/podlint.sarif'), 'utf8'))).toMatchObject(SUPPRESSED_SARIF);
  });

  it('JSON carries them in suppressedMessages with kind, justification and where the suppression is', () => {
    const dir = workspace({ 'pod.yaml': POD });
    for (const args of [['-f', 'json', 'pod.yaml'], ['-f', 'json', '--include-suppressed', 'pod.yaml']]) {
      const run = runCli(args, { cwd: dir });
      expect(run.status).toBe(0);
      const [result] = JSON.parse(run.stdout);
      expect(result.messages.map((message: { ruleId: string }) => message.ruleId)).toEqual(['privilege-escalation']);
      expect([result.errorCount, result.warningCount, result.suppressedCount]).toEqual([0, 1, 2]);
      expect(result.suppressedMessages).toMatchObject([
        { ruleId: 'latest-image-tag', line: 10, column: 14, suppressions: [{ kind: 'directive', justification: 'pinned by digest at deploy time', line: 10, column: 22 }] },
        { ruleId: 'privileged-container', severity: 2, line: 11, suppressions: [{ kind: 'annotation', justification: 'node debugging pod, deleted after use', line: 6, column: 25 }] },
      ]);
    }
  });
});
