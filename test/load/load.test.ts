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
    expect(file.problems[0]!.message).toBe('Duplicate key "name" (first on line 4); kubectl keeps the last value and silently drops the first.');
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

// Each case here is a difference test/integrations/kubectl.test.ts found between the yaml
// package and kubectl; these keep them fixed without kubectl.
describe('reads YAML as kubectl does (sigs.k8s.io/yaml over go-yaml v2)', () => {
  const values = (text: string) => loadText('x.yaml', `kind: ConfigMap\n${text}`).documents[0]!.objects[0]!.value;
  const problems = (text: string) => loadText('x.yaml', text).problems.map((problem) => `${problem.ruleId} ${problem.range.start.line + 1}:${problem.range.start.column + 1}`);

  it("resolves numbers as go-yaml does: underscores anywhere, Go's ParseInt and ParseFloat, out of range stays text", () => {
    expect(values('v: [0_, 0x_, 0b_, +_1, 1e1_0, 0b+1, 0b-1, ._5, .5_0, ., -., 1e400, -0.0, 07777777777777777777777, 08, 0o8]\n').v).toEqual([
      0, '0x_', '0b_', 1, 1e10, 1, -1, '._5', 0.5, '.', '-.', '1e400', 0, 7.777777777777777e21, 8, '0o8',
    ]);
    expect(Object.is((values('v: -0.0\n').v as number), 0)).toBe(true); // kubectl reads back the JSON -0 as 0
  });

  it('makes JSON keys as sigs.k8s.io/yaml does: booleans, exact int64, floats as Go formats a float32', () => {
    expect(Object.keys(values('v: {n: a, On: b, 9007199254740993: c, 1e6: d, 1.5: e, 0.00001: f, 3.14159265358979: g, .inf: h, 2001-12-14: i}\n').v as object).sort()).toEqual(
      ['.inf', '1.5', '1e+06', '1e-05', '2001-12-14', '3.1415927', '9007199254740993', 'false', 'true'],
    );
    expect(Object.keys(values('v: {1.0: a}\n').v as object)).toEqual(['1']);
  });

  it('resolves a finding path through such keys to the key written in the file', () => {
    const file = loadText('x.yaml', 'kind: ConfigMap\ndata:\n  1e6: a\n  n: b\n');
    const { sourceMap } = file.documents[0]!;
    expect(sourceMap.resolve(['data', '1e+06'])).toMatchObject({ exact: true, range: { start: { line: 2, column: 7 } } });
    expect(sourceMap.resolve(['data', 'false'])).toMatchObject({ exact: true, range: { start: { line: 3, column: 5 } } });
  });

  it("merges << in go-yaml's order: a later entry replaces an earlier one, earlier maps of a list win", () => {
    const value = values(
      'base: &base {a: 1, b: 2}\nother: &other {a: 10, c: 30}\nbefore: {a: 0, <<: *base}\nafter: {<<: *base, a: 0}\ntwo: {<<: *base, <<: *other}\nlist: {<<: [*base, *other]}\nquoted: {"<<": x}\n',
    );
    expect(value).toMatchObject({ before: { a: 1, b: 2 }, after: { a: 0, b: 2 }, two: { a: 10, b: 2, c: 30 }, list: { a: 1, b: 2, c: 30 }, quoted: { '<<': 'x' } });
  });

  it('decodes explicit tags as go-yaml does, and reports what it refuses as yaml-to-json', () => {
    expect(values('v: [!!float 1, !!int "12", !!str 12, !!binary aGVsbG8=, ! 12, !custom yes]\ns: !!set {a}\no: !!omap [a: 1]\n')).toMatchObject({
      v: [1, 12, '12', 'hello', '12', 'yes'],
      s: { a: null },
      o: [{ a: 1 }],
    });
    expect(problems('a: !!int three\nb: !!int 1.5\nc: !!binary "no!"\n')).toEqual(['yaml-to-json 1:10', 'yaml-to-json 2:10', 'yaml-to-json 3:13']);
  });

  it('reports .inf, .nan and keys JSON cannot hold, and still lints the document', () => {
    const file = loadText('x.yaml', 'kind: ConfigMap\na: .inf\nb: [-.Inf, .NaN]\nc:\n  ~: x\n  18446744073709551615: y\n  ? [k]\n  : z\nd: {<<: 1}\n');
    expect(file.problems.map((problem) => `${problem.ruleId} ${problem.range.start.line + 1}:${problem.range.start.column + 1}`)).toEqual([
      'yaml-to-json 2:4', 'yaml-to-json 3:5', 'yaml-to-json 3:12', 'yaml-to-json 5:3', 'yaml-to-json 6:3', 'yaml-to-json 7:5', 'yaml-to-json 9:9',
    ]);
    expect(file.problems[0]!.message).toBe('".inf" is infinity, which JSON cannot hold; kubectl rejects the file (json: unsupported value: +Inf). Quote it if it is text.');
    expect(file.documents[0]!.objects[0]!.value).toMatchObject({ a: Number.POSITIVE_INFINITY, c: {}, d: {} });
  });

  it('reports an anchor that contains itself instead of crashing', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: &spec\n  containers: [*spec]\n';
    expect(problems(text)).toEqual(['yaml-syntax 5:16']);
    expect(loadText('x.yaml', text).problems[0]!.message).toBe('The document cannot be expanded: the anchor "spec" contains itself.');
    expect(lintWithOnly(text, ['yaml-syntax']).map((finding) => finding.ruleId)).toEqual(['yaml-syntax']);
  });

  it('says when two keys meet only as JSON keys, which kubectl keeps at random', () => {
    const file = loadText('x.yaml', 'kind: ConfigMap\ndata:\n  1: a\n  "1": b\n  y: c\n  on: d\n');
    expect(file.problems.map((problem) => problem.message)).toEqual([
      'Duplicate key "1" (first on line 3); kubectl keeps one of the two at random, as the keys differ in type (a int and a string).',
      'Duplicate key "true" (first on line 5); kubectl keeps the last value and silently drops the first.',
    ]);
  });

  it('refuses a tab in a block scalar\'s indentation, \\/ and surrogate escapes, as go-yaml\'s scanner does', () => {
    // The yaml package reads both tabs as content; go-yaml refuses the first (before the content is
    // found) and accepts the second (after the indentation).
    expect(problems('kind: ConfigMap\ndata:\n  a: |\n    \tx\n  b: |\n    x\n    \ty\n')).toEqual(['yaml-syntax 4:5']);
    expect(problems('kind: ConfigMap\na: "x\\/y"\nb: "\\ud83d\\ude00"\nc: "\\U0001F600 \\u00e9"\n')).toEqual(['yaml-syntax 2:6', 'yaml-syntax 3:5', 'yaml-syntax 3:11']);
  });

  it('refuses content after --- and directives, as kubectl splits documents at --- lines itself', () => {
    // kubectl 1.32 refuses both ("invalid Yaml document separator"); 1.20 silently drops the rest
    // of the --- line. Either way the content never reaches Kubernetes.
    expect(problems('kind: ConfigMap\n--- !!map\nkind: Pod\n---   {a: 1}\n--- # a comment is fine\nkind: Secret\n')).toEqual(['yaml-syntax 2:5', 'yaml-syntax 4:7']);
    expect(problems('%YAML 1.1\n---\nkind: Pod\n')).toEqual(['yaml-syntax 1:1']);
  });

  it('reads a stream of JSON objects, as kubectl does with a file that starts with {', () => {
    const file = loadText('s.json', '{"kind": "ConfigMap", "metadata": {"name": "a"}}{"kind": "ConfigMap",\n "metadata": {"name": "b"}, "data": {"s": "\\u00e9\\/"}}\n');
    expect(file.problems).toEqual([]);
    expect(file.documents.flatMap((document) => document.objects.map((object) => [object.name, object.value.data]))).toEqual([
      ['a', undefined],
      ['b', { s: 'é/' }],
    ]);
    expect(file.documents[1]!.sourceMap.resolve(['metadata', 'name']).range.start).toEqual({ line: 1, column: 22 });
  });

  it('takes any object with an items list for a List, whatever its kind', () => {
    const file = loadText('x.yaml', 'apiVersion: example.com/v1\nkind: Bundle\nitems:\n  - { kind: ConfigMap, metadata: { name: a } }\n');
    expect(file.documents[0]!.objects.map((object) => [object.kind, object.name, object.documentPath])).toEqual([['ConfigMap', 'a', ['items', 0]]]);
  });

  it('keeps a "__proto__" key as a key', () => {
    const data = values('data:\n  __proto__: x\n').data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
