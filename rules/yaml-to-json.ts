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
    messages: {
      notFinite: '{{value}} is {{what}}, which JSON cannot hold; kubectl rejects the file (json: unsupported value: {{go}}). Quote it if it is text.',
      undecodable: '{{value}} does not decode: kubectl rejects the file ({{error}}).',
      mergeNeedsMap:
        'A << merge needs a mapping, an alias of one or a list of those; kubectl rejects the file (map merge requires map or sequence of maps as the value).',
      keyWithoutJson: 'The key {{key}} has no JSON form: kubectl rejects the file ({{error}}). Quote it.',
      collectionKey: 'A mapping or a list cannot be a key in JSON: kubectl rejects the file (invalid map key).',
    },
    defaultOptions: {},
  },
});
