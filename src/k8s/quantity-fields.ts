// Where quantities live in a pod spec, so rules find every one and name it the way the API
// server's messages do (`spec.containers[0].resources.requests[memory]`).
import { asArray, isObject } from '../json.js';
import { formatPath, type Path } from '../path.js';
import type { ContainerView, PodView } from './pod-view.js';
import { readQuantityField, readResourceList, type QuantityField } from './resource-list.js';

/** A `resources` block: a container's, or the pod-level `spec.resources`. */
export interface RequirementsFields {
  /** Path to the `resources` map. */
  readonly path: Path;
  /** The container, or undefined for pod-level resources. */
  readonly container: ContainerView | undefined;
  readonly requests: readonly QuantityField[];
  readonly limits: readonly QuantityField[];
}

/** A container's `resources` requests and limits, as read. */
export function containerRequirements(pod: PodView, container: ContainerView): RequirementsFields {
  const path = [...container.path, 'resources'];
  return {
    path,
    container,
    requests: readResourceList(pod.object, [...path, 'requests']),
    limits: readResourceList(pod.object, [...path, 'limits']),
  };
}

/** The pod-level `spec.resources`, or undefined when the pod spec has none. */
export function podLevelRequirements(pod: PodView): RequirementsFields | undefined {
  if (!isObject(pod.spec.resources)) return undefined;
  const path = [...pod.specPath, 'resources'];
  return {
    path,
    container: undefined,
    requests: readResourceList(pod.object, [...path, 'requests']),
    limits: readResourceList(pod.object, [...path, 'limits']),
  };
}

/** `spec.overhead`, as read. */
export function overheadFields(pod: PodView): readonly QuantityField[] {
  return readResourceList(pod.object, [...pod.specPath, 'overhead']);
}

/**
 * Storage requests and limits of generic ephemeral volumes (`volumes[].ephemeral
 * .volumeClaimTemplate`), which are PersistentVolumeClaim specs inside the pod spec.
 */
export function ephemeralVolumeClaimFields(pod: PodView): QuantityField[] {
  const fields: QuantityField[] = [];
  asArray(pod.spec.volumes).forEach((_, index) => {
    const claim = [...pod.specPath, 'volumes', index, 'ephemeral', 'volumeClaimTemplate', 'spec', 'resources'];
    fields.push(...readResourceList(pod.object, [...claim, 'requests']), ...readResourceList(pod.object, [...claim, 'limits']));
  });
  return fields;
}

/** Every quantity of the object that Kubernetes decodes as one, wherever it is. */
export function everyQuantityField(pod: PodView): QuantityField[] {
  const fields: QuantityField[] = [];
  const push = (field: QuantityField | undefined) => field && fields.push(field);
  for (const container of pod.containers) {
    const requirements = containerRequirements(pod, container);
    fields.push(...requirements.requests, ...requirements.limits);
    asArray(container.spec.env).forEach((_, index) => {
      push(readQuantityField(pod.object, [...container.path, 'env', index, 'valueFrom', 'resourceFieldRef', 'divisor']));
    });
  }
  const podLevel = podLevelRequirements(pod);
  if (podLevel) fields.push(...podLevel.requests, ...podLevel.limits);
  fields.push(...overheadFields(pod), ...ephemeralVolumeClaimFields(pod));
  asArray(pod.spec.volumes).forEach((volume, index) => {
    if (!isObject(volume)) return;
    const volumePath = [...pod.specPath, 'volumes', index];
    push(readQuantityField(pod.object, [...volumePath, 'emptyDir', 'sizeLimit']));
    downwardApiDivisors(pod, [...volumePath, 'downwardAPI'], volume.downwardAPI).forEach(push);
    asArray(isObject(volume.projected) ? volume.projected.sources : undefined).forEach((source, sourceIndex) => {
      const sourcePath = [...volumePath, 'projected', 'sources', sourceIndex, 'downwardAPI'];
      downwardApiDivisors(pod, sourcePath, isObject(source) ? source.downwardAPI : undefined).forEach(push);
    });
  });
  // A StatefulSet's claim templates are PersistentVolumeClaim specs next to its pod template.
  if (pod.object.kind === 'StatefulSet') {
    asArray(isObject(pod.object.value.spec) ? pod.object.value.spec.volumeClaimTemplates : undefined).forEach((_, index) => {
      const claim = ['spec', 'volumeClaimTemplates', index, 'spec', 'resources'];
      fields.push(...readResourceList(pod.object, [...claim, 'requests']), ...readResourceList(pod.object, [...claim, 'limits']));
    });
  }
  return fields;
}

function downwardApiDivisors(pod: PodView, path: Path, downwardAPI: unknown): (QuantityField | undefined)[] {
  return asArray(isObject(downwardAPI) ? downwardAPI.items : undefined).map((_, index) =>
    readQuantityField(pod.object, [...path, 'items', index, 'resourceFieldRef', 'divisor']),
  );
}

/**
 * The field path as Kubernetes prints it, map keys in brackets: `spec.containers[0].resources
 * .requests[cpu]`. `keys` counts how many trailing segments are map keys.
 */
export function kubernetesFieldPath(path: Path, keys = 0): string {
  const head = path.slice(0, path.length - keys);
  const tail = path.slice(path.length - keys);
  return formatPath(head) + tail.map((key) => `[${String(key)}]`).join('');
}

/** The Kubernetes field path of a ResourceList entry (its last segment is the resource name). */
export function resourceFieldPath(field: QuantityField): string {
  return kubernetesFieldPath(field.path, isResourceListEntry(field) ? 1 : 0);
}

function isResourceListEntry(field: QuantityField): boolean {
  const parent = field.path[field.path.length - 2];
  return parent === 'requests' || parent === 'limits' || parent === 'overhead';
}

