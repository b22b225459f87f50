import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import dangerousCapabilities, { RISKS } from '../../rules/dangerous-capabilities.js';
import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import { RuleSettingsError, type RuleSetting } from '../../src/engine/rule-settings.js';
import { at, lintYaml, onlyRules } from '../helpers/lint.js';

// Exact ranges, options, severities and fixes of the security and host-access rules. The fixtures
// in test/fixtures/rules/ cover where each rule fires and where it does not, role by role.

/** Lints with only `ruleId` on: at its default severity (warning when off by default), or as given. */
function lintRule(text: string, ruleId: string, setting?: RuleSetting, filePath = 'test.yaml'): Finding[] {
  return lintYaml(text, onlyRules([ruleId], setting), filePath);
}

/** Where each finding lands and what it says, as `line:col-endLine:endCol severity message`. */
function described(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${at(finding)} ${finding.severity} ${finding.message}`);
}

/** The text each finding's range covers. */
function covered(text: string, findings: readonly Finding[]): string[] {
  return findings.map((finding) => text.slice(finding.range.startOffset, finding.range.endOffset));
}

function pod(spec: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n${spec}`;
}

describe('privilege-escalation', () => {
  it('lands on the field, its securityContext or the container, whichever exists', () => {
    const text = pod(`  containers:
    - name: bare
      image: a:1
    - name: partial
      image: a:1
      securityContext: { runAsNonRoot: true }
    - name: explicit
      image: a:1
      securityContext: { allowPrivilegeEscalation: true }
`);
    const findings = lintRule(text, 'privilege-escalation');
    expect(covered(text, findings)).toEqual(['name', 'securityContext', 'true']);
    expect(findings.map(at)).toEqual(['6:7-6:11', '10:7-10:22', '13:52-13:56']);
    expect(findings.map((f) => f.exact)).toEqual([false, false, true]);
  });

  it('reports what Kubernetes rejects as an error at its default severity; a configured severity applies to all', () => {
    const text = pod(`  containers:
    - name: app
      image: a:1
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
        capabilities: { add: [CAP_SYS_ADMIN, SYS_ADMIN] }
`);
    const ineffective = 'Container "app" sets allowPrivilegeEscalation: false but adds SYS_ADMIN, and with CAP_SYS_ADMIN escalation stays possible (the API server rejects the pair only when it is spelled CAP_SYS_ADMIN).';
    const capability = 'Container "app": Kubernetes rejects this securityContext: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN.';
    const privileged = 'Container "app": Kubernetes rejects this securityContext: cannot set `allowPrivilegeEscalation` to false and `privileged` to true.';
    expect(described(lintRule(text, 'privilege-escalation'))).toEqual([
      `10:35-10:40 warning ${ineffective}`,
      `10:35-10:40 error ${capability}`,
      `10:35-10:40 error ${privileged}`,
    ]);
    expect(described(lintRule(text, 'privilege-escalation', 'info'))).toEqual([
      `10:35-10:40 info ${ineffective}`,
      `10:35-10:40 info ${capability}`,
      `10:35-10:40 info ${privileged}`,
    ]);
  });

  it('leaves the privileged flag and the capability to their own rules, landing where allowPrivilegeEscalation belongs', () => {
    const text = pod(`  containers:
    - name: app
      image: a:1
      securityContext: { privileged: true, capabilities: { add: [SYS_ADMIN] } }
`);
    const findings = lintRule(text, 'privilege-escalation');
    expect(findings.map((f) => [at(f), f.message])).toEqual([['8:7-8:22', 'Container "app" can always escalate privileges: it is privileged.']]);
    const others = lintYaml(text).filter((f) => f.ruleId === 'privileged-container' || f.ruleId === 'dangerous-capabilities');
    expect(others.map((f) => `${f.ruleId} ${at(f)}`)).toEqual(['privileged-container 8:38-8:42', 'dangerous-capabilities 8:66-8:75']);
  });
});

describe('dangerous-capabilities', () => {
  it('explains every capability of its default list', () => {
    expect(Object.keys(RISKS).sort()).toEqual([...dangerousCapabilities.meta.defaultOptions.capabilities].sort());
  });

  const text = pod(`  containers:
    - name: app
      image: a:1
      securityContext:
        capabilities: { add: [NET_ADMIN, cap_chown, SYS_ADMIN] }
`);

  it('points at the capability as written', () => {
    const findings = lintRule(text, 'dangerous-capabilities');
    expect(covered(text, findings)).toEqual(['NET_ADMIN', 'SYS_ADMIN']);
    expect(findings.map(at)).toEqual(['9:31-9:40', '9:53-9:62']);
  });

  it('takes its own list, in any spelling, instead of the default one', () => {
    const findings = lintRule(text, 'dangerous-capabilities', ['error', { capabilities: ['CAP_CHOWN', 'sys_admin'] }]);
    expect(findings.map((f) => f.message)).toEqual([
      'Container "app" adds the capability cap_chown, listed as dangerous in the configuration.',
      'Container "app" adds the capability SYS_ADMIN, which lets it mount filesystems, create namespaces and much more, the usual way out of a container.',
    ]);
  });
});

describe('host-namespaces', () => {
  const text = pod(`  hostNetwork: true
  hostPID: true
  containers:
    - { name: agent, image: a:1 }
`);

  it('reports each host namespace at its value', () => {
    expect(lintRule(text, 'host-namespaces').map(at)).toEqual(['5:16-5:20', '6:12-6:16']);
  });

  it('lets the allowed option exempt a namespace, but never with hostUsers: false', () => {
    expect(lintRule(text, 'host-namespaces', ['error', { allowed: ['hostNetwork'] }]).map((f) => f.messageId)).toEqual(['hostPID']);
    const userns = text.replace('hostPID: true', 'hostPID: true\n  hostUsers: false');
    expect(described(lintRule(userns, 'host-namespaces', ['error', { allowed: ['hostNetwork', 'hostPID'] }]))).toEqual([
      '5:16-5:20 error The Pod sets hostNetwork and hostUsers: false, which cannot go together. Kubernetes rejects it: spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false.',
      '6:12-6:16 error The Pod sets hostPID and hostUsers: false, which cannot go together. Kubernetes rejects it: spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false.',
    ]);
    // A severity other than the default applies to every report of the rule, these included.
    expect(described(lintRule(userns, 'host-namespaces', ['warning', { allowed: ['hostNetwork', 'hostPID'] }])).map((line) => line.split(' ')[1])).toEqual(['warning', 'warning']);
  });

  it("names the Pod's own path for a StatefulSet, whose Pods are validated when they are created", () => {
    const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db }
spec:
  serviceName: db
  selector: { matchLabels: { app: db } }
  template:
    metadata: { labels: { app: db } }
    spec:
      hostPID: true
      hostUsers: false
      containers: [{ name: db, image: db:1 }]
`;
    expect(lintRule(statefulSet, 'host-namespaces', 'error').map((f) => f.message)).toEqual([
      'The Pod sets hostPID and hostUsers: false, which cannot go together. Kubernetes accepts the StatefulSet but rejects each Pod it creates: spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false.',
    ]);
  });

  it('rejects an unknown namespace in the options', () => {
    expect(() => lintRule(text, 'host-namespaces', ['error', { allowed: ['hostUsers'] }])).toThrow(RuleSettingsError);
  });
});

describe('host paths', () => {
  const text = pod(`  containers:
    - name: agent
      image: a:1
      volumeMounts:
        - { name: sys, mountPath: /host/sys, readOnly: true }
        - { name: data, mountPath: /data }
  volumes:
    - { name: sys, hostPath: { path: /sys/fs/cgroup } }
    - { name: data, hostPath: { path: /var/lib/agent } }
    - { name: sock, hostPath: { path: /run/containerd/containerd.sock } }
`);

  it('host-path-volume: at hostPath.path; sensitivePaths and allowedPaths replace the defaults', () => {
    expect(lintRule(text, 'host-path-volume').map(at)).toEqual(['12:38-12:52']);
    expect(lintRule(text, 'host-path-volume', ['error', { allowedPaths: ['/sys/fs/*'] }])).toEqual([]);
    expect(covered(text, lintRule(text, 'host-path-volume', ['error', { sensitivePaths: ['/var/lib'] }]))).toEqual(['/var/lib/agent']);
  });

  it('docker-socket-mount: the sockets option replaces the default list', () => {
    expect(covered(text, lintRule(text, 'docker-socket-mount'))).toEqual(['/run/containerd/containerd.sock']);
    expect(lintRule(text, 'docker-socket-mount', ['error', { sockets: ['/var/run/docker.sock'] }])).toEqual([]);
  });

  it('writable-host-path: at the mount, unless its path is allowed', () => {
    const findings = lintRule(text, 'writable-host-path');
    expect(findings.map((f) => [at(f), f.message])).toEqual([
      ['10:13-10:17', 'Container "agent" can write to the node\'s "/var/lib/agent" through volume "data": the mount is not readOnly.'],
    ]);
    expect(lintRule(text, 'writable-host-path', ['warning', { allowedPaths: ['/var/lib/agent'] }])).toEqual([]);
  });
});

describe('unsafe-sysctls', () => {
  const text = pod(`  securityContext:
    sysctls:
      - { name: kernel.msgmax, value: "65536" }
      - { name: net/core/somaxconn, value: "1024" }
      - { name: vm.swappiness, value: "10" }
  containers:
    - { name: app, image: a:1 }
`);

  it('accepts what the nodes allow (--allowed-unsafe-sysctls patterns), never a node-level sysctl', () => {
    expect(covered(text, lintRule(text, 'unsafe-sysctls'))).toEqual(['kernel.msgmax', 'net/core/somaxconn', 'vm.swappiness']);
    const allowed = lintRule(text, 'unsafe-sysctls', ['error', { allowedUnsafeSysctls: ['kernel.msg*', 'net.core.somaxconn', 'vm.*'] }]);
    expect(described(allowed)).toEqual([
      '9:17-9:30 error The sysctl "vm.swappiness" is not namespaced, so no node can allow it for a Pod, and the kubelet rejects the Pod: forbidden sysctl: "vm.swappiness" not allowlisted.',
    ]);
  });
});

describe('secret-in-env-value', () => {
  const text = pod(`  containers:
    - name: app
      image: a:1
      env:
        - { name: dbPassword, value: correct-horse }
        - { name: DB_PASSWORD_HINT, value: pet name }
        - { name: JWT, value: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U }
`);

  it('names the variable and never echoes its value', () => {
    const findings = lintRule(text, 'secret-in-env-value');
    expect(described(findings)).toEqual([
      '9:38-9:51 warning Container "app" sets dbPassword to a literal value; a variable named like a secret should come from a Secret.',
      '10:44-10:52 warning Container "app" sets DB_PASSWORD_HINT to a literal value; a variable named like a secret should come from a Secret.',
      '11:31-11:123 warning Container "app" sets JWT to what looks like a JSON Web Token; credentials should come from a Secret.',
    ]);
    for (const finding of findings) expect(finding.message).not.toMatch(/correct-horse|pet name|eyJ/);
  });

  it('takes name patterns (case-insensitive), ignored names, and can skip credential shapes', () => {
    const options = { secretNames: ['password'], ignoredNames: ['_hint$'], detectCredentials: false };
    expect(lintRule(text, 'secret-in-env-value', ['warning', options]).map((f) => f.path?.at(-2))).toEqual([0]);
    expect(() => lintRule(text, 'secret-in-env-value', ['warning', { secretNames: ['('] }])).toThrow(RuleSettingsError);
  });
});

describe('deprecated-service-account', () => {
  function applyFix(text: string, finding: Finding): string {
    const [edit] = finding.fixes?.[0]?.edits ?? [];
    if (!edit) return text;
    return text.slice(0, edit.range.startOffset) + edit.newText + text.slice(edit.range.endOffset);
  }

  it('marks the report deprecated and renames the key, keeping the value', () => {
    const text = pod(`  serviceAccount: builder
  containers:
    - { name: app, image: a:1 }
`);
    const [finding] = lintRule(text, 'deprecated-service-account');
    expect(finding).toMatchObject({ deprecated: true, messageId: 'deprecated', fixes: [{ title: 'Rename serviceAccount to serviceAccountName' }] });
    const fixed = applyFix(text, finding!);
    expect(parseYaml(fixed).spec).toMatchObject({ serviceAccountName: 'builder' });
    expect(parseYaml(fixed).spec).not.toHaveProperty('serviceAccount');
    expect(lintRule(fixed, 'deprecated-service-account')).toEqual([]);
  });

  it('keeps a JSON key quoted', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { serviceAccount: 'builder', containers: [{ name: 'app', image: 'a:1' }] } }, null, 2);
    const [finding] = lintRule(text, 'deprecated-service-account', undefined, 'pod.json');
    expect(JSON.parse(applyFix(text, finding!)).spec.serviceAccountName).toBe('builder');
  });

  it('offers no fix when serviceAccountName is there too, and says which one Kubernetes uses', () => {
    const text = pod(`  serviceAccountName: app
  serviceAccount: legacy
  containers:
    - { name: app, image: a:1 }
`);
    const [finding] = lintRule(text, 'deprecated-service-account');
    expect(finding?.fixes).toBeUndefined();
    expect(finding?.message).toBe('serviceAccount is deprecated and ignored: Kubernetes uses serviceAccountName "app", not "legacy".');
    expect(at(finding!)).toBe('6:19-6:25');
  });
});

describe('ssh-port', () => {
  it('takes the ports that run SSH', () => {
    const text = pod(`  containers:
    - name: app
      image: a:1
      ports: [{ containerPort: 22 }, { containerPort: 2222 }]
`);
    expect(covered(text, lintRule(text, 'ssh-port'))).toEqual(['22']);
    expect(covered(text, lintRule(text, 'ssh-port', ['warning', { ports: [2222] }]))).toEqual(['2222']);
  });
});

describe('malformed input', () => {
  it('is never a crash: fields of the wrong type are skipped, as the schema reports them', () => {
    const ids = builtinRules.map((rule) => rule.id);
    const text = pod(`  hostNetwork: [true]
  securityContext: { sysctls: [kernel.msgmax, { name: 7 }], runAsUser: "0", windowsOptions: x }
  serviceAccount: { name: x }
  volumes: [null, { name: v, hostPath: "/" }, { hostPath: { path: 5 } }]
  initContainers: { name: x }
  containers:
    - name: app
      image: a:1
      securityContext: { capabilities: { add: SYS_ADMIN, drop: [[ALL]] }, procMount: [Unmasked] }
      env: [{ name: PASSWORD, value: 1234567 }, { value: ghp_x }, "x", { name: T, valueFrom: { secretKeyRef: x } }]
      envFrom: [{ secretRef: [] }]
      ports: [{ containerPort: "22" }, 80, { containerPort: 22.5 }]
      volumeMounts: [{ name: v }, { name: 3 }]
    - "not a container"
`);
    const rules = Object.fromEntries(ids.map((id) => [id, 'warning' as const]));
    expect(() => lintYaml(text, rules)).not.toThrow();
  });
});
