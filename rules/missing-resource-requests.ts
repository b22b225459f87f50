import { defineRule } from '../src/engine/define-rule.js';
import { containersWithResources, missingResources, orList } from '../src/k8s/missing-resources.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'missing-resource-requests',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Require resource requests (by default cpu and memory) on every container and sidecar, as the Pod will have them: a limit alone counts, since Kubernetes copies it to the request, and pod-level requests cover all containers.',
      remediation:
        'Set `resources.requests` to what the container needs at steady state (for example `cpu: 100m`, `memory: 128Mi`), or set pod-level `spec.resources.requests`. Without a request the scheduler reserves nothing for the container and the node can be overcommitted.',
    },
    messages: {
      missing: '{{role}} "{{container}}" has no {{resources}} request, so the scheduler reserves none for it.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        resources: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'The resources every container must request, e.g. `["cpu", "memory", "ephemeral-storage"]`.',
        },
        includeInitContainers: {
          type: 'boolean',
          description: 'Check plain init containers too (sidecars are always checked: they run for the life of the Pod).',
        },
      },
    },
    defaultOptions: { resources: ['cpu', 'memory'] as string[], includeInitContainers: false as boolean },
  },
  check({ pod, report }, options) {
    for (const container of containersWithResources(pod, options.includeInitContainers)) {
      const missing = missingResources(pod, container, 'requests', options.resources);
      if (missing.length === 0) continue;
      report({
        // The first missing entry: the finding lands on the closest existing ancestor.
        path: [...container.path, 'resources', 'requests', missing[0]!],
        messageId: 'missing',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, resources: orList(missing) },
      });
    }
  },
});
