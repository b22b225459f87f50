import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject } from '../src/json.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { asInteger, isWindowsPod } from '../src/k8s/security-context.js';

// Every role that declares ports (Kubernetes forbids ports on ephemeral containers). Windows has no
// privileged port range, so Windows Pods are exempt.

export default defineRule({
  id: 'privileged-port',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    tags: ['security'],
    securitySeverity: 2.0,
    docs: {
      description:
        'Report container ports below 1024, which a process binds only as root or with NET_BIND_SERVICE, unless the node lowers net.ipv4.ip_unprivileged_port_start.',
      remediation:
        'Listen on a port of 1024 or more in the container and map the well-known port in the Service (`port: 80`, `targetPort: 8080`).',
      rationale:
        'Binding a port below 1024 takes root or NET_BIND_SERVICE, unless the node lowers `net.ipv4.ip_unprivileged_port_start` (containerd does so for Pods by default since 2.0), so a low containerPort often means a container that runs as root for no other reason. Every role that declares ports is checked (Kubernetes forbids ports on ephemeral containers). Off by default, as the Service maps ports anyway; Windows Pods are exempt.',
    },
    messages: {
      privileged:
        '{{role}} "{{container}}" declares the privileged port {{port}}: binding a port below 1024 takes root or the NET_BIND_SERVICE capability.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (isWindowsPod(pod)) return;
    for (const container of pod.containers) {
      asArray(container.spec.ports).forEach((item, index) => {
        const port = asInteger(asObject(item)?.containerPort);
        if (port === undefined || port < 1 || port >= 1024) return; // 0 and out of range are schema findings
        report({
          path: [...container.path, 'ports', index, 'containerPort'],
          messageId: 'privileged',
          data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, port },
        });
      });
    }
  },
});
