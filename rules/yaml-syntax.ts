import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'yaml-syntax',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description: 'Report YAML that does not parse; the document is not linted, the rest of the file is.',
      remediation: 'Fix the YAML at the reported position (indentation, an unclosed quote or bracket, a tab).',
    },
    messages: { syntax: '{{message}}' },
    defaultOptions: {},
  },
});
