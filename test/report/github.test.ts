import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import type { Finding } from '../../src/engine/finding.js';
import type { Severity } from '../../src/engine/severity.js';
import { configureRules } from '../../src/engine/rule-settings.js';
import { lintText } from '../../src/lint.js';
import { formatGithub } from '../../src/report/github.js';
import { fileResult, type FormatContext } from '../../src/report/results.js';
import { escapeData, escapeProperty, workflowCommand } from '../../src/report/workflow-command.js';
import { runCli } from '../helpers/cli.js';
import { PRIVILEGED_POD, UNTAGGED_POD, workspace } from '../helpers/workspace.js';

const rules = configureRules(builtinRules);
const settings = { rules, kubernetesVersion: '1.36' };

function context(root: string): FormatContext {
  return { color: false, cwd: root, rules, repositoryRoot: root };
}

function finding(severity: Severity, line: number, message = `finding on line ${line}`): Finding {
  return {
    ruleId: 'latest-image-tag',
    severity,
    message,
    filePath: 'pod.yaml',
    range: { start: { line, column: 2 }, end: { line, column: 9 }, startOffset: 0, endOffset: 0 },
  };
}

describe('workflow command escaping', () => {
  it('escapes as the Actions toolkit does: %, CR, LF in data; also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    expect(workflowCommand('warning', { file: 'a,b:c.yaml', line: 3, col: undefined }, 'two\nlines')).toBe(
      '::warning file=a%2Cb%3Ac.yaml,line=3::two%0Alines',
    );
    expect(workflowCommand('notice', {}, 'plain')).toBe('::notice::plain');
  });
});

describe('--format github', () => {
  it('annotates each finding at its file, line and columns, relative to the repository root', () => {
    const dir = workspace({ '.git/HEAD': '', 'deploy/pod.yaml': PRIVILEGED_POD, 'deploy/web.yaml': UNTAGGED_POD });
    const run = runCli(['-f', 'github', 'pod.yaml', 'web.yaml'], { cwd: path.join(dir, 'deploy'), env: { FORCE_COLOR: '1' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        '::warning file=deploy/pod.yaml,line=8,col=7,endLine=8,endColumn=21,title=podlint privilege-escalation::' +
          'Container "shell" can always escalate privileges: it is privileged.',
        '::error file=deploy/pod.yaml,line=8,col=38,endLine=8,endColumn=41,title=podlint privileged-container::' +
          'Container "shell" is privileged: it has every capability and access to all host devices, as root on the node.',
        '::warning file=deploy/web.yaml,line=7,col=14,endLine=7,endColumn=18,title=podlint latest-image-tag::' +
          'Container "web" has no tag on "nginx", which means latest.',
        '',
      ].join('\n'),
    );
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('leaves columns out of a multi-line annotation, as the runner requires', () => {
    const dir = workspace({});
    const multiLine: Finding = {
      ...finding('error', 2),
      range: { start: { line: 2, column: 4 }, end: { line: 5, column: 3 }, startOffset: 0, endOffset: 0 },
    };
    // An exclusive end at column 0 ends on the line above.
    const endsAtLineStart: Finding = {
      ...finding('error', 2),
      range: { start: { line: 2, column: 4 }, end: { line: 3, column: 0 }, startOffset: 0, endOffset: 0 },
    };
    const output = formatGithub([fileResult('pod.yaml', path.join(dir, 'pod.yaml'), [multiLine, endsAtLineStart])], context(dir));
    expect(output).toBe(
      '::error file=pod.yaml,line=3,endLine=6,title=podlint latest-image-tag::finding on line 2\n' +
        '::error file=pod.yaml,line=3,col=5,endLine=3,title=podlint latest-image-tag::finding on line 2\n',
    );
  });

  it('annotates at most ten per level and closes with a notice that counts the rest', () => {
    const dir = workspace({});
    const findings = [
      ...Array.from({ length: 12 }, (_, i) => finding('error', i)),
      ...Array.from({ length: 3 }, (_, i) => finding('warning', 20 + i)),
      ...Array.from({ length: 11 }, (_, i) => finding('info', 30 + i)),
    ];
    const lines = formatGithub([fileResult('pod.yaml', path.join(dir, 'pod.yaml'), findings)], context(dir)).trimEnd().split('\n');
    const count = (prefix: string) => lines.filter((line) => line.startsWith(prefix)).length;
    expect(count('::error ')).toBe(10);
    expect(count('::warning ')).toBe(3);
    // Nine notices for findings and the closing one: the runner shows ten notices at most.
    expect(count('::notice ')).toBe(10);
    expect(lines.at(-1)).toBe(
      '::notice title=podlint::4 more findings are not annotated (2 errors, 2 notices): GitHub shows at most 10 annotations of each level per step. The job summary and the SARIF report list them all.',
    );
  });

  it('writes nothing when there is nothing to report, and skips suppressed findings', () => {
    const dir = workspace({});
    const [privileged] = lintText('pod.yaml', PRIVILEGED_POD, settings, dir).findings;
    const suppressed = { ...privileged!, suppressions: [{ kind: 'directive' as const }] };
    expect(formatGithub([fileResult('pod.yaml', path.join(dir, 'pod.yaml'), [suppressed])], context(dir))).toBe('');
    expect(formatGithub([], context(dir))).toBe('');
  });
});
