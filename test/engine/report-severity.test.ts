import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigResolver } from '../../src/config/resolve-config.js';
import type { CliSettings } from '../../src/config/types.js';
import { lintText } from '../../src/lint.js';
import { runCli } from '../helpers/cli.js';
import { lintYaml } from '../helpers/lint.js';
import { repoWorkspace as workspace } from '../helpers/workspace.js';

// Rules may give a report its own severity; the configured severity wins once the user's settings
// move the rule off its default (src/engine/rule-settings.ts, reportSeverity).

/**
 * privilege-escalation (default warning) reports the pair Kubernetes rejects as an error;
 * duplicate-container-port (default error) reports a port two containers share as a warning.
 */
const POD = `apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  containers:
    - name: shell
      image: busybox:1.37
      securityContext: { privileged: true, allowPrivilegeEscalation: false }
      ports: [{ containerPort: 8080 }]
    - name: proxy
      image: envoy:1.31
      securityContext: { allowPrivilegeEscalation: false }
      ports: [{ containerPort: 8080 }]
  restartPolicy: Never
`;

type Seen = Record<'privilege-escalation' | 'duplicate-container-port', string[]>;

function severities(findings: readonly { ruleId: string; severity: string; messageId?: string }[]): Seen {
  const seen: Seen = { 'privilege-escalation': [], 'duplicate-container-port': [] };
  for (const finding of findings) {
    if (finding.ruleId === 'privilege-escalation' || finding.ruleId === 'duplicate-container-port') seen[finding.ruleId].push(`${finding.messageId}:${finding.severity}`);
  }
  return seen;
}

const AT_DEFAULT: Seen = {
  'privilege-escalation': ['rejectedPrivileged:error'],
  'duplicate-container-port': ['acrossContainers:warning'],
};

describe('per-report severities and the configured severity', () => {
  it('apply while a rule runs at its default severity, also when the settings name that default', () => {
    expect(severities(lintYaml(POD))).toEqual(AT_DEFAULT);
    expect(severities(lintYaml(POD, { 'privilege-escalation': 'warning', 'duplicate-container-port': ['error', {}] }))).toEqual(AT_DEFAULT);
  });

  it('give way to a severity other than the default: every report takes it', () => {
    expect(severities(lintYaml(POD, { 'privilege-escalation': 'info', 'duplicate-container-port': 'info' }))).toEqual({
      'privilege-escalation': ['rejectedPrivileged:info'],
      'duplicate-container-port': ['acrossContainers:info'],
    });
    // Louder as well as quieter: the user's word is the rule's severity.
    expect(severities(lintYaml(POD, { 'duplicate-container-port': 'warning', 'privilege-escalation': 'error' }))).toEqual({
      'privilege-escalation': ['rejectedPrivileged:error'],
      'duplicate-container-port': ['acrossContainers:warning'],
    });
  });

  it('follow the effective settings of every layer: extends, the file, an override, the command line', async () => {
    const dir = workspace({
      'base.yaml': 'rules: { privilege-escalation: info }\n',
      '.podlint.yaml': 'extends: ./base.yaml\noverrides:\n  - files: "prod/**"\n    rules: { privilege-escalation: warning, duplicate-container-port: info }\n',
      'dev/pod.yaml': POD,
      'prod/pod.yaml': POD,
    });
    const lint = async (file: string, cli: CliSettings = {}) => {
      const config = await new ConfigResolver(dir, cli).forFile(path.join(dir, file));
      return severities(lintText(file, readFileSync(path.join(dir, file), 'utf8'), config.settings, dir).findings);
    };
    expect(await lint('dev/pod.yaml')).toEqual({ ...AT_DEFAULT, 'privilege-escalation': ['rejectedPrivileged:info'] });
    // The override puts privilege-escalation back at its default: its own error returns.
    expect(await lint('prod/pod.yaml')).toEqual({ ...AT_DEFAULT, 'duplicate-container-port': ['acrossContainers:info'] });
    expect(await lint('prod/pod.yaml', { rules: { 'duplicate-container-port': 'error', 'privilege-escalation': 'info' } })).toEqual({
      ...AT_DEFAULT,
      'privilege-escalation': ['rejectedPrivileged:info'],
    });
  });

  it('decide the exit code through the CLI: --rule at info leaves no error', () => {
    const dir = workspace({ 'pod.yaml': POD });
    const only = ['--rule', 'privileged-container=off', '--rule', 'duplicate-container-port=off', '-f', 'unix'];
    const atDefault = runCli([...only, 'pod.yaml'], { cwd: dir });
    expect(atDefault.stdout).toMatch(/^pod\.yaml:8:70: error: Container "shell": Kubernetes rejects this securityContext/m);
    expect(atDefault.status).toBe(1);
    const quiet = runCli([...only, '--rule', 'privilege-escalation=info', 'pod.yaml'], { cwd: dir });
    expect(quiet.stdout).toMatch(/^pod\.yaml:8:70: info: Container "shell": Kubernetes rejects this securityContext/m);
    expect(quiet.stdout).not.toMatch(/: error: /);
    expect(quiet.status).toBe(0);
  });
});
