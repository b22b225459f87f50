import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { configureRules, resolveRuleOptions, RuleSettingsError } from '../../src/engine/rule-settings.js';

const optionsOf = (configured: ReturnType<typeof configureRules>, id: string) => configured.find((entry) => entry.rule.id === id)!.options;

describe('rule options', () => {
  it('are resolved once per options object, however many settings share it', () => {
    const shared = { allowedImages: ['registry.local/*'] };
    const first = configureRules(builtinRules, { 'latest-image-tag': ['warning', shared] });
    const second = configureRules(builtinRules, { 'latest-image-tag': ['error', shared], 'run-as-root': 'off' });
    expect(optionsOf(first, 'latest-image-tag')).toEqual({ allowedImages: ['registry.local/*'] });
    expect(optionsOf(second, 'latest-image-tag')).toBe(optionsOf(first, 'latest-image-tag'));
    // An equal but different object is its own entry (a caller may build settings afresh).
    const third = configureRules(builtinRules, { 'latest-image-tag': ['warning', { allowedImages: ['registry.local/*'] }] });
    expect(optionsOf(third, 'latest-image-tag')).not.toBe(optionsOf(first, 'latest-image-tag'));
  });

  it('are validated every time they are invalid, never cached as good', () => {
    const bad = { allowedImages: 'nginx' };
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => configureRules(builtinRules, { 'latest-image-tag': ['warning', bad] })).toThrow(RuleSettingsError);
    }
  });

  it('that a caller already validated get their defaults, and configureRules takes them as they are', () => {
    const rule = builtinRules.find((candidate) => candidate.id === 'secret-in-env-value')!;
    const user = { detectCredentials: false };
    const resolved = resolveRuleOptions(rule, user, { validated: true });
    expect(resolved).toMatchObject({ detectCredentials: false, secretNames: rule.meta.defaultOptions.secretNames });
    expect(optionsOf(configureRules(builtinRules, { 'secret-in-env-value': ['warning', user] }), 'secret-in-env-value')).toBe(resolved);
  });
});
