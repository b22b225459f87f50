import { defineRule } from '../src/engine/define-rule.js';
import { validateObject } from '../src/validate/validate-object.js';

export default defineRule({
  id: 'unknown-kind',
  meta: {
    type: 'suggestion',
    scope: 'object',
    defaultSeverity: 'off',
    docs: {
      description: 'Report objects of kinds with no schema (custom resources), which schema validation skips.',
      remediation: 'Give podlint the CRD or a JSON Schema of the kind with `--schema-dir DIR`, or leave this rule off.',
    },
    messages: {
      unknown: 'No schema for {{apiVersion}} {{kind}} (a custom resource?): it is not validated; add its CRD or JSON Schema with --schema-dir.',
    },
    defaultOptions: {},
  },
  check({ object, kubernetesVersion, customSchemas, report }) {
    const validation = validateObject(object, { kubernetesVersion, customSchemas });
    if (validation.status !== 'unknown-kind') return;
    report({ path: ['kind'], messageId: 'unknown', data: { apiVersion: validation.apiVersion, kind: validation.kind } });
  },
});
