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
    messages: {
      syntax: 'YAML syntax error: {{error}}',
      unexpandable: 'The document cannot be expanded: {{reason}}.',
      unparsable: 'The file cannot be parsed: {{reason}}.',
      separator:
        'kubectl splits a file into documents at its --- lines and allows only a comment after one; it refuses "--- {{rest}}" (invalid Yaml document separator). Put the content on the next line.',
      directive:
        'kubectl splits a file into documents at its --- lines before reading them, which cuts the directive "{{directive}}" off from its document; it refuses the file. Remove the directive.',
      blockScalarTab:
        "A tab where the block scalar's indentation is expected: kubectl refuses the file (found a tab character where an indentation space is expected). Indent with spaces; a tab may follow the indentation.",
      slashEscape: 'kubectl reads YAML 1.1, which has no \\/ escape (YAML 1.2 added it); it refuses the file (found unknown escape character). Write / alone.',
      unicodeEscape:
        'The escape \\{{escape}} is {{what}}, which kubectl refuses (found invalid Unicode character escape code); write the character itself or \\U with its code point.',
    },
    defaultOptions: {},
  },
});
