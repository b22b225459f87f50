import { defineRule } from '../src/engine/define-rule.js';
import { containerRequirements, ephemeralVolumeClaimFields, overheadFields, resourceFieldPath } from '../src/k8s/quantity-fields.js';
import type { QuantityField } from '../src/k8s/resource-list.js';

/** Resources counted in bytes, where the API server warns about a fraction of a byte. */
const BYTE_RESOURCES = new Set(['memory', 'ephemeral-storage']);

export default defineRule({
  id: 'fractional-byte-quantity',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Report memory, ephemeral-storage and ephemeral volume storage quantities that are not a whole number of bytes, which the API server warns about.',
      remediation:
        'Use a whole number of bytes. A lowercase m means milli: 500m of memory is half a byte, so write 500M or 500Mi. Fractions of binary units are often not whole either: 1.1Gi is 1181116006.4 bytes, 1126Mi is whole.',
    },
    messages: {
      fractional: '{{field}}: fractional byte value "{{value}}" is invalid, must be an integer',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const fields: QuantityField[] = [];
    for (const container of pod.containers) {
      const requirements = containerRequirements(pod, container);
      fields.push(...requirements.limits, ...requirements.requests);
    }
    fields.push(...overheadFields(pod));
    for (const field of fields) {
      if (BYTE_RESOURCES.has(field.name)) reportFraction(field);
    }
    for (const field of ephemeralVolumeClaimFields(pod)) {
      if (field.name === 'storage') reportFraction(field);
    }

    function reportFraction(field: QuantityField): void {
      // MilliValue() % 1000 on the value as stored (rounded up to milli).
      if (!field.quantity || field.quantity.milliValue() % 1000n === 0n) return;
      report({ path: field.path, messageId: 'fractional', data: { field: resourceFieldPath(field), value: field.quantity.toString() } });
    }
  },
});
