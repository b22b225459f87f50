import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { goQuote, kubernetesPath } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import type { Path } from '../src/path.js';

export default defineRule({
  id: 'duplicate-env-var',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Warn about an environment variable defined twice in one container where the API server warns: the later definition hides the earlier one, and apply may drop it.',
      remediation:
        'Keep one definition of each variable. To build a value on an earlier one, give the result a new name (`URL=$(HOST):$(PORT)`).',
    },
    messages: {
      duplicate:
        'Environment variable "{{name}}" of {{role}} "{{container}}" is already defined at line {{line}}; the later definition wins. The API server warns: {{warning}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report, lineOf }) {
    for (const container of pod.containers) {
      const first = new Map<string, Path>();
      asArray(container.spec.env).forEach((item, index) => {
        const variable = asObject(item);
        const name = asString(variable?.name);
        if (!variable || name === undefined) return;
        const path = [...container.path, 'env', index];
        const earlier = first.get(name);
        if (!earlier) {
          first.set(name, path);
          return;
        }
        if (!hidesPrevious(variable, name)) return;
        report({
          path: [...path, 'name'],
          messageId: 'duplicate',
          data: {
            name,
            role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(),
            container: container.name,
            line: lineOf([...earlier, 'name']),
            warning: `${kubernetesPath(pod, path)}: hides previous definition of ${goQuote(name)}, which may be dropped when using apply`,
          },
        });
      });
    }
  },
});

/**
 * The API server's test (pkg/api/pod/warnings.go): a redefinition is fine only when it builds on
 * the earlier value, `X: "$(X)-suffix"`. A valueFrom, a bare `$(X)`, or any value that does not
 * refer to `$(X)` hides the earlier definition.
 */
function hidesPrevious(variable: Record<string, unknown>, name: string): boolean {
  const reference = `$(${name})`;
  const value = asString(variable.value) ?? '';
  if (variable.valueFrom !== undefined && variable.valueFrom !== null) return true;
  return value === reference || !value.includes(reference);
}
