import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'file-too-large',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description: 'Report files over 8 MiB, which are not parsed; no real manifest comes close.',
      remediation: 'Split the file, or exclude generated data from the lint with --ignore-pattern.',
    },
    messages: { size: 'The file is {{size}} bytes, over the limit of {{limit}}; it was not parsed.' },
    defaultOptions: {},
  },
});
