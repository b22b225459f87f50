import { describe, expect, it } from 'vitest';
import { loadText } from '../../src/load/load-text.js';
import type { Path } from '../../src/path.js';
import type { LocationTarget } from '../../src/load/source-map.js';

const TEXT = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
  containers:
    - name: app
      image: "nginx:1.27"
      ports: [{ containerPort: 80 }]
    - { name: "😀ü", image: x }
---
kind: List
items:
  - kind: Pod
    spec: { containers: [ { name: a, image: b } ] }
`;

const file = loadText('pod.yaml', TEXT);

function locate(document: number, path: Path, target?: LocationTarget) {
  const resolved = file.documents[document]!.sourceMap.resolve(path, target);
  const { start, end } = resolved.range;
  return { at: `${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1}`, exact: resolved.exact };
}

describe('SourceMap.resolve', () => {
  it.each([
    ['a scalar value, quotes included', ['spec', 'containers', 0, 'image'], undefined, '9:14-9:26', true],
    ['the key of a value', ['spec', 'containers', 0, 'image'], 'key', '9:7-9:12', true],
    ['a mapping: the key that holds it', ['spec', 'containers'], undefined, '7:3-7:13', true],
    ['an empty value: its key', ['spec', 'securityContext'], undefined, '6:3-6:18', true],
    ['a list item: its first key', ['spec', 'containers', 0], undefined, '8:7-8:11', true],
    ['a value inside a flow collection', ['spec', 'containers', 0, 'ports', 0, 'containerPort'], undefined, '10:32-10:34', true],
    ['columns in UTF-16 code units after astral characters', ['spec', 'containers', 1, 'image'], undefined, '11:29-11:30', true],
    ['a missing field: the closest ancestor, a container by its first key', ['spec', 'containers', 0, 'readinessProbe'], undefined, '8:7-8:11', false],
    ['a missing nested field: the deepest existing key', ['spec', 'securityContext', 'runAsNonRoot'], undefined, '6:3-6:18', false],
    ['an index past the end: the list', ['spec', 'containers', 5, 'image'], undefined, '7:3-7:13', false],
  ] as const)('%s', (_name, path, target, expected, exact) => {
    expect(locate(0, path, target)).toEqual({ at: expected, exact });
  });

  it('resolves paths inside a List item in the second document', () => {
    expect(locate(1, ['items', 0, 'spec', 'containers', 0, 'image'])).toEqual({ at: '16:45-16:46', exact: true });
  });

});

describe('SourceMap source text', () => {
  const text = 'kind: Pod\nbig: 9007199254740993\nhex: 0x1F\nanchor: &n 5\nalias: *n\nquoted: "8080"\nlist: [a, b]  # trailing\nnext: 1\n';
  const map = loadText('t.yaml', text).documents[0]!.sourceMap;

  it('gives a value or a key as written, quotes included, and nothing for a missing path', () => {
    expect(map.sourceText(['quoted'])).toBe('"8080"');
    expect(map.sourceText(['quoted'], 'key')).toBe('quoted');
    expect(map.sourceText(['list'])).toBe('list');
    expect(map.sourceText(['missing'])).toBeUndefined();
  });

  it("gives a scalar's text, exact beyond 2^53, and nothing for aliases, collections or missing paths", () => {
    expect(map.scalarText(['big'])).toBe('9007199254740993');
    expect(map.scalarText(['hex'])).toBe('0x1F');
    expect(map.scalarText(['anchor'])).toBe('5');
    expect(map.scalarText(['alias'])).toBeUndefined();
    expect(map.scalarText(['list'])).toBeUndefined();
    expect(map.scalarText(['list', 5])).toBeUndefined();
  });

  it("gives a node's span with its trailing comment", () => {
    const [start, end] = map.nodeSpan(['list'])!;
    expect(text.slice(start, end)).toBe('[a, b]  # trailing\n');
    expect(map.nodeSpan(['nope'])).toBeUndefined();
    expect(text.slice(...map.nodeSpan([])!)).toBe(text);
  });
});
