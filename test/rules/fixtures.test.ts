import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { expectationKey, readExpectations } from '../helpers/expectations.js';
import { lintWithOnly } from '../helpers/lint.js';

// Each fixture is named after the rule it tests (`<rule-id>.yaml`, or `<rule-id>.<case>.yaml`).
// Only that rule runs, so a fixture states every finding it expects, and nothing else may fire.
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/rules');
const fixtures = readdirSync(FIXTURES).filter((name) => /\.ya?ml$/.test(name)).sort();

function ruleOf(fixture: string): string {
  return fixture.split('.')[0] ?? fixture;
}

describe('rule fixtures', () => {
  it.each(fixtures)('%s: findings match the # expect markers, both ways', (fixture) => {
    const text = readFileSync(path.join(FIXTURES, fixture), 'utf8');
    const ruleId = ruleOf(fixture);
    const findings = lintWithOnly(text, [ruleId], fixture);
    const actual = findings.map((finding) => expectationKey({ ruleId: finding.ruleId, line: finding.range.start.line + 1 }));
    const expected = readExpectations(text).map(expectationKey);
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('every pod or object rule has a fixture where it fires and one where it does not', () => {
    for (const rule of builtinRules.filter((candidate) => candidate.meta.scope !== 'file')) {
      const own = fixtures.filter((fixture) => ruleOf(fixture) === rule.id);
      expect(own, `fixtures for ${rule.id}`).not.toHaveLength(0);
      const texts = own.map((fixture) => readFileSync(path.join(FIXTURES, fixture), 'utf8'));
      const fires = texts.some((text) => readExpectations(text).length > 0);
      // A fixture "does not fire" somewhere: an object without any expectation in its lines.
      const quietObject = texts.some((text) => text.split(/^---$/m).some((document) => /^kind:/m.test(document) && !/#\s*expect/.test(document)));
      expect(fires, `${rule.id} fires in a fixture`).toBe(true);
      expect(quietObject, `${rule.id} has a fixture object where it does not fire`).toBe(true);
    }
  });
});
