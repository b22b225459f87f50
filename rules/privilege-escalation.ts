import { defineRule } from '../src/engine/define-rule.js';
import { addedCapabilities } from '../src/k8s/capabilities.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { containerSecurityContext, isWindowsPod } from '../src/k8s/security-context.js';

// allowPrivilegeEscalation exists only on the container securityContext; unset means allowed (the
// kubelet sets no_new_privs only for an explicit false). Kubernetes documents it as always true for
// privileged containers and those with CAP_SYS_ADMIN, and rejects an explicit false next to them.

export default defineRule({
  id: 'privilege-escalation',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    tags: ['security'],
    securitySeverity: 6.0,
    docs: {
      description:
        'Require allowPrivilegeEscalation: false on every container of every role (containers, init containers, sidecars, ephemeral), and report escalation implied by privileged or CAP_SYS_ADMIN; Windows Pods are exempt.',
      remediation:
        'Set `securityContext.allowPrivilegeEscalation: false` on each container (the Pod has no such field), and drop `privileged: true` and `SYS_ADMIN` (or `ALL`) from `capabilities.add`, which make escalation possible whatever the field says.',
      rationale:
        'Without `allowPrivilegeEscalation: false` the kubelet does not set no_new_privs, so a setuid binary or a file capability in the image can raise a process above its parent; the field defaults to allowing it. It is a container field (the Pod has none), checked on every role: an init container, a sidecar or an ephemeral debug container escalates as well as the main one. Kubernetes documents escalation as always possible for privileged containers and those with CAP_SYS_ADMIN, and rejects an explicit false next to `privileged: true` or `capabilities.add: [CAP_SYS_ADMIN]` (those findings are errors while the rule runs at its default severity; a severity you configure applies to them too). Every finding lands on `allowPrivilegeEscalation`, or where it belongs, so it does not stack on the findings of privileged-container and dangerous-capabilities. A warning by default, as in the Pod Security Standards\' restricted profile; Windows Pods are exempt, as Kubernetes forbids the field on them.',
    },
    messages: {
      unset:
        '{{role}} "{{container}}" does not set allowPrivilegeEscalation: false, so its processes may gain more privileges than their parent (setuid binaries, file capabilities).',
      allowed:
        '{{role}} "{{container}}" sets allowPrivilegeEscalation: true, so its processes may gain more privileges than their parent (setuid binaries, file capabilities).',
      privileged: '{{role}} "{{container}}" can always escalate privileges: it is privileged.',
      capability: '{{role}} "{{container}}" can always escalate privileges: it adds {{capability}}.',
      rejectedPrivileged:
        '{{role}} "{{container}}": Kubernetes rejects this securityContext: cannot set `allowPrivilegeEscalation` to false and `privileged` to true.',
      rejectedCapability:
        '{{role}} "{{container}}": Kubernetes rejects this securityContext: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN.',
      ineffective:
        '{{role}} "{{container}}" sets allowPrivilegeEscalation: false but adds {{capability}}, and with CAP_SYS_ADMIN escalation stays possible (the API server rejects the pair only when it is spelled CAP_SYS_ADMIN).',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (isWindowsPod(pod)) return;
    for (const container of pod.containers) {
      const securityContext = containerSecurityContext(container);
      // Every finding lands on allowPrivilegeEscalation, or where it belongs: the privileged flag
      // and the capabilities are privileged-container's and dangerous-capabilities' findings.
      const path = [...container.path, 'securityContext', 'allowPrivilegeEscalation'];
      const data = { role: CONTAINER_ROLE_LABELS[container.role], container: container.name };
      const privileged = securityContext?.privileged === true;
      const sysAdmin = addedCapabilities(container).filter((entry) => entry.name === 'SYS_ADMIN' || entry.name === 'ALL');
      const allowPrivilegeEscalation = securityContext?.allowPrivilegeEscalation;

      if (allowPrivilegeEscalation === false) {
        if (privileged) report({ path, messageId: 'rejectedPrivileged', data, severity: 'error' });
        for (const entry of sysAdmin) {
          // Validation compares the literal string; runtimes also accept SYS_ADMIN and ALL.
          if (entry.text === 'CAP_SYS_ADMIN') report({ path, messageId: 'rejectedCapability', data, severity: 'error' });
          else report({ path, messageId: 'ineffective', data: { ...data, capability: describe(entry.text, entry.name) } });
        }
        continue;
      }
      if (privileged) report({ path, messageId: 'privileged', data });
      else if (sysAdmin[0]) report({ path, messageId: 'capability', data: { ...data, capability: describe(sysAdmin[0].text, sysAdmin[0].name) } });
      else report({ path, messageId: allowPrivilegeEscalation === true ? 'allowed' : 'unset', data });
    }
  },
});

function describe(text: string, name: string): string {
  return name === 'ALL' ? `${text} (every capability, CAP_SYS_ADMIN among them)` : text;
}
