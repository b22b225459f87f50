import { defineRule } from '../src/engine/define-rule.js';
import { containersWithResources, missingResources, orList } from '../src/k8s/missing-resources.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'missing-resource-limits',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Require resource limits (by default memory) on every container and sidecar, or at pod level; cpu is not required by default, because a CPU limit throttles a container even on an idle node.',
      remediation:
        'Set `resources.limits` (for example `memory: 256Mi`), or pod-level `spec.resources.limits`. A container without a memory limit can use all the memory of its node until the kernel kills something.',
    },
    messages: {
      missing: '{{role}} "{{container}}" has no {{resources}} limit, so it can use as much as the node has.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        resources: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          uniqueItems: true,
          description: 'The resources every container must limit, e.g. `["cpu", "memory"]`.',
        },
        includeInitContainers: {
          type: 'boolean',
          description: 'Check plain init containers too (sidecars are always checked: they run for the life of the Pod).',
        },
      },
    },
    defaultOptions: { resources: ['memory'] as string[], includeInitContainers: false as boolean },
  },
  check({ pod, report }, options) {
    for (const container of containersWithResources(pod, options.includeInitContainers)) {
      const missing = missingResources(pod, container, 'limits', options.resources);
      if (missing.length === 0) continue;
      report({
        // The first missing entry: the finding lands on the closest existing ancestor.
        path: [...container.path, 'resources', 'limits', missing[0]!],
        messageId: 'missing',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, resources: orList(missing) },
      });
    }
  },
});
