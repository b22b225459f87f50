import { defineRule } from '../src/engine/define-rule.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';

const FIELDS = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export default defineRule({
  id: 'init-container-probes',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid probes and lifecycle hooks on init containers that are not sidecars: an init container runs to completion, and Kubernetes rejects them.',
      remediation:
        'Remove the probe or hook. If the container is meant to keep running beside the app, make it a sidecar with `restartPolicy: Always`.',
    },
    messages: {
      forbidden:
        'Init container "{{container}}" has a {{field}}, but it runs to completion; only sidecars (restartPolicy: Always) may have one. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      if (container.role !== 'init') continue;
      for (const field of FIELDS) {
        const value = container.spec[field];
        if (value === undefined || value === null) continue;
        const path = [...container.path, field];
        report({
          path,
          messageId: 'forbidden',
          data: {
            container: container.name,
            field,
            rejection: rejection(pod),
            error: `${kubernetesPath(pod, path)}: Forbidden: may not be set for init containers without restartPolicy=Always`,
          },
        });
      }
    }
  },
});
