import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'invalid-encoding',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description: 'Report files that are binary or not UTF-8 text; Kubernetes manifests are UTF-8.',
      remediation: 'Re-encode the file as UTF-8, or exclude it if it is not a manifest.',
    },
    messages: {
      binary: 'The file is binary (a NUL byte at offset {{offset}}), not YAML or JSON text.',
      notUtf8: 'The file is not valid UTF-8 text; Kubernetes manifests must be UTF-8.',
    },
    defaultOptions: {},
  },
});
