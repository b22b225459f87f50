import { defineRule } from '../src/engine/define-rule.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';

const NAMESPACES = ['hostNetwork', 'hostPID', 'hostIPC'] as const;
type HostNamespace = (typeof NAMESPACES)[number];

// Namespaces belong to the Pod: every container of every role (init, sidecar, ephemeral) shares them.

export default defineRule({
  id: 'host-namespaces',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 7.5,
    docs: {
      description:
        "Forbid sharing the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC), which every container of the Pod then shares.",
      remediation:
        'Remove `hostNetwork`, `hostPID` and `hostIPC` (or set them to false). Expose ports through a Service, or a `hostPort` when a node port is really needed; node agents that need a host namespace can be allowed with the `allowed` option.',
      rationale:
        'A host namespace is shared by the whole Pod, so one finding per field covers every container, init container, sidecar and ephemeral container. The Pod Security Standards\' baseline profile forbids all three, so the default is an error; node agents that need one (a CNI plugin on the host network) can be allowed with the `allowed` option. Kubernetes itself rejects any of them in a Pod with `hostUsers: false`, and that finding is reported even when the namespace is allowed.',
    },
    messages: {
      hostNetwork:
        "The Pod uses the node's network namespace (hostNetwork: true): it sees every interface of the node, can bind its ports and reach services listening on its localhost, and NetworkPolicies do not isolate it.",
      hostPID:
        "The Pod uses the node's process namespace (hostPID: true): it sees every process on the node, with its command line, and can signal or trace those its user and capabilities allow.",
      hostIPC:
        "The Pod uses the node's IPC namespace (hostIPC: true): it shares System V shared memory, semaphores and message queues with every process on the node.",
      userNamespace: 'The Pod sets {{field}} and hostUsers: false, which cannot go together. {{rejection}}: {{path}}: Forbidden: when `pod.Spec.HostUsers` is false.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowed: {
          type: 'array',
          items: { enum: ['hostNetwork', 'hostPID', 'hostIPC'] },
          uniqueItems: true,
          description: 'Host namespaces not to report, e.g. `["hostNetwork"]` for a CNI or ingress DaemonSet.',
        },
      },
    },
    defaultOptions: { allowed: [] as HostNamespace[] },
  },
  check({ pod, report }, options) {
    for (const field of NAMESPACES) {
      if (pod.spec[field] !== true) continue;
      const path = [...pod.specPath, field];
      // A user namespace cannot be combined with a host namespace: the API server refuses the Pod.
      if (pod.spec.hostUsers === false) {
        const data = { field, path: kubernetesPath(pod, [...pod.specPath, GO_FIELD_NAMES[field]]), rejection: rejection(pod) };
        report({ path, messageId: 'userNamespace', data, severity: 'error' });
      } else if (!options.allowed.includes(field)) {
        report({ path, messageId: field === 'hostNetwork' ? 'hostNetwork' : field === 'hostPID' ? 'hostPID' : 'hostIPC' });
      }
    }
  },
});

/** The fields as the API server names them in its error (validation spells the PID and IPC fields in Go). */
const GO_FIELD_NAMES: Readonly<Record<HostNamespace, string>> = { hostNetwork: 'hostNetwork', hostPID: 'HostPID', hostIPC: 'HostIPC' };
