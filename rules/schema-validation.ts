import { defineRule } from '../src/engine/define-rule.js';
import { schemaProblems } from '../src/validate/schema-problems.js';
import { validateObject } from '../src/validate/validate-object.js';

export default defineRule({
  id: 'schema-validation',
  meta: {
    type: 'problem',
    scope: 'object',
    defaultSeverity: 'error',
    docs: {
      description:
        'Validate every object strictly against the Kubernetes OpenAPI schema of the chosen version: unknown fields, wrong types, unsupported enum values, missing required fields.',
      remediation:
        'Fix the field the message names: rename a misspelled field, quote a value YAML reads as a boolean or number where Kubernetes wants a string, use one of the supported values, or add the missing field.',
    },
    messages: {
      unknownField: 'unknown field "{{field}}" in {{parent}}{{hint}}',
      wrongType: '{{path}} must be {{expected}}, not {{actual}}{{hint}}',
      unsupportedValue: '{{path}}: Unsupported value: {{value}}: supported values: {{allowed}}',
      requiredField: 'missing required field "{{field}}" in {{parent}}',
      outOfRange: '{{path}} must be a 32-bit integer, between {{min}} and {{max}}, not {{value}}',
      outOfBounds: '{{path}} must be {{bound}}, not {{value}}',
      invalid: '{{path}} {{problem}}',
    },
    defaultOptions: {},
  },
  check({ object, kubernetesVersion, customSchemas, report }) {
    const validation = validateObject(object, { kubernetesVersion, customSchemas });
    for (const problem of schemaProblems(validation, object)) report(problem);
  },
});
