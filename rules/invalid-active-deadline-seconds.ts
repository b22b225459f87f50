import { defineRule } from '../src/engine/define-rule.js';
import { asNumber } from '../src/json.js';
import { invalidValue, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { inclusiveRangeError } from '../src/k8s/value-formats.js';
import { formatPath } from '../src/path.js';

const MAX_INT32 = 2147483647;

/**
 * Controllers that keep their Pods running, and the kind their template errors name: a Deployment's
 * template is validated as its ReplicaSet's. The ReplicationController text follows the others'
 * pattern; it was not checked against Kubernetes' source.
 */
const KEEP_RUNNING: Readonly<Record<string, string>> = {
  Deployment: 'ReplicaSet',
  ReplicaSet: 'ReplicaSet',
  ReplicationController: 'ReplicationController',
  StatefulSet: 'StatefulSet',
  DaemonSet: 'DaemonSet',
};

export default defineRule({
  id: 'invalid-active-deadline-seconds',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require a pod spec\'s activeDeadlineSeconds to be between 1 and 2147483647, and to be absent from the templates of controllers that keep their Pods running (Deployment, ReplicaSet, ReplicationController, StatefulSet, DaemonSet).',
      remediation:
        'Set activeDeadlineSeconds to a positive number of seconds on Pods and Job templates; remove it from the templates of long-running controllers (for a Job, spec.activeDeadlineSeconds bounds the whole Job).',
      rationale:
        'The activeDeadlineSeconds field ends a Pod that has run that long, which only makes sense for Pods meant to finish: the API server rejects it in the template of a controller that would recreate the Pod at once, at the controller itself (a StatefulSet included). Elsewhere it must be a positive 32-bit number of seconds.',
    },
    messages: {
      outOfRange: 'activeDeadlineSeconds {{value}} is not between 1 and 2147483647 seconds. {{rejection}}: {{error}}.',
      notSupported:
        'A {{kind}} keeps its Pods running, so its template cannot set activeDeadlineSeconds, which would end them. Kubernetes rejects it: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const path = [...pod.specPath, 'activeDeadlineSeconds'];
    const written = pod.spec.activeDeadlineSeconds;
    if (written === undefined || written === null) return;
    const controller = KEEP_RUNNING[pod.owner.kind];
    if (controller) {
      // Validated on the controller itself, so the path is the controller's.
      report({
        path,
        target: 'key',
        messageId: 'notSupported',
        data: { kind: pod.owner.kind, error: `${formatPath(path)}: Forbidden: activeDeadlineSeconds in ${controller} is not Supported` },
      });
      return;
    }
    const value = asNumber(written);
    if (value === undefined || !Number.isInteger(value)) return; // a schema finding
    if (value >= 1 && value <= MAX_INT32) return;
    report({ path, messageId: 'outOfRange', data: { value, rejection: rejection(pod), error: `${kubernetesPath(pod, path)}: ${invalidValue(value, inclusiveRangeError(1, MAX_INT32))}` } });
  },
});
