import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'unreadable-file',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description: 'Report files that cannot be read (no permission, removed or replaced by a directory during the run); the run goes on with the other files.',
      remediation: 'Make the file readable by the user podlint runs as, or exclude it with --ignore-pattern or ignorePatterns.',
    },
    messages: {
      directory: 'The file cannot be read: it is a directory.',
      failed: 'The file cannot be read: {{reason}}.',
    },
    defaultOptions: {},
  },
});
