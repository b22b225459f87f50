import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'duplicate-key',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description: 'Forbid the same key twice in one mapping: kubectl keeps the last value and silently drops the first.',
      remediation: 'Remove or merge one of the two entries; only one value per key reaches Kubernetes.',
    },
    messages: {
      lastWins: 'Duplicate key {{key}}{{first}}; kubectl keeps the last value and silently drops the first.',
      randomWinner: 'Duplicate key {{key}}{{first}}; kubectl keeps one of the two at random, as the keys differ in type (a {{firstType}} and a {{type}}).',
    },
    defaultOptions: {},
  },
});
