import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { configDependencies, dependsOn } from '../../src/config/dependencies.js';
import { loadConfig } from '../../src/config/load-config.js';
import { dependencyWatchers } from '../../src/lsp/watchers.js';
import { repoWorkspace } from '../helpers/workspace.js';

const RULE = `export default {
  id: 'acme/x',
  meta: { type: 'problem', defaultSeverity: 'warning', defaultOptions: {}, docs: { description: 'x', remediation: 'x' }, messages: { x: 'x' } },
  check() {},
};
`;

describe('what a configuration depends on', () => {
  it('is every file it extends and the static base of each rule glob, which a change under it concerns', async () => {
    const root = repoWorkspace({
      'shared/base.yaml': 'customRules: ["./rules/**/*.mjs"]\n',
      'shared/rules/a/x.mjs': RULE,
      'app/.podlint.yaml': 'extends: [strict, ../shared/base.yaml]\n',
    });
    const loaded = await loadConfig(path.join(root, 'app/.podlint.yaml'), builtinRules);
    const dependencies = configDependencies(loaded);
    expect(dependencies).toEqual({
      files: [path.join(root, 'shared/base.yaml'), path.join(root, 'app/.podlint.yaml')],
      ruleDirectories: [path.join(root, 'shared/rules')],
    });
    expect(dependsOn(dependencies, path.join(root, 'shared/base.yaml'))).toBe(true);
    // A new rule module, or a helper, anywhere under the glob's base.
    expect(dependsOn(dependencies, path.join(root, 'shared/rules/b/new.ts'))).toBe(true);
    expect(dependsOn(dependencies, path.join(root, 'shared/rules/a/notes.md'))).toBe(false);
    expect(dependsOn(dependencies, path.join(root, 'shared/other.mjs'))).toBe(false);

    // As watchers: the extended file and the rule directory; the .podlint.yaml in the workspace
    // is the general glob's.
    expect(dependencyWatchers(dependencies, root, true)).toEqual([
      { globPattern: { baseUri: pathToFileURL(path.join(root, 'shared')).href, pattern: 'base.yaml' } },
      { globPattern: { baseUri: pathToFileURL(path.join(root, 'shared/rules')).href, pattern: '**/*.{js,mjs,cjs,ts,mts,cts}' } },
    ]);
    expect(dependencyWatchers(dependencies, path.join(root, 'shared'), false)).toEqual([
      { globPattern: path.join(root, 'shared/base.yaml') },
      { globPattern: path.join(root, 'app/.podlint.yaml') },
      { globPattern: `${path.join(root, 'shared/rules')}/**/*.{js,mjs,cjs,ts,mts,cts}` },
    ]);
  });
});
