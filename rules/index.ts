// The registry of built-in rules. One rule per file; the file name is the rule id (a test checks).
import type { AnyRule } from '../src/engine/define-rule.js';
import duplicateKey from './duplicate-key.js';
import fileTooLarge from './file-too-large.js';
import helmTemplate from './helm-template.js';
import invalidEncoding from './invalid-encoding.js';
import latestImageTag from './latest-image-tag.js';
import privilegedContainer from './privileged-container.js';
import yamlSyntax from './yaml-syntax.js';

export const builtinRules: readonly AnyRule[] = [
  // Reported while reading files.
  yamlSyntax,
  duplicateKey,
  helmTemplate,
  invalidEncoding,
  fileTooLarge,
  // Pod rules.
  latestImageTag,
  privilegedContainer,
];
