import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseAllDocuments } from 'yaml';
import { acceptsComments, disableFileEdit, disableLineEdit } from '../../src/lsp/directives.js';
import { KUBERNETES_YAML_OPTIONS, SAFE_TO_JS_OPTIONS } from '../../src/load/yaml-schema.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { lintYaml } from '../helpers/lint.js';

function apply(text: string, edit: TextEdit | undefined): string {
  if (!edit) throw new Error('no edit');
  return TextDocument.applyEdits(TextDocument.create('file:///x.yaml', 'yaml', 1, text), [edit]);
}

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: web
      image: nginx
`;

describe('disable-next-line directives', () => {
  it('goes above the line, indented like it', () => {
    expect(apply(POD, disableLineEdit(POD, 6, 'latest-image-tag')).split('\n').slice(5, 8)).toEqual([
      '    - name: web',
      '      # podlint-disable-next-line latest-image-tag',
      '      image: nginx',
    ]);
    const tabs = 'a:\n\t\tb: 1\n';
    expect(apply(tabs, disableLineEdit(tabs, 1, 'r'))).toBe('a:\n\t\t# podlint-disable-next-line r\n\t\tb: 1\n');
    expect(apply(POD, disableLineEdit(POD, 0, 'r')).startsWith('# podlint-disable-next-line r\napiVersion: v1\n')).toBe(true);
  });

  it('joins the rule to a directive already above the line, before its reason', () => {
    const text = '  # podlint-disable-next-line rule-a, rule-b -- a debug pod\n  privileged: true\n';
    expect(apply(text, disableLineEdit(text, 1, 'rule-c'))).toBe('  # podlint-disable-next-line rule-a, rule-b, rule-c -- a debug pod\n  privileged: true\n');
    const bare = '#podlint-disable-next-line\nx: 1\n';
    expect(apply(bare, disableLineEdit(bare, 1, 'rule-a'))).toBe('#podlint-disable-next-line rule-a\nx: 1\n');
    expect(disableLineEdit(text, 1, 'rule-b')).toBeUndefined();
    // A look-alike is not a directive: a new line goes in.
    const other = '# podlint-disable-next-lines rule-a\nx: 1\n';
    expect(apply(other, disableLineEdit(other, 1, 'rule-a'))).toBe('# podlint-disable-next-lines rule-a\n# podlint-disable-next-line rule-a\nx: 1\n');
  });

  it('keeps the file\'s CRLF line breaks', () => {
    const text = 'a: 1\r\n  b: 2\r\n';
    expect(apply(text, disableLineEdit(text, 1, 'r'))).toBe('a: 1\r\n  # podlint-disable-next-line r\r\n  b: 2\r\n');
  });

  it('does nothing for a line that is not in the text', () => {
    expect(disableLineEdit('a: 1\n', 5, 'r')).toBeUndefined();
  });
});

describe('disable-file directives', () => {
  it('goes to the top, after the leading comment block, and not twice', () => {
    expect(apply(POD, disableFileEdit(POD, 'r'))).toBe(`# podlint-disable-file r\n${POD}`);
    const header = '# Copyright\n# Licensed under Apache-2.0\n\n---\napiVersion: v1\n';
    const once = apply(header, disableFileEdit(header, 'r'));
    expect(once).toBe('# Copyright\n# Licensed under Apache-2.0\n# podlint-disable-file r\n\n---\napiVersion: v1\n');
    expect(disableFileEdit(once, 'r')).toBeUndefined();
    expect(apply(once, disableFileEdit(once, 's'))).toContain('# podlint-disable-file r\n# podlint-disable-file s\n');
  });

  it('handles a file of comments only, and an empty file', () => {
    expect(apply('# only', disableFileEdit('# only', 'r'))).toBe('# only\n# podlint-disable-file r\n');
    expect(apply('', disableFileEdit('', 'r'))).toBe('# podlint-disable-file r\n');
    expect(apply('# a\r\nx: 1\r\n', disableFileEdit('# a\r\nx: 1\r\n', 'r'))).toBe('# a\r\n# podlint-disable-file r\r\nx: 1\r\n');
  });

  it('is not offered for JSON', () => {
    expect(acceptsComments('{"kind": "Pod"}', 'json')).toBe(false);
    expect(acceptsComments('  [\n]', 'yaml')).toBe(false);
    expect(acceptsComments(POD, 'yaml')).toBe(true);
  });
});

// Every finding in the real-world corpus: the directive edits must leave each document's data as
// it was, parse without new errors, and put the line directive right above the finding's line.
describe('directive edits over the kubernetes/examples corpus', () => {
  const corpus = path.join(REPO_ROOT, 'test/fixtures/corpus/kubernetes-examples');
  const files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((name) => /\.ya?ml$/.test(name));

  const parse = (text: string) => {
    const documents = parseAllDocuments(text, KUBERNETES_YAML_OPTIONS);
    const list = Array.isArray(documents) ? documents : [documents];
    return { errors: list.flatMap((d) => d.errors.map((e) => e.code)), values: list.map((d) => d.toJS(SAFE_TO_JS_OPTIONS)) };
  };

  /** Applies each directive edit a finding offers and checks the data; returns how many it checked. */
  function checkEdits(name: string, text: string): number {
    const findings = lintYaml(text).filter((finding) => finding.object);
    if (findings.length === 0) return 0;
    const before = parse(text);
    expect(parse(apply(text, disableFileEdit(text, findings[0]!.ruleId))), `${name}: file directive`).toEqual(before);
    const original = text.split(/\r?\n/);
    // One check per line: every rule's directive there is the same edit but for its name.
    const lines = new Map(findings.map((finding) => [finding.range.start.line, finding.ruleId]));
    for (const [line, ruleId] of lines) {
      const edited = apply(text, disableLineEdit(text, line, ruleId));
      expect(parse(edited), `${name}:${line + 1}: line directive`).toEqual(before);
      const editedLines = edited.split(/\r?\n/);
      expect(editedLines[line]).toMatch(new RegExp(`^\\s*# podlint-disable-next-line ${ruleId}$`));
      expect(editedLines[line + 1]).toBe(original[line]);
    }
    return lines.size;
  }

  it('never changes what Kubernetes reads', () => {
    let checked = 0;
    for (const name of files) checked += checkEdits(name, readFileSync(path.join(corpus, name), 'utf8'));
    expect(checked).toBeGreaterThan(50);
  });

  it('holds for flow collections over several lines, Lists, block scalars and document markers', () => {
    const text = `# header
--- # first
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: a }
    spec:
      containers: [ { name: a,
          image: nginx }, { name: b, image: "redis:latest",
          securityContext: { privileged: true } } ]
--- # kubectl refuses content after a marker (--- !!map), so none here
apiVersion: v1
kind: Pod
metadata:
  name: b
  annotations:
    note: |
      # not a comment
      text
spec:
  containers:
    - command: [sh, -c, "sleep 1"]
      image: >-
        busybox
      name: c
    -   name: d
        image: busybox:latest
...
`;
    // At least the four lines of the image and privileged findings (two share one); more rules add lines.
    expect(checkEdits('inline', text)).toBeGreaterThanOrEqual(4);
  });
});
