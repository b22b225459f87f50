import { describe, expect, it } from 'vitest';
import { loadBytes } from '../../src/load/load-bytes.js';
import { loadText } from '../../src/load/load-text.js';
import { at, lintWithOnly } from '../helpers/lint.js';

const pos = (file: ReturnType<typeof loadText>, index = 0) => {
  const problem = file.problems[index]!;
  return `${problem.range.start.line + 1}:${problem.range.start.column + 1}-${problem.range.end.line + 1}:${problem.range.end.column + 1}`;
};

describe('documents and objects', () => {
  it('loads every document of a multi-document file, and the items of a List', () => {
    const file = loadText(
      'x.yaml',
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata: { name: a, namespace: ns }',
        '---',
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - { apiVersion: v1, kind: ConfigMap, metadata: { name: b } }',
        '  - { apiVersion: apps/v1, kind: Deployment, metadata: { name: c } }',
        '---',
        '# an empty document',
        '---',
        'just: a values file',
      ].join('\n'),
    );
    const objects = file.documents.flatMap((document) => document.objects);
    expect(objects.map((object) => [object.kind, object.name, object.namespace, object.documentPath])).toEqual([
      ['Pod', 'a', 'ns', []],
      ['ConfigMap', 'b', undefined, ['items', 0]],
      ['Deployment', 'c', undefined, ['items', 1]],
    ]);
    expect(file.problems).toEqual([]);
  });

  it('reads JSON files as the YAML they are, with positions', () => {
    const findings = lintWithOnly('{\n  "apiVersion": "v1",\n  "kind": "Pod",\n  "spec": { "containers": [ { "name": "a", "image": "nginx" } ] }\n}\n', ['latest-image-tag'], 'pod.json');
    expect(findings.map(at)).toEqual(['4:53-4:60']);
  });

  it('reads YAML 1.1 as Kubernetes does: yes/on are booleans, 0755 is octal, no sexagesimal or timestamps', () => {
    const file = loadText('x.yaml', 'kind: ConfigMap\ndata:\n  a: yes\n  b: on\n  c: 0755\n  d: 1:20\n  e: 2001-12-14\n  f: y\n  g: 0b101\n  h: "yes"\n');
    const data = file.documents[0]!.objects[0]!.value.data;
    expect(data).toEqual({ a: true, b: true, c: 493, d: '1:20', e: '2001-12-14', f: true, g: 5, h: 'yes' });
  });

  it("reads the integer prefixes Go's ParseInt accepts beyond YAML 1.1, as go-yaml v2 does", () => {
    const file = loadText('x.yaml', 'kind: ConfigMap\ndata:\n  a: 0o17\n  b: -0O1_7\n  c: 0X1f\n  d: 0B11\n  e: 0o8\n  f: 0x\n  g: "0o17"\n  h: 0o2000000000000000000000\n');
    const data = file.documents[0]!.objects[0]!.value.data;
    expect(data).toEqual({ a: 15, b: -15, c: 31, d: 3, e: '0o8', f: '0x', g: '0o17', h: '0o2000000000000000000000' });
  });

  it('keeps comments with their positions for suppression directives', () => {
    const file = loadText('x.yaml', '# top\nkind: Pod # trailing\nspec:\n  # inside\n  containers: []\n');
    expect(file.comments.map((comment) => [comment.text, comment.range.start.line, comment.range.start.column])).toEqual([
      [' top', 0, 0],
      [' trailing', 1, 10],
      [' inside', 3, 2],
    ]);
  });
});

describe('bad input is a finding', () => {
  it('reports a document that does not parse at the parser position and still lints the other documents', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers: [ { name: a, image: "nginx" }',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '    - name: b',
      '      image: nginx',
    ].join('\n');
    const findings = lintWithOnly(text, ['yaml-syntax', 'latest-image-tag']);
    expect(findings.map((finding) => [finding.ruleId, finding.range.start.line + 1])).toEqual([
      ['yaml-syntax', 5],
      ['latest-image-tag', 11],
    ]);
  });

  it('reports a Helm template once, at its first expression', () => {
    const file = loadText('t.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n');
    expect(file.problems.map((problem) => problem.ruleId)).toEqual(['helm-template']);
    expect(pos(file)).toBe('4:9-4:11');
    expect(file.documents).toEqual([]);
  });

  it('reports template control lines that break the parse as a template, not as YAML errors', () => {
    const file = loadText('t.yaml', '{{- if .Values.enabled }}\napiVersion: v1\nkind: Pod\n{{- end }}\n');
    expect(file.problems.map((problem) => [problem.ruleId, problem.range.start.line])).toEqual([['helm-template', 0]]);
  });

  it('treats {{ }} inside a longer quoted or block string as data, not a template', () => {
    const file = loadText('rule.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  summary: "High load on {{ $labels.instance }}"\n  text: |\n    value {{ $value }}\n');
    expect(file.problems).toEqual([]);
    expect(file.documents[0]!.objects).toHaveLength(1);
  });

  it('reports duplicate keys at the second key, naming the first line, and still lints the document', () => {
    const file = loadText('d.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n');
    expect(file.problems.map((problem) => problem.ruleId)).toEqual(['duplicate-key']);
    expect(pos(file)).toBe('5:3-5:7');
    expect(file.problems[0]!.message).toBe('Duplicate key "name" (first on line 4); kubectl rejects a mapping with the same key twice.');
    expect(file.documents[0]!.objects).toHaveLength(1);
  });

  it('reports binary files, non-UTF-8 text and oversized files once, at the start', () => {
    expect(loadBytes('a.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).problems[0]!.ruleId).toBe('invalid-encoding');
    expect(loadBytes('latin1.yaml', Buffer.from('kind: Pod\nname: caf\xe9\n', 'latin1')).problems[0]!.message).toMatch(/not valid UTF-8/);
    const big = loadBytes('big.yaml', Buffer.alloc(200, 'a'), 100);
    expect(big.problems.map((problem) => [problem.ruleId, problem.range.start.line, problem.range.start.column])).toEqual([['file-too-large', 0, 0]]);
  });

  it('strips a UTF-8 byte order mark', () => {
    const file = loadBytes('bom.yaml', Buffer.from('\ufeffapiVersion: v1\nkind: Pod\n', 'utf8'));
    expect(file.problems).toEqual([]);
    expect(file.documents[0]!.objects[0]!.kind).toBe('Pod');
  });

  it('reports an alias bomb instead of expanding it', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const file = loadText('bomb.yaml', `kind: ConfigMap\n${lines.join('\n')}\n`);
    expect(file.problems.map((problem) => problem.ruleId)).toEqual(['yaml-syntax']);
    expect(file.problems[0]!.message).toMatch(/cannot be expanded/);
  });
});
