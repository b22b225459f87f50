import { defineRule } from '../src/engine/define-rule.js';

export default defineRule({
  id: 'yaml-to-json',
  meta: {
    type: 'problem',
    scope: 'file',
    defaultSeverity: 'error',
    docs: {
      description:
        'Report YAML that parses but that Kubernetes cannot turn into JSON (.inf or .nan, a null, list or over-large key, a value its tag rejects, a bad << merge); kubectl refuses the file, podlint lints the rest.',
      remediation: 'Quote the value or the key if it is text, remove the tag, or merge a mapping.',
    },
    messages: { conversion: '{{message}}' },
    defaultOptions: {},
  },
});
