import { defineRule } from '../src/engine/define-rule.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { containerSecurityContext, isWindowsPod, usesUserNamespace } from '../src/k8s/security-context.js';

// procMount is per container; every role can set it and each gets its own /proc.

export default defineRule({
  id: 'unmasked-proc-mount',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 6.0,
    docs: {
      description:
        'Forbid procMount: Unmasked on a container of any role (containers, init containers, sidecars, ephemeral), which Kubernetes only accepts in a Pod with hostUsers: false; Windows Pods are exempt.',
      remediation:
        'Remove `securityContext.procMount` (or set it to `Default`), so the runtime masks the sensitive parts of /proc. Only nested-container builders need `Unmasked`, and then only in a Pod with `hostUsers: false`.',
      rationale:
        'The container runtime masks parts of /proc (kernel keys, timers, sysrq) and makes others read-only; `procMount: Unmasked` turns that off, which only a nested container runtime needs. Kubernetes accepts it only in a Pod with `hostUsers: false`, where the exposure stays inside a user namespace; without it the finding is Kubernetes\' own rejection, an error. Every role is checked, as each container gets its own /proc. Windows Pods are exempt, as Kubernetes forbids the field on them.',
    },
    messages: {
      rejected:
        '{{role}} "{{container}}" sets procMount: Unmasked in a Pod without hostUsers: false. {{rejection}}: {{path}}: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`.',
      unmasked:
        '{{role}} "{{container}}" sets procMount: Unmasked: the paths of /proc that the runtime masks or makes read-only are exposed to it (inside the Pod\'s user namespace).',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (isWindowsPod(pod)) return; // procMount is forbidden on Windows Pods
    for (const container of pod.containers) {
      if (containerSecurityContext(container)?.procMount !== 'Unmasked') continue;
      const path = [...container.path, 'securityContext', 'procMount'];
      const data = { role: CONTAINER_ROLE_LABELS[container.role], container: container.name };
      if (usesUserNamespace(pod)) report({ path, messageId: 'unmasked', data });
      else report({ path, messageId: 'rejected', data: { ...data, path: kubernetesPath(pod, path), rejection: rejection(pod) }, severity: 'error' });
    }
  },
});
