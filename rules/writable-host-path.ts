import { defineRule } from '../src/engine/define-rule.js';
import { globToRegExp } from '../src/glob-pattern.js';
import { hostPathMounts, normalizeHostPath } from '../src/k8s/host-paths.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

// Every role: a mount is a container's, and init containers, sidecars and ephemeral containers
// write to the node as well as any other.

export default defineRule({
  id: 'writable-host-path',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    tags: ['security'],
    securitySeverity: 5.5,
    docs: {
      description:
        'Require every mount of a hostPath volume to be readOnly, in containers of every role (containers, init containers, sidecars, ephemeral).',
      remediation:
        'Set `readOnly: true` on the volumeMount. A container that must write node files (a log or CNI installer) should write to the narrowest directory it needs, listed in `allowedPaths`.',
      rationale:
        'A writable hostPath mount lets the Pod change the node: plant binaries or configuration the node or other Pods will run. The rule reports each mount, in every container role (an init container that writes to the node is as dangerous as a long-running one), at the mount\'s `readOnly` or its name. A warning by default: log shippers and CNI installers write to the node by design, and the `allowedPaths` option exempts them.',
    },
    messages: {
      writable:
        '{{role}} "{{container}}" can write to the node\'s "{{path}}" through volume "{{volume}}": the mount is not readOnly.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedPaths: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description: 'Host paths that may be mounted writable (`*` matches any characters), e.g. `/var/lib/my-agent/*`.',
        },
      },
    },
    defaultOptions: { allowedPaths: [] as string[] },
  },
  prepare: (options) => ({ allowed: options.allowedPaths.map((pattern) => globToRegExp(normalizeHostPath(pattern))) }),
  check({ pod, report }, { allowed }) {
    for (const mount of hostPathMounts(pod)) {
      if (mount.readOnly || allowed.some((pattern) => pattern.test(mount.volume.normalized))) continue;
      report({
        // `readOnly: false` when written, else the mount's `- name:` line.
        path: [...mount.path, 'readOnly'],
        messageId: 'writable',
        data: {
          role: CONTAINER_ROLE_LABELS[mount.container.role],
          container: mount.container.name,
          path: mount.volume.hostPath,
          volume: mount.volume.name,
        },
      });
    }
  },
});
