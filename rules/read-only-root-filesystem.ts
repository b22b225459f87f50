import { defineRule } from '../src/engine/define-rule.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { containerSecurityContext, isWindowsPod } from '../src/k8s/security-context.js';

export default defineRule({
  id: 'read-only-root-filesystem',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    tags: ['security'],
    securitySeverity: 3.5,
    docs: {
      description:
        "Require readOnlyRootFilesystem: true on containers, init containers and sidecars, so an intruder cannot change the image's files; ephemeral debug containers and Windows Pods are exempt.",
      remediation:
        'Set `securityContext.readOnlyRootFilesystem: true` on the container (the Pod has no such field) and mount an `emptyDir` where the process must write (`/tmp`, a cache directory).',
      rationale:
        'A read-only root filesystem stops an intruder from replacing the image\'s binaries or dropping tools into it; the writable places are then the volumes you chose. Containers, init containers and sidecars are checked. Ephemeral containers are not: they are debugging sessions started by hand (`kubectl debug`), which install tools. The field exists only per container. A warning by default, since many images need an `emptyDir` for `/tmp` before they run read-only; Windows Pods are exempt, as Kubernetes forbids the field on them.',
    },
    messages: {
      unset: '{{role}} "{{container}}" has a writable root filesystem: it does not set readOnlyRootFilesystem: true.',
      writable: '{{role}} "{{container}}" has a writable root filesystem: it sets readOnlyRootFilesystem: false.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (isWindowsPod(pod)) return; // the field is forbidden on Windows Pods
    for (const container of pod.containers) {
      // An ephemeral container is a debugging session someone starts by hand; it installs tools.
      if (container.role === 'ephemeral') continue;
      const value = containerSecurityContext(container)?.readOnlyRootFilesystem;
      if (value === true) continue;
      report({
        path: [...container.path, 'securityContext', 'readOnlyRootFilesystem'],
        messageId: value === false ? 'writable' : 'unset',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name },
      });
    }
  },
});
