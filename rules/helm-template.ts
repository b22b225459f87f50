import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'helm-template',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description: 'Report files that are Helm or Go templates ({{ }}) rather than manifests; they are not linted.',
      remediation:
        'Lint the rendered output instead (`helm template chart/ | podlint -`), or exclude template folders with --ignore-pattern.',
    },
    messages: {
      template: 'This file is a template ({{ }} syntax), not a manifest; render it first (for example `helm template ... | podlint -`).',
    },
    defaultOptions: {},
  },
});
