import { defineRule } from '../src/engine/define-rule.js';

// Reported by the suppression stage (src/suppress/): a directive or annotation that cannot work.
export default defineRule({
  id: 'invalid-suppression',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'warning',
    docs: {
      description:
        'Report suppression directives and podlint.dev annotations that cannot work: an unknown rule id, a misspelled directive, an annotation that names a missing container.',
      remediation:
        'Fix the rule id (the message suggests the closest one), the directive name (podlint-disable-next-line, podlint-disable-line, podlint-disable, podlint-enable, podlint-disable-file) or the container name.',
    },
    messages: {
      unknownRule: 'Unknown rule "{{rule}}" in {{where}}{{hint}}; it suppresses nothing.',
      malformed: 'Unknown directive "{{directive}}"; use one of {{kinds}}.',
      annotationNotString: 'The annotation {{annotation}} must be a string of rule ids (quote it).',
      annotationEmpty: 'The annotation {{annotation}} names no rule; list rule ids, or * for every rule.',
      annotationContainer: 'The annotation {{annotation}} names container "{{container}}", but the pod has no container of that name.',
      missingReason: 'The podlint-{{kind}} directive gives no reason; add one after " -- ".',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireReason: {
          type: 'boolean',
          description: 'Also report directives that give no reason after ` -- `.',
        },
      },
    },
    defaultOptions: { requireReason: false },
  },
});
