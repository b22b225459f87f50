import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { asInteger } from '../src/k8s/security-context.js';

// Every role that declares ports: a sidecar or init container running sshd is as reachable.

export default defineRule({
  id: 'ssh-port',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    tags: ['security'],
    securitySeverity: 4.0,
    docs: {
      description: 'Report containers that expose SSH (TCP port 22): a shell server in a Pod is a standing way in, with its own keys to manage.',
      remediation:
        'Remove the SSH server and its port; use `kubectl exec`, or `kubectl debug` with an ephemeral container, for interactive access.',
      rationale:
        'An SSH server in a container is a second way in, with keys of its own to manage and rotate, that bypasses the API server\'s authentication and audit log; `kubectl exec` and `kubectl debug` give the same access through them. Only TCP counts (SSH does not run on UDP). Every role that declares ports is checked; the `ports` option names other ports your images run SSH on.',
    },
    messages: {
      ssh: '{{role}} "{{container}}" exposes TCP port {{port}}, the SSH port.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ports: {
          type: 'array',
          items: { type: 'integer', minimum: 1, maximum: 65535 },
          uniqueItems: true,
          description: 'Container ports that run SSH in your images (for example 2222 as well as 22).',
        },
      },
    },
    defaultOptions: { ports: [22] },
  },
  check({ pod, report }, options) {
    for (const container of pod.containers) {
      asArray(container.spec.ports).forEach((item, index) => {
        const port = asObject(item);
        const number = asInteger(port?.containerPort);
        const protocol = asString(port?.protocol) || 'TCP'; // the API server defaults a missing or empty one to TCP
        if (number === undefined || protocol !== 'TCP' || !options.ports.includes(number)) return;
        report({
          path: [...container.path, 'ports', index, 'containerPort'],
          messageId: 'ssh',
          data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, port: number },
        });
      });
    }
  },
});
