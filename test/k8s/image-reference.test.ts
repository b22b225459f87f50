import { describe, expect, it } from 'vitest';
import { parseImageReference } from '../../src/k8s/image-reference.js';

describe('parseImageReference', () => {
  it.each([
    ['nginx', undefined, 'nginx', undefined, undefined],
    ['nginx:1.27', undefined, 'nginx', '1.27', undefined],
    ['library/nginx:latest', undefined, 'library/nginx', 'latest', undefined],
    ['registry.local:5000/app', 'registry.local:5000', 'app', undefined, undefined],
    ['registry.local:5000/team/app:2.0', 'registry.local:5000', 'team/app', '2.0', undefined],
    ['localhost/app:dev', 'localhost', 'app', 'dev', undefined],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined, undefined],
    ['ghcr.io/org/app@sha256:abc', 'ghcr.io', 'org/app', undefined, 'sha256:abc'],
    ['nginx:1.27@sha256:abc', undefined, 'nginx', '1.27', 'sha256:abc'],
    ['team/app', undefined, 'team/app', undefined, undefined],
  ])('%s', (text, registry, repository, tag, digest) => {
    expect(parseImageReference(text)).toEqual({ text, registry, repository, tag, digest });
  });
});
