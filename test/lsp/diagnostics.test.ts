import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { rangesTouch, toDiagnostic } from '../../src/lsp/diagnostics.js';

const range = { start: { line: 2, column: 4 }, end: { line: 3, column: 0 }, startOffset: 30, endOffset: 40 };
const finding = (extra: Partial<Finding>): Finding => ({ ruleId: 'latest-image-tag', severity: 'warning', message: 'm', filePath: 'f', range, ...extra });

describe('findings as LSP diagnostics', () => {
  it('maps each severity, and keeps the 0-based range with its exclusive end', () => {
    expect([toDiagnostic(finding({ severity: 'error' })), toDiagnostic(finding({})), toDiagnostic(finding({ severity: 'info' }))].map((d) => d.severity)).toEqual([1, 2, 3]);
    expect(toDiagnostic(finding({})).range).toEqual({ start: { line: 2, character: 4 }, end: { line: 3, character: 0 } });
  });

  it('links built-in rules to their page and tags deprecated fields', () => {
    expect(toDiagnostic(finding({})).codeDescription).toEqual({ href: 'https://github.com/podlint/podlint/blob/main/docs/rules/latest-image-tag.md' });
    expect(toDiagnostic(finding({ ruleId: 'my-team-rule' })).codeDescription).toBeUndefined();
    expect(toDiagnostic(finding({ deprecated: true })).tags).toEqual([2]);
    expect(toDiagnostic(finding({})).tags).toBeUndefined();
  });

  it('finds a diagnostic under a cursor at either end of its range, not beside it', () => {
    const diagnostic = { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } };
    const at = (character: number) => ({ start: { line: 2, character }, end: { line: 2, character } });
    expect([3, 4, 9, 10].map((c) => rangesTouch(diagnostic, at(c)))).toEqual([false, true, true, false]);
    expect(rangesTouch(diagnostic, { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } })).toBe(true);
  });
});
