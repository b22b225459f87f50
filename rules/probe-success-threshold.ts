import { defineRule } from '../src/engine/define-rule.js';
import { asNumber, asObject } from '../src/json.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS, containersAndSidecars } from '../src/k8s/pod-view.js';

const PROBES = ['livenessProbe', 'startupProbe'] as const;

export default defineRule({
  id: 'probe-success-threshold',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description: 'Require successThreshold 1 (or unset) on liveness and startup probes, the only value Kubernetes accepts there.',
      remediation:
        'Remove `successThreshold` from the liveness or startup probe (it defaults to 1); to demand several successes before traffic, raise it on the readiness probe instead.',
    },
    messages: {
      mustBeOne:
        'The {{probe}} of {{role}} "{{container}}" has successThreshold {{value}}; one success is what makes a container live or started. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of containersAndSidecars(pod)) {
      for (const probe of PROBES) {
        const path = [...container.path, probe, 'successThreshold'];
        const value = asNumber(asObject(container.spec[probe])?.successThreshold);
        // 0 is defaulted to 1; a value that is not an integer is a schema finding.
        if (value === undefined || !Number.isInteger(value) || value === 0 || value === 1) continue;
        report({
          path,
          messageId: 'mustBeOne',
          data: {
            probe,
            role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(),
            container: container.name,
            value,
            rejection: rejection(pod),
            error: `${kubernetesPath(pod, path)}: Invalid value: ${value}: must be 1`,
          },
          fix: { title: 'Set successThreshold to 1', path, text: '1' },
        });
      }
    }
  },
});
