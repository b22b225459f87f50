import { defineRule } from '../src/engine/define-rule.js';
import { containersWithoutProbe, prepareProbeRuleOptions } from '../src/k8s/run-to-completion.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'missing-readiness-probe',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Require a readinessProbe on long-running containers and sidecars; Pods that run to completion (Job, CronJob, or restartPolicy OnFailure or Never), plain init containers and ephemeral containers need none.',
      remediation:
        'Add a `readinessProbe` that succeeds only when the container can do its work (for a server: answer requests), so Services send it traffic only then and rollouts wait for it.',
      rationale:
        'Only containers that keep running need one: regular containers and sidecars (a sidecar\'s readiness counts towards the Pod\'s). Plain init containers exit before the app starts, and ephemeral containers are debugging sessions. Pods that run to completion are left alone: those of a Job or CronJob, and any Pod or template whose restartPolicy is OnFailure or Never.',
    },
    messages: {
      missing: '{{role}} "{{container}}" has no readinessProbe: it counts as ready as soon as it starts, so the Pod gets traffic and rollouts move on before it can serve.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ignoreContainers: {
          type: 'array',
          items: { type: 'string' },
          description: 'Container names exempt from this rule (`*` matches any characters), e.g. `istio-proxy`.',
        },
      },
    },
    defaultOptions: { ignoreContainers: [] as string[] },
  },
  prepare: prepareProbeRuleOptions,
  check({ pod, report }, options) {
    for (const container of containersWithoutProbe(pod, 'readinessProbe', options)) {
      report({
        path: [...container.path, 'readinessProbe'],
        messageId: 'missing',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name },
      });
    }
  },
});
