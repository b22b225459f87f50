import { defineRule } from '../src/engine/define-rule.js';
import { asObject } from '../src/json.js';
import { goQuote, kubernetesPath, unsupportedValue } from '../src/k8s/kubernetes-errors.js';
import { formatPath } from '../src/path.js';
import type { PodView } from '../src/k8s/pod-view.js';

const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/** Controllers that keep their Pods running: the API server allows only Always in their templates. */
const KEEP_RUNNING = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet']);

export default defineRule({
  id: 'pod-restart-policy',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require the restartPolicy a Pod\'s controller accepts: Always for Deployment, ReplicaSet, ReplicationController, StatefulSet and DaemonSet; OnFailure or Never for Job and CronJob (Never with a podFailurePolicy); one of the three for a bare Pod.',
      remediation:
        'Set `restartPolicy: Always` (or leave it out) in the templates of long-running controllers; set `restartPolicy: OnFailure` or `Never` in Job templates, where leaving it out means Always.',
    },
    messages: {
      keepRunning:
        'A {{kind}} keeps its Pods running, so its template\'s restartPolicy must be Always, not "{{value}}". Kubernetes rejects it: {{error}}.',
      jobAlways:
        'A {{kind}} runs its Pods to completion, so the template needs restartPolicy OnFailure or Never{{omitted}}. Kubernetes rejects it: {{error}}.',
      jobUnsupported:
        'A {{kind}}\'s template cannot have restartPolicy "{{value}}". Kubernetes rejects it: {{error}}.',
      unsupported:
        'restartPolicy "{{value}}" is not one Kubernetes knows. Kubernetes rejects it: {{error}}.',
      podFailurePolicy:
        'This {{kind}} has a podFailurePolicy, which works only with restartPolicy Never, not "{{value}}". Kubernetes rejects it: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const kind = pod.owner.kind;
    const path = [...pod.specPath, 'restartPolicy'];
    const written = pod.spec.restartPolicy;
    if (written !== undefined && written !== null && typeof written !== 'string') return; // a schema finding
    const value = written ?? '';
    const error = (text: string) => `${kubernetesPath(pod, path)}: ${text}`;
    if (KEEP_RUNNING.has(kind)) {
      // An empty or missing restartPolicy is defaulted to Always before validation. The controller's
      // own validation rejects the object at its template's path, a StatefulSet's too.
      if (value === '' || value === 'Always') return;
      report({
        path,
        messageId: 'keepRunning',
        data: { kind, value, error: `${formatPath(path)}: ${unsupportedValue(value, ['Always'])}` },
        fix: { title: 'Set restartPolicy to Always', path, text: 'Always' },
      });
      return;
    }
    if (kind !== 'Job' && kind !== 'CronJob') {
      // A bare Pod or a PodTemplate may use any of the three policies.
      if (value !== '' && !POD_RESTART_POLICIES.includes(value)) {
        report({ path, messageId: 'unsupported', data: { value, error: error(unsupportedValue(value, POD_RESTART_POLICIES)) } });
      }
      return;
    }
    if (value === '' || value === 'Always') {
      report({
        path,
        messageId: 'jobAlways',
        data: {
          kind,
          omitted: value === '' ? ' (left out, it defaults to Always)' : ', not Always',
          error: error(`Required value: valid values: ${goQuote('OnFailure')}, ${goQuote('Never')}`),
        },
      });
    } else if (value !== 'OnFailure' && value !== 'Never') {
      report({ path, messageId: 'jobUnsupported', data: { kind, value, error: error(unsupportedValue(value, ['OnFailure', 'Never'])) } });
    } else if (value === 'OnFailure' && hasPodFailurePolicy(pod)) {
      report({
        path,
        messageId: 'podFailurePolicy',
        data: { kind, value, error: error(`Invalid value: ${goQuote(value)}: only ${goQuote('Never')} is supported when podFailurePolicy is specified`) },
        fix: { title: 'Set restartPolicy to Never', path, text: 'Never' },
      });
    }
  },
});

function hasPodFailurePolicy(pod: PodView): boolean {
  const spec = asObject(pod.object.value.spec);
  const jobSpec = pod.owner.kind === 'CronJob' ? asObject(asObject(spec?.jobTemplate)?.spec) : spec;
  const policy = jobSpec?.podFailurePolicy;
  return policy !== undefined && policy !== null;
}
