import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemaFiles } from '../../scripts/schemas/strict-schema.js';
import { readSpec, schemaDir } from '../../scripts/schemas/sources.js';
import { KUBERNETES_VERSIONS } from '../../src/k8s/kubernetes-version.js';

type Schema = Record<string, any>;

const generated = new Map<string, Record<string, string>>(KUBERNETES_VERSIONS.map((version) => [version, generateSchemaFiles(readSpec(version), version)]));
const definitionsOf = (version: string) => (JSON.parse(generated.get(version)!['definitions.json']!) as { definitions: Record<string, Schema> }).definitions;
const kindsOf = (version: string) => JSON.parse(generated.get(version)!['kinds.json']!) as Record<string, Record<string, Schema>>;

describe('generated Kubernetes schemas', () => {
  it.each(KUBERNETES_VERSIONS)('schemas/kubernetes/%s/ is what npm run generate:schemas writes', (version) => {
    for (const [name, text] of Object.entries(generated.get(version)!)) {
      const committed = readFileSync(path.join(schemaDir(version), name), 'utf8');
      expect(committed === text, `schemas/kubernetes/${version}/${name} is stale: run npm run generate:schemas and commit`).toBe(true);
    }
  });

  it('keys every built-in kind of the spec by apiVersion and kind, not only the Pod-bearing ones', () => {
    const kinds = kindsOf('1.36');
    expect(Object.keys(kinds['v1']!)).toEqual(expect.arrayContaining(['Pod', 'Service', 'ConfigMap', 'Secret', 'Namespace', 'PersistentVolumeClaim']));
    expect(Object.keys(kinds['apps/v1']!)).toEqual(expect.arrayContaining(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision']));
    expect(kinds['networking.k8s.io/v1']?.Ingress).toBeDefined();
    expect(kinds['rbac.authorization.k8s.io/v1']?.ClusterRole).toBeDefined();
    // Removed APIs are not kinds of the spec.
    expect(kinds['extensions/v1beta1']?.Deployment).toBeUndefined();
    expect(kinds['apps/v1']!.Deployment).toEqual({
      allOf: [{ $ref: 'definitions.json#/definitions/io.k8s.api.apps.v1.Deployment' }],
      required: ['apiVersion', 'kind'],
    });
  });

  it('closes every object definition that lists properties, and never a free map', () => {
    const definitions = definitionsOf('1.36');
    for (const [name, definition] of Object.entries(definitions)) {
      if (definition.properties) expect(definition.additionalProperties, name).toBe(false);
    }
    const meta = definitions['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']!;
    expect(meta.properties.labels).toEqual({ type: 'object', additionalProperties: { type: 'string' } });
    expect(meta.properties.annotations.additionalProperties).toEqual({ type: 'string' });
    expect(definitions['io.k8s.api.core.v1.PodSpec']!.properties.nodeSelector.additionalProperties).toEqual({ type: 'string' });
    expect(definitions['io.k8s.api.core.v1.ResourceRequirements']!.properties.limits.additionalProperties).toEqual({
      $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity',
    });
  });

  it('types quantities as string or number and int-or-string as integer or string', () => {
    const definitions = definitionsOf('1.35');
    expect(definitions['io.k8s.apimachinery.pkg.api.resource.Quantity']).toEqual({ type: ['string', 'number'] });
    expect(definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toEqual({ type: ['integer', 'string'], 'x-kubernetes-int-or-string': true });
    expect(definitions['io.k8s.api.core.v1.ContainerPort']!.properties.containerPort).toEqual({
      type: 'integer',
      format: 'int32',
      minimum: -2147483648,
      maximum: 2147483647,
    });
  });

  it('keeps shared definitions as $refs and the list-map keys for duplicate detection', () => {
    const podSpec = definitionsOf('1.36')['io.k8s.api.core.v1.PodSpec']!;
    expect(podSpec.properties.containers.items).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Container' });
    expect(podSpec.properties.volumes['x-kubernetes-list-type']).toBe('map');
    expect(podSpec.properties.volumes['x-kubernetes-list-map-keys']).toEqual(['name']);
    expect(podSpec.properties.topologySpreadConstraints['x-kubernetes-list-map-keys']).toEqual(['topologyKey', 'whenUnsatisfiable']);
    expect(podSpec.description).toBeUndefined();
  });

  it('adds the +enum values the spec lacks, per version where Kubernetes changed them', () => {
    const container = (version: string) => definitionsOf(version)['io.k8s.api.core.v1.Container']!.properties;
    expect(container('1.36').imagePullPolicy.enum).toEqual(['', 'Always', 'IfNotPresent', 'Never']);
    expect(container('1.34').restartPolicy.enum).toEqual(['', 'Always']);
    expect(container('1.35').restartPolicy.enum).toEqual(['', 'Always', 'OnFailure', 'Never']);
    const pvc = definitionsOf('1.36')['io.k8s.api.core.v1.PersistentVolumeClaimSpec']!.properties;
    expect(pvc.accessModes.items.enum).toContain('ReadWriteOncePod');
  });
});
