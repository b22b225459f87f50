import { defineRule } from '../src/engine/define-rule.js';
import { everyQuantityField, resourceFieldPath } from '../src/k8s/quantity-fields.js';

export default defineRule({
  id: 'invalid-quantity',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Report resource quantities Kubernetes cannot decode (requests, limits, overhead, emptyDir sizeLimit, divisors, claim sizes), with its own error text.',
      remediation:
        'Write a number with an optional suffix: binary Ki, Mi, Gi, Ti, Pi, Ei; decimal m, k, M, G, T, P, E; or an exponent (1e3). No spaces, no B, and mind the case: 1Gi, 500m, 128974848.',
    },
    messages: {
      invalid: '{{field}}: {{value}}: {{error}}',
      outOfRange: '{{field}}: {{value}} is {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const field of everyQuantityField(pod)) {
      if (!field.problem) continue;
      report({
        path: field.path,
        messageId: field.problem.kind === 'invalid' ? 'invalid' : 'outOfRange',
        data: { field: resourceFieldPath(field), value: field.display, error: field.problem.message },
      });
    }
  },
});
