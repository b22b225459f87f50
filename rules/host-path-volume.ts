import { defineRule } from '../src/engine/define-rule.js';
import { globToRegExp } from '../src/glob-pattern.js';
import { hostPathVolumes, isWithin, normalizeHostPath } from '../src/k8s/host-paths.js';

// A volume belongs to the Pod: it is reported once, at its hostPath.path, whichever containers
// (of any role) mount it. Container runtime sockets are docker-socket-mount's, not this rule's.

export default defineRule({
  id: 'host-path-volume',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 7.5,
    docs: {
      description:
        "Forbid hostPath volumes of sensitive node paths (/, /etc, /proc, /sys, /dev, /var/lib/kubelet...), or of a directory that contains one.",
      remediation:
        'Use a ConfigMap, Secret, emptyDir or PersistentVolumeClaim instead of the node\'s files. A node agent that must read host files should mount the narrowest path it needs, `readOnly`, and be listed in `allowedPaths`.',
      rationale:
        'A hostPath volume gives the Pod the node\'s own files. The default list holds the paths that hold the node\'s system, configuration and credentials (`/etc` has the kubelet\'s and etcd\'s keys, `/var/lib/kubelet` every Pod\'s secrets); a path is reported when it is one of them, inside one, or a directory that contains one (mounting `/var` exposes `/var/lib/kubelet`). `/` itself only matches `/`. The volume is reported once, at its path, whichever containers of whatever role mount it. Container runtime sockets are docker-socket-mount\'s findings, and whether a mount is writable is writable-host-path\'s.',
    },
    messages: {
      root: 'Volume "{{volume}}" mounts the root filesystem of the node ("{{path}}"): everything on the node, its credentials included, is in reach.',
      sensitive: 'Volume "{{volume}}" mounts "{{path}}", the sensitive host path {{sensitive}} of the node.',
      inside: 'Volume "{{volume}}" mounts "{{path}}", inside the sensitive host path {{sensitive}} of the node.',
      contains: 'Volume "{{volume}}" mounts "{{path}}", which contains the sensitive host path {{sensitive}} of the node.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sensitivePaths: {
          type: 'array',
          items: { type: 'string', pattern: '^/' },
          uniqueItems: true,
          description:
            'Host paths to report, with everything inside them and any directory that contains them (`/` itself only matches `/`). `/var/run` is read as `/run`.',
        },
        allowedPaths: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description: 'Host paths never reported (`*` matches any characters), e.g. `/sys/fs/cgroup` for a monitoring agent.',
        },
      },
    },
    defaultOptions: {
      sensitivePaths: [
        '/',
        '/bin',
        '/boot',
        '/dev',
        '/etc',
        '/lib',
        '/lib64',
        '/proc',
        '/root',
        '/sbin',
        '/sys',
        '/usr',
        '/var/lib/kubelet',
        '/var/lib/etcd',
        '/var/lib/docker',
        '/var/lib/containerd',
      ],
      allowedPaths: [] as string[],
    },
  },
  prepare: (options) => ({
    allowed: options.allowedPaths.map((pattern) => globToRegExp(normalizeHostPath(pattern))),
    sensitive: options.sensitivePaths.map(normalizeHostPath),
  }),
  check({ pod, report }, { allowed, sensitive }) {
    for (const volume of hostPathVolumes(pod)) {
      const path = volume.normalized;
      if (!path.startsWith('/') || allowed.some((pattern) => pattern.test(path))) continue;
      const data = { volume: volume.name, path: volume.hostPath };
      if (path === '/') {
        if (sensitive.includes('/')) report({ path: volume.path, messageId: 'root', data });
        continue;
      }
      const match = classify(path, sensitive.filter((entry) => entry !== '/'));
      if (!match) continue;
      report({
        path: volume.path,
        messageId: match.relation === 'sensitive' ? 'sensitive' : match.relation === 'inside' ? 'inside' : 'contains',
        data: { ...data, sensitive: match.sensitive },
      });
    }
  },
});

/** How a host path relates to the closest sensitive path: is it, is inside it, or contains it. */
function classify(path: string, sensitive: readonly string[]): { relation: 'sensitive' | 'inside' | 'contains'; sensitive: string } | undefined {
  if (sensitive.includes(path)) return { relation: 'sensitive', sensitive: path };
  const parent = sensitive.filter((entry) => isWithin(path, entry)).sort((a, b) => b.length - a.length)[0];
  if (parent) return { relation: 'inside', sensitive: parent };
  const child = sensitive.find((entry) => isWithin(entry, path));
  if (child) return { relation: 'contains', sensitive: child };
  return undefined;
}
