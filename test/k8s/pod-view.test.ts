import { describe, expect, it } from 'vitest';
import { podView } from '../../src/k8s/pod-view.js';
import { loadText } from '../../src/load/load-text.js';

function viewOf(text: string) {
  const object = loadText('x.yaml', text).documents[0]!.objects[0]!;
  return podView(object);
}

const containers = 'containers: [{ name: app, image: a:1 }]';

describe('podView', () => {
  it.each([
    ['v1', 'Pod', `spec: { ${containers} }`, ['spec']],
    ['v1', 'PodTemplate', `template: { spec: { ${containers} } }`, ['template', 'spec']],
    ['v1', 'ReplicationController', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['apps/v1', 'Deployment', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['extensions/v1beta1', 'Deployment', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['apps/v1', 'ReplicaSet', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['apps/v1', 'StatefulSet', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['apps/v1', 'DaemonSet', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['batch/v1', 'Job', `spec: { template: { spec: { ${containers} } } }`, ['spec', 'template', 'spec']],
    ['batch/v1', 'CronJob', `spec: { jobTemplate: { spec: { template: { spec: { ${containers} } } } } }`, ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
  ])('%s %s keeps its pod spec at the right path', (apiVersion, kind, body, specPath) => {
    const view = viewOf(`apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: x, namespace: ns }\n${body}\n`);
    expect(view?.specPath).toEqual(specPath);
    expect(view?.isTemplate).toBe(kind !== 'Pod');
    expect(view?.owner).toMatchObject({ kind, apiVersion, name: 'x', namespace: 'ns' });
    expect(view?.containers.map((container) => [container.name, container.path])).toEqual([['app', [...specPath, 'containers', 0]]]);
  });

  it('gives every container its role: init, sidecar (init with restartPolicy Always), container, ephemeral', () => {
    const view = viewOf(`apiVersion: v1
kind: Pod
spec:
  initContainers:
    - { name: migrate, image: m:1 }
    - { name: mesh, image: e:1, restartPolicy: Always }
    - { name: flaky, image: f:1, restartPolicy: OnFailure }
  containers:
    - { name: app, image: a:1 }
    - { image: b:1 }
  ephemeralContainers:
    - { name: debug, image: d:1 }
`);
    expect(view?.containers.map((container) => [container.role, container.name, container.list, container.index])).toEqual([
      ['init', 'migrate', 'initContainers', 0],
      ['sidecar', 'mesh', 'initContainers', 1],
      ['init', 'flaky', 'initContainers', 2],
      ['container', 'app', 'containers', 0],
      ['container', '#1', 'containers', 1],
      ['ephemeral', 'debug', 'ephemeralContainers', 0],
    ]);
  });

  it('has no view for kinds without a pod spec, custom resources reusing a name, or a malformed spec', () => {
    expect(viewOf('apiVersion: v1\nkind: Service\nspec: {}\n')).toBeUndefined();
    expect(viewOf(`apiVersion: example.com/v1\nkind: Deployment\nspec: { template: { spec: { ${containers} } } }\n`)).toBeUndefined();
    expect(viewOf('apiVersion: apps/v1\nkind: Deployment\nspec: { template: "nope" }\n')).toBeUndefined();
  });

  it.each([
    ['v1', 'Pod', 'spec: { containers: [] }', 1],
    ['v1', 'PodTemplate', 'template: { spec: { containers: [] } }', 'none'],
    ['apps/v1', 'Deployment', 'spec: { template: { spec: { containers: [] } } }', 1],
    ['apps/v1', 'Deployment', 'spec: { replicas: 0, template: { spec: { containers: [] } } }', 0],
    ['apps/v1', 'StatefulSet', 'spec: { replicas: 5, template: { spec: { containers: [] } } }', 5],
    ['apps/v1', 'ReplicaSet', 'spec: { replicas: "3", template: { spec: { containers: [] } } }', 1],
    ['apps/v1', 'DaemonSet', 'spec: { template: { spec: { containers: [] } } }', 'per-node'],
    ['batch/v1', 'Job', 'spec: { template: { spec: { containers: [] } } }', 1],
    ['batch/v1', 'Job', 'spec: { parallelism: 4, template: { spec: { containers: [] } } }', 4],
    ['batch/v1', 'Job', 'spec: { parallelism: 4, completions: 2, template: { spec: { containers: [] } } }', 2],
    ['batch/v1', 'CronJob', 'spec: { jobTemplate: { spec: { parallelism: 3, template: { spec: { containers: [] } } } } }', 3],
  ])('%s %s (%s) runs %s Pods at a time', (apiVersion, kind, body, replicas) => {
    expect(viewOf(`apiVersion: ${apiVersion}\nkind: ${kind}\n${body}\n`)?.owner.replicas).toBe(replicas);
  });

  it('skips container entries that are not mappings, keeping the others at their indices', () => {
    const view = viewOf('apiVersion: v1\nkind: Pod\nspec:\n  containers: ["oops", { name: b, image: b:1 }]\n');
    expect(view?.containers.map((container) => [container.name, container.index])).toEqual([['b', 1]]);
  });
});
