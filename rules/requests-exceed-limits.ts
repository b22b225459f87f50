import { defineRule } from '../src/engine/define-rule.js';
import { isOvercommitAllowed } from '../src/k8s/pod-resources.js';
import { containerRequirements, kubernetesFieldPath, podLevelRequirements, type RequirementsFields } from '../src/k8s/quantity-fields.js';

export default defineRule({
  id: 'requests-exceed-limits',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid a request above its limit, in a container, init container, sidecar or the pod-level resources; the API server rejects it.',
      remediation:
        'Lower the request or raise the limit so that request ≤ limit; compare in the same unit (1 CPU = 1000m, 1Gi = 1024Mi, 1G = 1000M).',
    },
    messages: {
      exceeds: '{{field}}: Invalid value: "{{request}}": must be less than or equal to {{resource}} limit of {{limit}}',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const blocks: RequirementsFields[] = pod.containers
      .filter((container) => container.role !== 'ephemeral')
      .map((container) => containerRequirements(pod, container));
    const podLevel = podLevelRequirements(pod);
    if (podLevel) blocks.push(podLevel);
    for (const block of blocks) {
      for (const request of block.requests) {
        const limit = block.limits.find((candidate) => candidate.name === request.name);
        if (!request.quantity || !limit?.quantity) continue;
        // Resources that cannot be overcommitted must be equal instead (invalid-resource-requirements);
        // pod-level resources are compared whatever the resource.
        if (block.container && !isOvercommitAllowed(request.name)) continue;
        if (request.quantity.cmp(limit.quantity) <= 0) continue;
        report({
          path: request.path,
          messageId: 'exceeds',
          data: {
            field: kubernetesFieldPath([...block.path, 'requests']),
            request: request.quantity.toString(),
            resource: request.name,
            limit: limit.quantity.toString(),
          },
        });
      }
    }
  },
});
