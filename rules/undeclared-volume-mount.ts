import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { goQuote, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS, type PodView } from '../src/k8s/pod-view.js';

export default defineRule({
  id: 'undeclared-volume-mount',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require every volumeMount and volumeDevice to name a volume of the Pod (or, in a StatefulSet, one of its volumeClaimTemplates).',
      remediation:
        'Declare the volume under the pod spec\'s `volumes` (or the StatefulSet\'s `volumeClaimTemplates`), or fix the name in the mount so it matches one.',
      rationale:
        'A StatefulSet\'s volumeClaimTemplates become volumes of its Pods, so mounts may name them. The API server does not validate a StatefulSet\'s template as a pod spec: the StatefulSet is accepted and each Pod the controller creates is rejected, which the message says.',
    },
    messages: {
      notFound:
        '{{role}} "{{container}}" {{what}} "{{name}}", but the Pod {{declared}}. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const volumes = declaredVolumes(pod);
    const declared = volumes.length === 0 ? 'declares no volumes' : `declares only ${volumes.map((name) => `"${name}"`).join(', ')}`;
    for (const container of pod.containers) {
      for (const list of ['volumeMounts', 'volumeDevices'] as const) {
        asArray(container.spec[list]).forEach((item, index) => {
          const name = asString(asObject(item)?.name);
          if (!name || volumes.includes(name)) return; // a missing name is a schema finding
          const path = [...container.path, list, index, 'name'];
          report({
            path,
            messageId: 'notFound',
            data: {
              role: CONTAINER_ROLE_LABELS[container.role],
              container: container.name,
              what: list === 'volumeMounts' ? 'mounts the volume' : 'uses the block device volume',
              name,
              declared,
              rejection: rejection(pod),
              error: `${kubernetesPath(pod, path)}: Not found: ${goQuote(name)}`,
            },
          });
        });
      }
    }
  },
});

/** The volume names a Pod of this spec has: its volumes, plus a StatefulSet's claim templates. */
function declaredVolumes(pod: PodView): string[] {
  const names = asArray(pod.spec.volumes).map((volume) => asString(asObject(volume)?.name));
  if (pod.owner.kind === 'StatefulSet') {
    const templates = asArray(asObject(pod.object.value.spec)?.volumeClaimTemplates);
    names.push(...templates.map((template) => asString(asObject(asObject(template)?.metadata)?.name)));
  }
  return [...new Set(names.filter((name): name is string => name !== undefined && name !== ''))];
}
