import { defineRule } from '../src/engine/define-rule.js';
import { asObject } from '../src/json.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'privileged-container',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 9.0,
    docs: {
      description: 'Forbid privileged containers of any role (containers, init containers, sidecars, ephemeral).',
      remediation:
        'Remove `securityContext.privileged: true`; grant only the capabilities the container needs with `securityContext.capabilities.add`.',
    },
    messages: {
      privileged:
        '{{role}} "{{container}}" is privileged: it has every capability and access to all host devices, as root on the node.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      if (asObject(container.spec.securityContext)?.privileged !== true) continue;
      report({
        path: [...container.path, 'securityContext', 'privileged'],
        messageId: 'privileged',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name },
      });
    }
  },
});
