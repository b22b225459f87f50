import { defineRule } from '../src/engine/define-rule.js';

// Reported by the suppression stage (src/suppress/), after every other rule has run.
export default defineRule({
  id: 'unused-suppression',
  meta: {
    type: 'suggestion',
    scope: 'file',
    defaultSeverity: 'off',
    docs: {
      description:
        'Report suppression directives and podlint.dev/ignore annotations that suppressed nothing (on with --report-unused-directives, and in the strict preset).',
      remediation:
        'Remove the directive or annotation, or the rule ids in it that no longer fire, so stale suppressions cannot hide a new problem later.',
    },
    messages: {
      directive: 'The podlint-{{kind}} directive suppressed nothing; remove it.',
      directiveRule: 'The podlint-{{kind}} directive suppressed no "{{rule}}" finding; remove "{{rule}}" from it.',
      annotation: 'The annotation {{annotation}} suppressed nothing; remove it.',
      annotationRule: 'The annotation {{annotation}} suppressed no "{{rule}}" finding; remove "{{rule}}" from it.',
    },
    defaultOptions: {},
  },
});
