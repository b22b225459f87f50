import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { formatMessage } from '../../src/engine/define-rule.js';
import { configureRules } from '../../src/engine/rule-settings.js';
import { lintFiles } from '../../src/lint.js';
import { loadBytes } from '../../src/load/load-bytes.js';
import { loadFile } from '../../src/load/load-file.js';
import { loadText } from '../../src/load/load-text.js';
import { UNTAGGED_POD, workspace } from '../helpers/workspace.js';

const problemsOf = (file: ReturnType<typeof loadFile>) =>
  file.problems.map((problem) => `${problem.ruleId}@${problem.range.start.line + 1}:${problem.range.start.column + 1}: ${problem.message}`);

describe('loadFile', () => {
  it('loads a readable file as loadBytes does', () => {
    const dir = workspace({ 'pod.yaml': UNTAGGED_POD });
    const file = loadFile('pod.yaml', path.join(dir, 'pod.yaml'));
    expect(file.problems).toEqual([]);
    expect(file.documents[0]!.objects[0]!.kind).toBe('Pod');
  });

  it('turns a file that is gone or became a directory into an unreadable-file problem at 1:1', () => {
    const dir = workspace({});
    mkdirSync(path.join(dir, 'now-a-dir.yaml'));
    expect(problemsOf(loadFile('gone.yaml', path.join(dir, 'gone.yaml')))).toEqual(['unreadable-file@1:1: The file cannot be read: it no longer exists (ENOENT).']);
    expect(problemsOf(loadFile('now-a-dir.yaml', path.join(dir, 'now-a-dir.yaml')))).toEqual(['unreadable-file@1:1: The file cannot be read: it is a directory.']);
  });

  it('reports an oversized file from its size, without reading it', () => {
    const dir = workspace({ 'big.yaml': 'a'.repeat(200) });
    expect(problemsOf(loadFile('big.yaml', path.join(dir, 'big.yaml'), 100))).toEqual(['file-too-large@1:1: The file is 200 bytes, over the limit of 100; it was not parsed.']);
  });
});

describe('lintFiles', () => {
  it('reports an unreadable file and lints the others', () => {
    const dir = workspace({ 'a.yaml': UNTAGGED_POD, 'c.yaml': UNTAGGED_POD });
    mkdirSync(path.join(dir, 'b.yaml'));
    const results = lintFiles(['a.yaml', 'b.yaml', 'c.yaml', 'missing.yaml'], { rules: configureRules(builtinRules), kubernetesVersion: '1.36' }, dir);
    expect(results.map((result) => [result.filePath, result.findings.map((finding) => finding.ruleId)])).toEqual([
      ['a.yaml', ['latest-image-tag']],
      ['b.yaml', ['unreadable-file']],
      ['c.yaml', ['latest-image-tag']],
      ['missing.yaml', ['unreadable-file']],
    ]);
    expect(results[1]!.errorCount).toBe(1);
  });
});

describe('load problems', () => {
  it('carry their rule, message id and data, and the message is the rule template filled', () => {
    const problems = [
      ...loadBytes('a.bin', Uint8Array.from([0x41, 0x00])).problems,
      ...loadText('d.yaml', 'kind: Pod\nmetadata:\n  name: a\n  name: b\n').problems,
      ...loadText('s.yaml', 'kind: Pod\nspec: [\n').problems,
      ...loadText('t.yaml', 'kind: Pod\nmetadata: { name: {{ .Values.name }} }\n').problems,
    ];
    expect(problems.map((problem) => [problem.ruleId, problem.messageId, problem.data])).toEqual([
      ['invalid-encoding', 'binary', { offset: 1 }],
      ['duplicate-key', 'lastWins', { key: '"name"', first: ' (first on line 3)' }],
      ['yaml-syntax', 'syntax', { error: expect.any(String) }],
      ['helm-template', 'template', undefined],
    ]);
    for (const problem of problems) {
      const rule = builtinRules.find((candidate) => candidate.id === problem.ruleId)!;
      expect(problem.message).toBe(formatMessage(rule.meta.messages[problem.messageId]!, problem.data));
    }
    const [finding] = lintFiles(['gone.yaml'], { rules: configureRules(builtinRules), kubernetesVersion: '1.36' }, workspace({}))[0]!.findings;
    expect([finding!.ruleId, finding!.messageId]).toEqual(['unreadable-file', 'failed']);
  });
});
