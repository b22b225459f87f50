import { defineRule } from '../src/engine/define-rule.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { explainPodQos, QOS_CLASSES, type QosClass, type QosReason } from '../src/k8s/qos.js';

export default defineRule({
  id: 'qos-class',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    docs: {
      description:
        "Require a minimum QoS class (Burstable or Guaranteed) for the Pods an object creates, computed as Kubernetes does after the API server's defaulting, and name the container that lowers it.",
      remediation:
        'For Guaranteed, give every container, init container and sidecar cpu and memory limits equal to its requests (a limit alone is enough: the request defaults to it), or set equal pod-level requests and limits. For Burstable, give at least one container a cpu or memory request or limit.',
    },
    messages: {
      container: 'The Pod QoS class is {{qosClass}}, below {{minimum}}, because of {{role}} "{{container}}": {{reason}}.',
      podLevel: 'The Pod QoS class is {{qosClass}}, below {{minimum}}, because of the pod-level resources, which decide it: {{reason}}.',
      noContainers: 'The Pod QoS class is {{qosClass}}, below {{minimum}}: no container sets a cpu or memory request or limit.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minimum: { type: 'string', enum: ['Burstable', 'Guaranteed'], description: 'The lowest QoS class allowed.' },
      },
    },
    defaultOptions: { minimum: 'Burstable' as 'Burstable' | 'Guaranteed' },
  },
  check({ pod, report }, options) {
    const explanation = explainPodQos(pod);
    const rank = (qosClass: QosClass) => QOS_CLASSES.indexOf(qosClass);
    if (rank(explanation.qosClass) >= rank(options.minimum)) return;
    const data = { qosClass: explanation.qosClass, minimum: options.minimum };
    if (explanation.decidedBy === 'pod' && explanation.pod?.reason) {
      report({ path: [...pod.specPath, 'resources'], messageId: 'podLevel', data: { ...data, reason: describe(explanation.pod.reason) } });
      return;
    }
    // The container that lowers the class: for Guaranteed, the first one that is not; for
    // Burstable (the pod is BestEffort), every container is BestEffort: point at the first.
    const lowering = explanation.containers.find((entry) => entry.qosClass !== 'Guaranteed');
    if (!lowering || explanation.qosClass === 'BestEffort') {
      report({ path: [...pod.specPath, 'containers'], messageId: 'noContainers', data });
      return;
    }
    report({
      path: [...lowering.container.path, 'resources'],
      messageId: 'container',
      data: {
        ...data,
        role: CONTAINER_ROLE_LABELS[lowering.container.role].toLowerCase(),
        container: lowering.container.name,
        reason: describe(lowering.reason ?? { kind: 'no-resources' }),
      },
    });
  },
});

/** What keeps one set of requirements from Guaranteed, as a phrase. */
function describe(reason: QosReason): string {
  switch (reason.kind) {
    case 'no-resources':
      return 'no cpu or memory request or limit';
    case 'mixed':
      return `${reason.set} requested and limited, but no ${reason.zero}`;
    case 'unequal': {
      const request = reason.request && !reason.request.isZero() ? reason.request.toString() : undefined;
      const limit = reason.limit && !reason.limit.isZero() ? reason.limit.toString() : undefined;
      if (limit === undefined) return `${reason.resource} request ${request ?? '0'} but no ${reason.resource} limit`;
      return `${reason.resource} request ${request ?? '0'} differs from its limit ${limit}`;
    }
  }
}
