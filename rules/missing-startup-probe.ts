import { defineRule } from '../src/engine/define-rule.js';
import { containersWithoutProbe, prepareProbeRuleOptions } from '../src/k8s/run-to-completion.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'missing-startup-probe',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    docs: {
      description:
        'Require a startupProbe on long-running containers and sidecars; Pods that run to completion (Job, CronJob, or restartPolicy OnFailure or Never), plain init containers and ephemeral containers need none.',
      remediation:
        'Add a `startupProbe` with a failureThreshold × periodSeconds that covers the slowest start; liveness and readiness checks wait for it, and the containers after a sidecar wait for the sidecar\'s.',
      rationale:
        'Off by default: a startup probe matters for slow starters and for sidecars, whose startup the containers after them wait for, not for every container. The same containers as the other probe rules: regular containers and sidecars, in Pods that do not run to completion (Job, CronJob, restartPolicy OnFailure or Never).',
    },
    messages: {
      missing: '{{role}} "{{container}}" has no startupProbe: its liveness probe starts counting while it is still starting up.',
      missingSidecar:
        '{{role}} "{{container}}" has no startupProbe: the containers after it start as soon as it runs, not when it is ready to serve them.',
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
    for (const container of containersWithoutProbe(pod, 'startupProbe', options)) {
      report({
        path: [...container.path, 'startupProbe'],
        messageId: container.role === 'sidecar' ? 'missingSidecar' : 'missing',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name },
      });
    }
  },
});
