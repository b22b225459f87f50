import { defineRule } from '../src/engine/define-rule.js';
import { hostPathVolumes, isWithin, normalizeHostPath } from '../src/k8s/host-paths.js';

// Reported once per volume, at its hostPath.path, whichever containers (of any role) mount it.
// Mounting `/` is host-path-volume's finding; every other directory that holds a socket is this one.

export default defineRule({
  id: 'docker-socket-mount',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 9.0,
    docs: {
      description:
        "Forbid mounting a container runtime's socket (Docker, containerd, CRI-O, Podman), or the directory that holds it, into a Pod.",
      remediation:
        "Remove the hostPath volume. Whoever can talk to the runtime can start a privileged container on the node, so build images with a daemonless builder (BuildKit rootless, Kaniko, Buildah) and read container metadata from the Kubernetes API instead.",
      rationale:
        'Whoever can talk to a container runtime can start a privileged container with the node\'s root filesystem mounted: a runtime socket in a Pod is root on the node. The default list covers Docker, containerd (and k3s\'s), CRI-O, cri-dockerd and Podman; `/var/run` is read as `/run`, which it links to, and a directory that holds a socket (`/run/containerd`, `/var/run`) counts as the socket. Mounting `/` is left to host-path-volume. The volume is reported once, whichever containers mount it.',
    },
    messages: {
      socket:
        'Volume "{{volume}}" mounts the container runtime socket "{{path}}": whoever reaches it can start privileged containers, root on the node.',
      directory:
        'Volume "{{volume}}" mounts "{{path}}", which holds the container runtime socket {{socket}}: whoever reaches it can start privileged containers, root on the node.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sockets: {
          type: 'array',
          items: { type: 'string', pattern: '^/' },
          uniqueItems: true,
          description: 'Socket paths to report, and any directory holding them except `/` (`/var/run` is read as `/run`).',
        },
      },
    },
    defaultOptions: {
      sockets: [
        '/var/run/docker.sock',
        '/run/containerd/containerd.sock',
        '/run/crio/crio.sock',
        '/run/cri-dockerd.sock',
        '/run/podman/podman.sock',
        '/run/k3s/containerd/containerd.sock',
      ],
    },
  },
  check({ pod, report }, options) {
    const sockets = options.sockets.map(normalizeHostPath);
    for (const volume of hostPathVolumes(pod)) {
      const path = volume.normalized;
      if (!path.startsWith('/') || path === '/') continue;
      const data = { volume: volume.name, path: volume.hostPath };
      if (sockets.includes(path)) {
        report({ path: volume.path, messageId: 'socket', data });
        continue;
      }
      const socket = sockets.find((candidate) => isWithin(candidate, path));
      if (socket) report({ path: volume.path, messageId: 'directory', data: { ...data, socket } });
    }
  },
});
