import { asArray, asNumber, asObject, asString, isObject, type JsonObject } from '../json.js';
import type { K8sObject } from '../load/types.js';
import { valueAt, type Path } from '../path.js';
import { customPodSpecLocation, podSpecLocation, type PodSpecLocation, type PodTemplatePaths } from './kinds.js';

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

/**
 * How many Pods an object runs from its pod spec at a time: a count, `per-node` for a DaemonSet
 * (one on every eligible node), or `none` for a PodTemplate, which runs nothing itself.
 */
export type ReplicaCount = number | 'per-node' | 'none';

/** The object that owns a pod spec: the Pod itself or the workload whose template it is. */
export interface PodOwner {
  readonly kind: string;
  readonly apiVersion: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly replicas: ReplicaCount;
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

/**
 * Builds the pod view of an object, or undefined when the object carries no pod spec. Custom
 * kinds carry one where `podTemplatePaths` says.
 */
export function podView(object: K8sObject, podTemplatePaths?: PodTemplatePaths): PodView | undefined {
  const location =
    podSpecLocation(object.apiVersion, object.kind) ?? customPodSpecLocation(object.apiVersion, object.kind, podTemplatePaths);
  if (!location) return undefined;
  const spec = asObject(valueAt(object.value, location.spec));
  if (!spec) return undefined;
  return {
    object,
    owner: {
      kind: object.kind,
      apiVersion: object.apiVersion,
      name: object.name,
      namespace: object.namespace,
      replicas: replicaCount(object),
    },
    isTemplate: location.template,
    specPath: location.spec,
    spec,
    metadataPath: location.metadata,
    metadata: asObject(valueAt(object.value, location.metadata)),
    containers: containerViews(spec, location),
  };
}

/**
 * The containers that run side by side for the Pod's lifetime: regular containers and sidecars
 * (init containers with restartPolicy Always). Kubernetes validates probes and lifecycle hooks on
 * these only; plain init containers exit before the Pod starts, ephemeral ones are debugging
 * sessions.
 */
export function containersAndSidecars(pod: PodView): ContainerView[] {
  return pod.containers.filter((container) => container.role === 'container' || container.role === 'sidecar');
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

/**
 * Pods running at once, as the controllers count them: `spec.replicas` defaults to 1; a Job runs
 * `parallelism` Pods (default 1), never more than `completions`; a CronJob, one Job's worth.
 */
function replicaCount(object: K8sObject): ReplicaCount {
  const spec = asObject(object.value.spec);
  switch (object.kind) {
    case 'Pod':
      return 1;
    case 'PodTemplate':
      return 'none';
    case 'DaemonSet':
      return 'per-node';
    case 'Job':
      return jobPods(spec);
    case 'CronJob':
      return jobPods(asObject(asObject(spec?.jobTemplate)?.spec));
    default:
      return nonNegative(spec?.replicas) ?? 1;
  }
}

function jobPods(jobSpec: JsonObject | undefined): number {
  const parallelism = nonNegative(jobSpec?.parallelism) ?? 1;
  const completions = nonNegative(jobSpec?.completions);
  return completions === undefined ? parallelism : Math.min(parallelism, completions);
}

function nonNegative(value: unknown): number | undefined {
  const number = asNumber(value);
  return number !== undefined && Number.isInteger(number) && number >= 0 ? number : undefined;
}

function roleOf(list: ContainerList, container: JsonObject): ContainerRole {
  if (list === 'containers') return 'container';
  if (list === 'ephemeralContainers') return 'ephemeral';
  return container.restartPolicy === 'Always' ? 'sidecar' : 'init';
}
