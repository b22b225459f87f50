import { defineRule } from '../src/engine/define-rule.js';
import { containersWithoutProbe, prepareProbeRuleOptions } from '../src/k8s/run-to-completion.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'missing-liveness-probe',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Require a livenessProbe on long-running containers and sidecars; Pods that run to completion (Job, CronJob, or restartPolicy OnFailure or Never), plain init containers and ephemeral containers need none.',
      remediation:
        'Add a `livenessProbe` that fails only when the process is stuck beyond repair (an HTTP, TCP, gRPC or exec check), so the kubelet restarts it; keep it cheaper and more lenient than the readiness probe.',
      rationale:
        'Only containers that keep running need one: regular containers and sidecars (init containers with restartPolicy Always, which run beside the app for the Pod\'s lifetime). Plain init containers exit before the app starts, and ephemeral containers are debugging sessions. Pods that run to completion are left alone: those of a Job or CronJob, and any Pod or template whose restartPolicy is OnFailure or Never, which is how one-off Pods (kubectl run, kubectl debug) are made; a probe there has no service to keep healthy.',
    },
    messages: {
      missing: '{{role}} "{{container}}" has no livenessProbe: if it hangs, the kubelet never restarts it.',
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
    for (const container of containersWithoutProbe(pod, 'livenessProbe', options)) {
      report({
        path: [...container.path, 'livenessProbe'],
        messageId: 'missing',
        data: { role: CONTAINER_ROLE_LABELS[container.role], container: container.name },
      });
    }
  },
});
