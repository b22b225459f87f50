import { describe, expect, it } from 'vitest';
import { labelSelectorRequirements, mapSelectorRequirements, matchesRequirement } from '../../src/k8s/label-selector.js';
import { portNameErrors } from '../../src/k8s/port-name.js';

const matches = (selector: Record<string, unknown>, labels: Record<string, string>) =>
  labelSelectorRequirements(selector)?.every((requirement) => matchesRequirement(requirement, labels));

describe('label selectors, as labels.Selector.Matches decides', () => {
  it.each([
    [{ matchLabels: { app: 'web' } }, { app: 'web', tier: 'x' }, true],
    [{ matchLabels: { app: 'web' } }, { app: 'api' }, false],
    [{ matchLabels: { app: 'web' } }, {}, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, { tier: 'b' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, {}, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, { tier: 'a' }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, { tier: '' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, { tier: '' }, false],
  ])('%j matches %j: %s', (selector, labels, expected) => {
    expect(matches(selector, labels)).toBe(expected);
  });

  it('cannot read selectors Kubernetes rejects, so nothing is compared', () => {
    expect(labelSelectorRequirements({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] })).toBeUndefined();
    expect(labelSelectorRequirements({ matchExpressions: [{ key: 'a', operator: 'In' }] })).toBeUndefined();
    expect(labelSelectorRequirements({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toBeUndefined();
    expect(labelSelectorRequirements({ matchLabels: { a: { nested: true } } })).toBeUndefined();
  });

  it('reads a ReplicationController\'s map selector as equality requirements, with their paths', () => {
    expect(mapSelectorRequirements({ app: 'web', version: 2 })).toEqual([
      { key: 'app', operator: 'In', values: ['web'], path: ['app'] },
      { key: 'version', operator: 'In', values: ['2'], path: ['version'] },
    ]);
  });
});

describe('port names (IANA_SVC_NAME), in IsValidPortName\'s words', () => {
  it.each([
    ['http', []],
    ['web-8080', []],
    ['8080', ['must contain at least one letter (a-z)']],
    ['HTTP', ['must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)', 'must contain at least one letter (a-z)']],
    ['a--b', ['must not contain consecutive hyphens']],
    ['-http', ['must not begin or end with a hyphen']],
    ['a-very-long-port-name', ['must be no more than 15 characters']],
  ])('%s', (name, errors) => {
    expect(portNameErrors(name)).toEqual(errors);
  });
});
