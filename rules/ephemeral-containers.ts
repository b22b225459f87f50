import { defineRule } from '../src/engine/define-rule.js';
import { asArray } from '../src/json.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';

export default defineRule({
  id: 'ephemeral-containers',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid ephemeralContainers in manifests: a Pod cannot be created with them and a pod template cannot have them; they are added to a running Pod with `kubectl debug`.',
      remediation:
        'Remove ephemeralContainers; to debug a running Pod, add one with `kubectl debug -it <pod> --image=<image>`, which uses the Pod\'s ephemeralcontainers subresource.',
      rationale:
        'Ephemeral containers exist only for debugging Pods that already run: the API server accepts them through the ephemeralcontainers subresource alone, rejects a Pod created with them, and rejects any pod template that has them. A StatefulSet is accepted, since its template is not validated as a pod spec, but each Pod it creates is rejected.',
    },
    messages: {
      pod: 'A Pod cannot be created with ephemeralContainers; they are added to a running Pod with kubectl debug. {{rejection}}: {{error}}.',
      template: 'A pod template cannot have ephemeralContainers; they are added to a running Pod with kubectl debug. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (asArray(pod.spec.ephemeralContainers).length === 0) return;
    const path = [...pod.specPath, 'ephemeralContainers'];
    // A StatefulSet's Pods are created from the template unvalidated, and rejected as Pods are.
    const createdAsPod = !pod.isTemplate || pod.owner.kind === 'StatefulSet';
    report({
      path,
      target: 'key',
      messageId: createdAsPod ? 'pod' : 'template',
      data: {
        rejection: rejection(pod),
        error: `${kubernetesPath(pod, path)}: Forbidden: ${createdAsPod ? 'cannot be set on create' : 'ephemeral containers not allowed in pod template'}`,
      },
    });
  },
});
