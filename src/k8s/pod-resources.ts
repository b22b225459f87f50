// The resources of a pod spec as Kubernetes sees them: every requests/limits map decoded and
// rounded as the API server stores it, then (by default) the API server's Pod defaulting applied,
// so a workload template is judged as the Pods it will stamp out.
import { asObject } from '../json.js';
import type { Path } from '../path.js';
import type { ContainerView, PodView } from './pod-view.js';
import type { Quantity } from './quantity.js';
import { readResourceList, resourceMap, type ResourceMap } from './resource-list.js';

export interface ResourceRequirements {
  readonly requests: ResourceMap;
  readonly limits: ResourceMap;
}

export interface ContainerResources extends ResourceRequirements {
  readonly container: ContainerView;
}

/** A pod's resources: containers by list, pod-level `spec.resources`, and `spec.overhead`. */
export interface PodResources {
  /** Init containers and sidecars, in declaration order (the order matters for sidecars). */
  readonly initContainers: readonly ContainerResources[];
  readonly containers: readonly ContainerResources[];
  /** `spec.resources` (PodLevelResources, on by default since 1.34); undefined when absent. */
  readonly podLevel: ResourceRequirements | undefined;
  readonly overhead: ResourceMap;
}

export interface PodResourcesOptions {
  /**
   * Apply the API server's Pod defaulting first (default true): container requests default to
   * limits, and pod-level requests and limits are filled in (SetDefaults_Pod). False reads the
   * spec as written, as Kubernetes' own helpers do when called on a raw object.
   */
  readonly defaults?: boolean;
}

const cache = new WeakMap<PodView, { raw?: PodResources; defaulted?: PodResources }>();

/** The pod's resources, read once per pod view. */
export function podResources(pod: PodView, options: PodResourcesOptions = {}): PodResources {
  const defaults = options.defaults ?? true;
  let entry = cache.get(pod);
  if (!entry) cache.set(pod, (entry = {}));
  if (defaults) return (entry.defaulted ??= defaultedPodResources(podResources(pod, { defaults: false })));
  return (entry.raw ??= readPodResources(pod));
}

function readPodResources(pod: PodView): PodResources {
  const read = (container: ContainerView): ContainerResources => ({
    container,
    ...requirementsAt(pod, [...container.path, 'resources']),
  });
  const podLevelSpec = asObject(pod.spec.resources);
  return {
    initContainers: pod.containers.filter((c) => c.list === 'initContainers').map(read),
    containers: pod.containers.filter((c) => c.list === 'containers').map(read),
    podLevel: podLevelSpec ? requirementsAt(pod, [...pod.specPath, 'resources']) : undefined,
    overhead: resourceMap(readResourceList(pod.object, [...pod.specPath, 'overhead'])),
  };
}

function requirementsAt(pod: PodView, path: Path): ResourceRequirements {
  return {
    requests: resourceMap(readResourceList(pod.object, [...path, 'requests'])),
    limits: resourceMap(readResourceList(pod.object, [...path, 'limits'])),
  };
}

/** True for the resources pod-level `spec.resources` may set: cpu, memory, hugepages-*. */
export function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/** Names in a kubernetes.io namespace, which includes every unprefixed name. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isHugePageResource(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** Requests may be below limits only for native resources other than hugepages. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResource(name);
}

const hasSupportedKey = (map: ResourceMap | undefined) => [...(map?.keys() ?? [])].some(isSupportedPodLevelResource);

/** `IsPodLevelResourcesSet`: spec.resources names cpu, memory or hugepages in requests or limits. */
export function isPodLevelResourcesSet(resources: PodResources): boolean {
  return hasSupportedKey(resources.podLevel?.requests) || hasSupportedKey(resources.podLevel?.limits);
}

export function isPodLevelRequestsSet(resources: PodResources): boolean {
  return hasSupportedKey(resources.podLevel?.requests);
}

export function isPodLevelLimitsSet(resources: PodResources): boolean {
  return hasSupportedKey(resources.podLevel?.limits);
}

/**
 * SetDefaults_Pod, resource part: a container's missing requests default to its limits; then,
 * with pod-level resources, hugepage limits, requests and limits at pod level are filled in
 * (defaultHugePagePodLimits, defaultPodRequests, defaultPodLimits, as of Kubernetes 1.36).
 */
function defaultedPodResources(raw: PodResources): PodResources {
  const withRequests = (resources: ContainerResources): ContainerResources => {
    if (resources.limits.size === 0) return resources;
    const requests = new Map(resources.requests);
    for (const [name, limit] of resources.limits) if (!requests.has(name)) requests.set(name, limit);
    return { ...resources, requests };
  };
  const containersDefaulted: PodResources = {
    ...raw,
    initContainers: raw.initContainers.map(withRequests),
    containers: raw.containers.map(withRequests),
  };
  if (!raw.podLevel) return containersDefaulted;
  const podLimits = new Map(raw.podLevel.limits);
  const podRequests = new Map(raw.podLevel.requests);

  // defaultHugePagePodLimits: aggregate container hugepage limits, unless a pod-level request names it.
  if (podLimits.size > 0 || podRequests.size > 0) {
    for (const [name, limit] of aggregateContainerResources(containersDefaulted, 'limits')) {
      if (isSupportedPodLevelResource(name) && isHugePageResource(name) && !podRequests.has(name) && !podLimits.has(name)) {
        podLimits.set(name, limit);
      }
    }
  }
  // defaultPodRequests: only when pod-level limits are set.
  if (podLimits.size > 0) {
    for (const [name, request] of aggregateContainerResources(containersDefaulted, 'requests')) {
      if (!podRequests.has(name) && isSupportedPodLevelResource(name) && isOvercommitAllowed(name)) podRequests.set(name, request);
    }
    for (const [name, limit] of podLimits) {
      if (!podRequests.has(name) && isSupportedPodLevelResource(name)) podRequests.set(name, limit);
    }
  }
  const withPodRequests: PodResources = { ...containersDefaulted, podLevel: { requests: podRequests, limits: podLimits } };
  // defaultPodLimits: cpu/memory limits from containers, when pod-level requests but no limits
  // are set and every container limits that resource.
  if (!isPodLevelLimitsSet(withPodRequests) && isPodLevelRequestsSet(withPodRequests)) {
    const all = [...withPodRequests.initContainers, ...withPodRequests.containers];
    for (const [name, limit] of aggregateContainerResources(withPodRequests, 'limits')) {
      if (podLimits.has(name) || !isSupportedPodLevelResource(name) || !isOvercommitAllowed(name)) continue;
      if (all.every((resources) => resources.limits.has(name))) podLimits.set(name, limit);
    }
  }
  return withPodRequests;
}

/**
 * component-helpers' aggregateContainerResourcesByFn (KEP-753): regular containers and sidecars
 * run together, so they add up; an init container runs alone with the sidecars started before
 * it; the pod needs the larger of the two peaks, per resource.
 */
export function aggregateContainerResources(resources: PodResources, which: 'requests' | 'limits'): Map<string, Quantity> {
  const result = new Map<string, Quantity>();
  for (const container of resources.containers) addResources(result, container[which]);
  const sidecars = new Map<string, Quantity>();
  const initPeak = new Map<string, Quantity>();
  for (const init of resources.initContainers) {
    let use: ResourceMap;
    if (init.container.role === 'sidecar') {
      addResources(result, init[which]);
      addResources(sidecars, init[which]);
      use = sidecars;
    } else {
      const combined = new Map<string, Quantity>();
      addResources(combined, init[which]);
      addResources(combined, sidecars);
      use = combined;
    }
    maxResources(initPeak, use);
  }
  maxResources(result, initPeak);
  return result;
}

/** `addResourceList`: adds every entry, creating missing keys. */
export function addResources(target: Map<string, Quantity>, added: ResourceMap): void {
  for (const [name, quantity] of added) {
    const existing = target.get(name);
    target.set(name, existing ? existing.add(quantity) : quantity);
  }
}

/** `maxResourceList`: keeps the larger value per key (the first one on a tie). */
export function maxResources(target: Map<string, Quantity>, other: ResourceMap): void {
  for (const [name, quantity] of other) {
    const existing = target.get(name);
    if (!existing || quantity.cmp(existing) > 0) target.set(name, quantity);
  }
}
