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
