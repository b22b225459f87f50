import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';

// Every role: whichever container reads a Secret into its environment exposes it the same way.

export default defineRule({
  id: 'env-secret-key-ref',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    tags: ['security'],
    securitySeverity: 2.0,
    docs: {
      description:
        'Report Secrets read into environment variables (env valueFrom.secretKeyRef, envFrom secretRef) in containers of any role, where they leak into child processes, crash reports and debug output.',
      remediation:
        'Mount the Secret as a volume (`secret:` volume, `readOnly: true`) and have the application read the file; file contents also follow Secret updates, environment variables do not.',
      rationale:
        'A Secret in an environment variable is inherited by every child process, printed by crash reporters and debug endpoints, and frozen at container start; a Secret mounted as a file is read only when needed and follows updates. Every role is checked. Off by default: reading Secrets from the environment is common and supported, and this is a hardening choice.',
    },
    messages: {
      secretKeyRef: '{{role}} "{{container}}" reads key "{{key}}" of Secret "{{secret}}" into the environment variable {{name}}.',
      secretRef: '{{role}} "{{container}}" loads every key of Secret "{{secret}}" into its environment.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      const role = CONTAINER_ROLE_LABELS[container.role];
      asArray(container.spec.env).forEach((item, index) => {
        const variable = asObject(item);
        const reference = asObject(asObject(variable?.valueFrom)?.secretKeyRef);
        if (!reference) return;
        report({
          path: [...container.path, 'env', index, 'valueFrom', 'secretKeyRef', 'name'],
          messageId: 'secretKeyRef',
          data: {
            role,
            container: container.name,
            name: asString(variable?.name) ?? `#${index}`,
            secret: asString(reference.name) ?? '',
            key: asString(reference.key) ?? '',
          },
        });
      });
      asArray(container.spec.envFrom).forEach((item, index) => {
        const reference = asObject(asObject(item)?.secretRef);
        if (!reference) return;
        report({
          path: [...container.path, 'envFrom', index, 'secretRef', 'name'],
          messageId: 'secretRef',
          data: { role, container: container.name, secret: asString(reference.name) ?? '' },
        });
      });
    }
  },
});
