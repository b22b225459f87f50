import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { listRules } from '../../src/cli/list-rules.js';

describe('--list-rules', () => {
  it('prints one rule a line, sorted by id, when not on a terminal', () => {
    const lines = listRules(builtinRules).trimEnd().split('\n');
    expect(lines).toHaveLength(builtinRules.length);
    const ids = lines.map((line) => line.split(/\s+/)[0]!);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    expect(lines).toContainEqual(expect.stringMatching(/^missing-startup-probe\s+off\s+Require a startupProbe/));
  });

  it('wraps descriptions under their column to fit a terminal width, keeping every word', () => {
    const text = listRules(builtinRules, 80);
    const lines = text.trimEnd().split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
    const column = Math.max(...builtinRules.map((rule) => rule.id.length)) + '  '.length + 'warning'.length + '  '.length;
    for (const line of lines.filter((candidate) => candidate.startsWith(' '))) expect(line.search(/\S/)).toBe(column);
    const words = (value: string) => value.split(/\s+/).filter(Boolean);
    const expected = [...builtinRules].sort((a, b) => a.id.localeCompare(b.id)).flatMap((rule) => [rule.id, rule.meta.defaultSeverity, ...words(rule.meta.docs.description)]);
    expect(words(text)).toEqual(expected);
  });
});
