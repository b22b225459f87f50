import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { ConfigFinder } from '../../src/config/find-config.js';
import { presetRules, strictSeverities } from '../../src/config/presets.js';
import { ConfigResolver, mergeRuleSettings, type FileConfig } from '../../src/config/resolve-config.js';
import type { CliSettings } from '../../src/config/types.js';
import type { RuleSetting } from '../../src/engine/rule-settings.js';
import { repoWorkspace as workspace } from '../helpers/workspace.js';

function severityOf(config: FileConfig, id: string): string {
  return config.settings.rules.find((configured) => configured.rule.id === id)?.severity ?? 'off';
}

function optionsOf(config: FileConfig, id: string): object | undefined {
  return config.settings.rules.find((configured) => configured.rule.id === id)?.options;
}

async function resolveIn(dir: string, file: string, cli: CliSettings = {}): Promise<FileConfig> {
  return new ConfigResolver(dir, cli).forFile(path.join(dir, file));
}

async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems.map((problem) => `${path.basename(problem.filePath)}:${problem.range ? `${problem.range.start.line + 1}:${problem.range.start.column + 1}` : '-'} ${problem.message}`);
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('finding the configuration file', () => {
  it('takes the nearest file upwards and stops at the repository root', () => {
    const dir = workspace({ '.podlint.yaml': '{}', 'apps/web/.podlint.json': '{}', 'apps/web/deep/x.yaml': '', 'other/x.yaml': '' });
    const finder = new ConfigFinder();
    expect(finder.find(path.join(dir, 'apps/web/deep'))).toBe(path.join(dir, 'apps/web/.podlint.json'));
    expect(finder.find(path.join(dir, 'other'))).toBe(path.join(dir, '.podlint.yaml'));
    // A configuration above the repository root does not apply inside it.
    const outer = workspace({ '.podlint.yaml': '{}', 'repo/.git/HEAD': '', 'repo/x.yaml': '' }, { git: false });
    expect(new ConfigFinder().find(path.join(outer, 'repo'))).toBeUndefined();
  });

  it('prefers .podlint.yaml over .podlint.yml over .podlint.json in one directory', () => {
    const dir = workspace({ '.podlint.json': '{}', '.podlint.yml': '{}' });
    expect(new ConfigFinder().find(dir)).toBe(path.join(dir, '.podlint.yml'));
  });
});

describe('presets', () => {
  it('recommended is every rule at its default; strict turns every rule on and applies its explicit departures', () => {
    const recommended = presetRules('recommended', builtinRules);
    const strict = presetRules('strict', builtinRules);
    for (const rule of builtinRules) {
      expect(recommended[rule.id]).toBe(rule.meta.defaultSeverity);
      expect(strict[rule.id]).not.toBe('off');
    }
    expect(strict['unused-suppression']).toBe('warning');
    expect(strict['latest-image-tag']).toBe('error');
    // Every explicit strict departure names a rule that exists.
    const ids = new Set(builtinRules.map((rule) => rule.id));
    for (const id of Object.keys(strictSeverities)) expect(ids.has(id), id).toBe(true);
  });
});

describe('resolving settings per file', () => {
  const CONFIG = `extends: strict
kubernetesVersion: "1.35"
rules:
  latest-image-tag: [warning, { allowedImages: ["registry.local/*"] }]
  privileged-container: warning
overrides:
  - files: ["prod/**"]
    kubernetesVersion: "1.34"
    rules:
      privileged-container: error
      latest-image-tag: info
  - files: "prod/legacy/*.yaml"
    excludedFiles: prod/legacy/keep.yaml
    rules:
      latest-image-tag: off
`;

  it('applies preset < extends < configuration < overrides < command line', async () => {
    const dir = workspace({ '.podlint.yaml': CONFIG });
    const root = await resolveIn(dir, 'web.yaml');
    // strict (extends) turns unused-suppression on; the file's rules win over the preset.
    expect(severityOf(root, 'unused-suppression')).toBe('warning');
    expect(severityOf(root, 'latest-image-tag')).toBe('warning');
    expect(severityOf(root, 'privileged-container')).toBe('warning');
    expect(root.kubernetesVersion).toBe('1.35');

    const prod = await resolveIn(dir, 'prod/web.yaml');
    expect(severityOf(prod, 'privileged-container')).toBe('error');
    // A severity alone keeps the options an earlier layer gave.
    expect(severityOf(prod, 'latest-image-tag')).toBe('info');
    expect(optionsOf(prod, 'latest-image-tag')).toEqual({ allowedImages: ['registry.local/*'] });
    expect(prod.kubernetesVersion).toBe('1.34');

    // Later overrides win over earlier ones; excludedFiles leaves a file out.
    expect(severityOf(await resolveIn(dir, 'prod/legacy/old.yaml'), 'latest-image-tag')).toBe('off');
    expect(severityOf(await resolveIn(dir, 'prod/legacy/keep.yaml'), 'latest-image-tag')).toBe('info');

    // Flags win over everything.
    const flagged = await resolveIn(dir, 'prod/web.yaml', { rules: { 'privileged-container': 'info' }, kubernetesVersion: '1.36', failLevel: 'warning' });
    expect(severityOf(flagged, 'privileged-container')).toBe('info');
    expect(flagged.kubernetesVersion).toBe('1.36');
    expect(flagged.failLevel).toBe('warning');
  });

  it('without any configuration file the recommended preset applies', async () => {
    const dir = workspace({});
    const config = await resolveIn(dir, 'x.yaml');
    expect(config.configFile).toBeUndefined();
    for (const rule of builtinRules) expect(severityOf(config, rule.id)).toBe(rule.meta.defaultSeverity);
    expect(config.kubernetesVersion).toBe('1.36');
    expect(config.failLevel).toBe('error');
  });

  it('--report-unused-directives turns unused-suppression on at warning, or keeps a louder configured severity', async () => {
    expect(severityOf(await resolveIn(workspace({}), 'x.yaml', { reportUnusedDirectives: true }), 'unused-suppression')).toBe('warning');
    const loud = workspace({ '.podlint.yaml': 'rules: { unused-suppression: error }' });
    expect(severityOf(await resolveIn(loud, 'x.yaml', { reportUnusedDirectives: true }), 'unused-suppression')).toBe('error');
  });

  it('extends other files in order, relative to the file that names them', async () => {
    const dir = workspace({
      'base/team.yaml': 'rules: { latest-image-tag: error, privileged-container: warning }\nfailLevel: warning',
      'base/strict-ish.json': JSON.stringify({ rules: { 'privileged-container': 'info' } }),
      'apps/.podlint.yaml': 'extends: [../base/team.yaml, ../base/strict-ish.json]\nrules: { latest-image-tag: info }',
    });
    const config = await resolveIn(dir, 'apps/x.yaml');
    expect(severityOf(config, 'privileged-container')).toBe('info');
    expect(severityOf(config, 'latest-image-tag')).toBe('info');
    expect(config.failLevel).toBe('warning');
  });

  it('matches ignorePatterns relative to the configuration file', async () => {
    const dir = workspace({ 'deploy/.podlint.yaml': 'ignorePatterns: ["generated/", "*.local.yaml"]' });
    expect((await resolveIn(dir, 'deploy/generated/a.yaml')).ignored).toBe(true);
    expect((await resolveIn(dir, 'deploy/sub/b.local.yaml')).ignored).toBe(true);
    expect((await resolveIn(dir, 'deploy/c.yaml')).ignored).toBe(false);
  });

  it('loads each configuration once and shares the settings of files that resolve alike', async () => {
    const dir = workspace({ '.podlint.yaml': CONFIG });
    const resolver = new ConfigResolver(dir);
    const [a, b, c] = await Promise.all(['a.yaml', 'sub/b.yaml', 'prod/c.yaml'].map((file) => resolver.forFile(path.join(dir, file))));
    expect(a!.settings).toBe(b!.settings);
    expect(a!.settings).not.toBe(c!.settings);
  });

  it('--config uses one file for everything instead of searching', async () => {
    const dir = workspace({ '.podlint.yaml': 'rules: { latest-image-tag: error }', 'ci/podlint.yaml': 'rules: { latest-image-tag: off }' });
    const config = await resolveIn(dir, 'x.yaml', { configFile: 'ci/podlint.yaml' });
    expect(config.configFile).toBe(path.join(dir, 'ci/podlint.yaml'));
    expect(severityOf(config, 'latest-image-tag')).toBe('off');
  });

  it('reads severities as YAML 1.2: off is "off", not a boolean', async () => {
    const dir = workspace({ '.podlint.yml': 'rules:\n  latest-image-tag: off\n  privileged-container: [off]\n' });
    const config = await resolveIn(dir, 'x.yaml');
    expect(severityOf(config, 'latest-image-tag')).toBe('off');
    expect(severityOf(config, 'privileged-container')).toBe('off');
  });

  it('merges a severity alone over earlier options, and an array over everything', () => {
    const settings: Record<string, RuleSetting> = { a: ['warning', { x: 1 }], b: ['warning', { x: 1 }] };
    mergeRuleSettings(settings, { a: 'error', b: ['error', { y: 2 }], c: ['info'] });
    expect(settings).toEqual({ a: ['error', { x: 1 }], b: ['error', { y: 2 }], c: ['info'] });
  });
});

describe('configuration errors, at their line and column', () => {
  it('reports unknown keys with a suggestion, bad severities, bad options and unquoted versions', async () => {
    const dir = workspace({
      '.podlint.yaml': `kubernetesVersion: 1.35
failLevle: warning
rules:
  latest-image-tag: loud
  privileged-container: [warning, { strict: true }]
overrides:
  - rules: { latest-image-tag: [error, { allowedImages: nginx }] }
`,
    });
    expect(await problemsOf(resolveIn(dir, 'x.yaml'))).toEqual([
      '.podlint.yaml:1:20 kubernetesVersion must be a string (quote it: "1.35").',
      '.podlint.yaml:2:1 Unknown key "failLevle"; did you mean "failLevel"?',
      '.podlint.yaml:4:21 rules.latest-image-tag must be one of "off", "info", "warning", "error" (got "loud").',
      '.podlint.yaml:5:37 Unknown key "strict" in rules.privileged-container[1], which takes no keys.',
      '.podlint.yaml:7:5 overrides[0] is missing the required key "files".',
      '.podlint.yaml:7:57 overrides[0].rules.latest-image-tag[1].allowedImages must be a list.',
    ]);
  });

  it('reports unknown rule ids, with a suggestion', async () => {
    const dir = workspace({ '.podlint.json': '{\n  "rules": {\n    "latest-image-tags": "error"\n  }\n}\n' });
    expect(await problemsOf(resolveIn(dir, 'x.yaml'))).toEqual(['.podlint.json:3:5 Unknown rule "latest-image-tags"; did you mean "latest-image-tag"?']);
  });

  it('reports YAML errors, a missing extended file, an extends cycle and a non-path extends', async () => {
    expect(await problemsOf(resolveIn(workspace({ '.podlint.yaml': 'rules: [a\n' }), 'x.yaml'))).toHaveLength(1);
    const dir = workspace({
      '.podlint.yaml': 'extends: [./missing.yaml, ./a.yaml, team-preset]',
      'a.yaml': 'extends: ./.podlint.yaml',
    });
    const problems = await problemsOf(resolveIn(dir, 'x.yaml'));
    expect(problems[0]).toMatch(/^\.podlint\.yaml:1:11 Cannot read the configuration file: .*ENOENT.* \(extends "\.\/missing\.yaml"\)$/);
    expect(problems.slice(1)).toEqual([
      'a.yaml:1:10 "./.podlint.yaml" extends a configuration that extends this one (a cycle).',
      '.podlint.yaml:1:37 "team-preset" is neither a preset (recommended, strict) nor a path; write a path as ./team-preset.',
    ]);
  });

  it('reports a duplicate key', async () => {
    expect(await problemsOf(resolveIn(workspace({ '.podlint.yaml': 'failLevel: error\nfailLevel: info\n' }), 'x.yaml'))).toEqual([
      '.podlint.yaml:2:1 Duplicate key in a mapping.',
    ]);
  });
});
