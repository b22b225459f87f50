import { defineRule } from '../src/engine/define-rule.js';
import { asString } from '../src/json.js';
import { goQuote, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS, type ContainerList, type ContainerView } from '../src/k8s/pod-view.js';

// Kubernetes checks regular containers among themselves first, then each init container against
// the regular containers and the init containers before it, then each ephemeral container against
// all of them; the container it reports is the later one in that order, so an init container that
// reuses a regular container's name is the one reported, even though it is written first.
const VALIDATION_ORDER: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];

export default defineRule({
  id: 'duplicate-container-name',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid two containers of one Pod with the same name, across containers, init containers, sidecars and ephemeral containers.',
      remediation:
        'Give every container of the Pod its own name; kubectl logs, exec and the container statuses identify containers by name.',
      rationale:
        'The finding lands where Kubernetes reports it. It checks the regular containers first, then each init container against them and the init containers before it, then each ephemeral container against all of them, so an init container that reuses a regular container\'s name is the one reported, although it is written first.',
    },
    messages: {
      duplicate:
        '{{role}} name "{{name}}" is already used by the {{otherRole}} at line {{line}}. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report, lineOf }) {
    const byName = new Map<string, ContainerView>();
    const ordered = VALIDATION_ORDER.flatMap((list) => pod.containers.filter((container) => container.list === list));
    for (const container of ordered) {
      const name = asString(container.spec.name);
      if (name === undefined || name === '') continue; // a missing name is a schema finding
      const earlier = byName.get(name);
      if (!earlier) {
        byName.set(name, container);
        continue;
      }
      const path = [...container.path, 'name'];
      report({
        path,
        messageId: 'duplicate',
        data: {
          role: CONTAINER_ROLE_LABELS[container.role],
          name,
          otherRole: CONTAINER_ROLE_LABELS[earlier.role].toLowerCase(),
          line: lineOf([...earlier.path, 'name']),
          rejection: rejection(pod),
          error: `${kubernetesPath(pod, path)}: Duplicate value: ${goQuote(name)}`,
        },
      });
    }
  },
});
