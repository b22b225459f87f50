import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { ConfigResolver } from '../../src/config/resolve-config.js';
import { checkRuleSource } from '../../src/custom-rules/check-rule-source.js';
import { defineRule } from '../../src/engine/define-rule.js';
import { configureRules, RuleSettingsError } from '../../src/engine/rule-settings.js';
import { lintText } from '../../src/lint.js';
import { repoWorkspace } from '../helpers/workspace.js';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';

describe("a rule's prepare", () => {
  it('runs once per options object, and check receives what it returns', () => {
    const calls: string[][] = [];
    const rule = defineRule({
      id: 'acme/name-pattern',
      meta: {
        type: 'suggestion',
        defaultSeverity: 'warning',
        docs: { description: 'Names match.', remediation: 'Rename.' },
        messages: { mismatch: 'Container "{{container}}" does not match.' },
        schema: { type: 'object', properties: { patterns: { type: 'array', items: { type: 'string' } } } },
        defaultOptions: { patterns: [] as string[] },
      },
      prepare(options) {
        calls.push(options.patterns);
        return { patterns: options.patterns.map((pattern) => new RegExp(`^${pattern}$`)) };
      },
      check({ pod, report }, { patterns }) {
        for (const container of pod.containers) {
          if (!patterns.some((pattern) => pattern.test(container.name))) report({ path: container.path, messageId: 'mismatch', data: { container: container.name } });
        }
      },
    });
    const settings = { rules: configureRules([rule], { 'acme/name-pattern': ['warning', { patterns: ['web-.*'] }] }), kubernetesVersion: '1.36' };
    for (let file = 0; file < 3; file++) {
      expect(lintText(`pod-${file}.yaml`, POD, settings).findings.map((finding) => finding.message)).toEqual(['Container "app" does not match.']);
    }
    expect(calls).toEqual([['web-.*']]);
  });

  it('turns a bad pattern into a configuration error before anything is linted', () => {
    expect(() => configureRules(builtinRules, { 'secret-in-env-value': ['warning', { secretNames: ['TOKEN', '('] }] })).toThrow(
      new RuleSettingsError('Rule "secret-in-env-value": invalid options: "(" is not a regular expression.'),
    );
  });

  it('reports a bad pattern in a configuration file at the options, with the file and line', async () => {
    const dir = repoWorkspace({ '.podlint.yaml': 'rules:\n  secret-in-env-value:\n    - warning\n    - { ignoredNames: ["[a-"] }\n', 'pod.yaml': POD });
    const error = await new ConfigResolver(dir).forFile(path.join(dir, 'pod.yaml')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((problem) => `${path.basename(problem.filePath)}:${problem.range!.start.line + 1}:${problem.range!.start.column + 1} ${problem.message}`)).toEqual([
      '.podlint.yaml:4:9 Rule "secret-in-env-value": invalid options: "[a-" is not a regular expression.',
    ]);
  });

  it('is a key custom TypeScript rules may have, written as a function', () => {
    const source = (prepare: string) => `import { defineRule } from 'podlint';
export default defineRule({
  id: 'acme/x',
  meta: { type: 'problem', defaultSeverity: 'warning', docs: { description: 'd', remediation: 'r' }, messages: { m: 'm' }, defaultOptions: {} },
  prepare: ${prepare},
  check({ report }) { report({ path: [], messageId: 'm' }); },
});
`;
    expect(checkRuleSource('x.ts', source('(options) => options')).problems).toEqual([]);
    expect(checkRuleSource('x.ts', source('42')).problems.map((problem) => problem.message)).toEqual(['prepare must be a function (options => what check receives).']);
  });
});
