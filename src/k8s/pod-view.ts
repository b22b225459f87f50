import { asArray, asObject, asString, isObject, type JsonObject } from '../json.js';
import type { K8sObject } from '../load/types.js';
import type { Path } from '../path.js';
import { podSpecLocation, type PodSpecLocation } from './kinds.js';

/**
 * The role a container plays in its Pod. A sidecar is an init container with
 * `restartPolicy: Always` (KEP-753): it starts before the regular containers and keeps running.
 */
export type ContainerRole = 'container' | 'init' | 'sidecar' | 'ephemeral';

/** How messages name each role, capitalized for the start of a sentence. */
export const CONTAINER_ROLE_LABELS: Readonly<Record<ContainerRole, string>> = {
  container: 'Container',
  init: 'Init container',
  sidecar: 'Sidecar container',
  ephemeral: 'Ephemeral container',
};

/** The pod spec lists containers live in, by role. */
export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerView {
  readonly role: ContainerRole;
  readonly list: ContainerList;
  /** Index in its list. */
  readonly index: number;
  /** The container's name, or `#<index>` of its list when it has none (a schema error). */
  readonly name: string;
  /** Path from the object root to the container. */
  readonly path: Path;
  readonly spec: JsonObject;
}

/** The object that owns a pod spec: the Pod itself or the workload whose template it is. */
export interface PodOwner {
  readonly kind: string;
  readonly apiVersion: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

/** A pod spec as every rule sees it, whatever kind of object carries it. */
export interface PodView {
  readonly object: K8sObject;
  readonly owner: PodOwner;
  /** True for workload templates (Deployment...), false for a bare Pod. */
  readonly isTemplate: boolean;
  /** Path from the object root to the pod spec. */
  readonly specPath: Path;
  readonly spec: JsonObject;
  /** Path to the Pod's (or template's) metadata; the object may not have it. */
  readonly metadataPath: Path;
  readonly metadata: JsonObject | undefined;
  /** Every container in declaration order: init containers and sidecars, containers, ephemeral. */
  readonly containers: readonly ContainerView[];
}

/** Builds the pod view of an object, or undefined when the object carries no pod spec. */
export function podView(object: K8sObject): PodView | undefined {
  const location = podSpecLocation(object.apiVersion, object.kind);
  if (!location) return undefined;
  const spec = asObject(valueAt(object.value, location.spec));
  if (!spec) return undefined;
  return {
    object,
    owner: { kind: object.kind, apiVersion: object.apiVersion, name: object.name, namespace: object.namespace },
    isTemplate: location.template,
    specPath: location.spec,
    spec,
    metadataPath: location.metadata,
    metadata: asObject(valueAt(object.value, location.metadata)),
    containers: containerViews(spec, location),
  };
}

function containerViews(spec: JsonObject, location: PodSpecLocation): ContainerView[] {
  const views: ContainerView[] = [];
  const lists: ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];
  for (const list of lists) {
    asArray(spec[list]).forEach((item, index) => {
      if (!isObject(item)) return;
      views.push({
        role: roleOf(list, item),
        list,
        index,
        name: asString(item.name) ?? `#${index}`,
        path: [...location.spec, list, index],
        spec: item,
      });
    });
  }
  return views;
}

function roleOf(list: ContainerList, container: JsonObject): ContainerRole {
  if (list === 'containers') return 'container';
  if (list === 'ephemeralContainers') return 'ephemeral';
  return container.restartPolicy === 'Always' ? 'sidecar' : 'init';
}

/** Reads a value at a path of keys and indices; undefined when any step is missing. */
export function valueAt(root: unknown, path: Path): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[segment] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}
