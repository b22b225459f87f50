// Effective pod requests and limits (component-helpers' PodRequests and PodLimits, which the
// scheduler, the kubelet and quota use), and what a workload adds up to with its replicas.
import type { PodOwner, PodView, ReplicaCount } from './pod-view.js';
import {
  addResources,
  aggregateContainerResources,
  isPodLevelRequestsSet,
  isPodLevelResourcesSet,
  isSupportedPodLevelResource,
  podResources,
  type PodResources,
  type PodResourcesOptions,
} from './pod-resources.js';
import { explainPodQos, type QosClass } from './qos.js';
import type { Quantity } from './quantity.js';
import type { ResourceMap } from './resource-list.js';

export interface EffectiveResourcesOptions extends PodResourcesOptions {
  /** Leave `spec.overhead` out (PodResourcesOptions.ExcludeOverhead). */
  readonly excludeOverhead?: boolean;
  /** Ignore pod-level `spec.resources` (PodResourcesOptions.SkipPodLevelResources). */
  readonly skipPodLevelResources?: boolean;
}

/**
 * `PodRequests`: the container aggregate (sidecars counted with the containers and with the init
 * containers declared after them), replaced key by key by pod-level requests for cpu, memory and
 * hugepages, plus the pod overhead (every overhead key, created when missing).
 */
export function effectivePodRequests(pod: PodView | PodResources, options: EffectiveResourcesOptions = {}): Map<string, Quantity> {
  const resources = resourcesOf(pod, options);
  const requests = aggregateContainerResources(resources, 'requests');
  if (!options.skipPodLevelResources && resources.podLevel && isPodLevelRequestsSet(resources)) {
    applyPodLevel(requests, resources.podLevel.requests);
  }
  if (!options.excludeOverhead) addResources(requests, resources.overhead);
  return requests;
}

/**
 * `PodLimits`: the same aggregate over limits, pod-level limits taking over when pod-level
 * resources are set, plus the overhead only on limits that exist and are not zero (an unlimited
 * resource stays unlimited).
 */
export function effectivePodLimits(pod: PodView | PodResources, options: EffectiveResourcesOptions = {}): Map<string, Quantity> {
  const resources = resourcesOf(pod, options);
  const limits = aggregateContainerResources(resources, 'limits');
  if (!options.skipPodLevelResources && resources.podLevel && isPodLevelResourcesSet(resources)) {
    applyPodLevel(limits, resources.podLevel.limits);
  }
  if (!options.excludeOverhead) {
    for (const [name, overhead] of resources.overhead) {
      const limit = limits.get(name);
      if (limit && !limit.isZero()) limits.set(name, limit.add(overhead));
    }
  }
  return limits;
}

function resourcesOf(pod: PodView | PodResources, options: PodResourcesOptions): PodResources {
  return 'object' in pod ? podResources(pod, options) : pod;
}

function applyPodLevel(target: Map<string, Quantity>, podLevel: ResourceMap): void {
  for (const [name, quantity] of podLevel) if (isSupportedPodLevelResource(name)) target.set(name, quantity);
}

/** What one object asks of the cluster. */
export interface WorkloadResources {
  readonly owner: PodOwner;
  readonly qosClass: QosClass;
  readonly podRequests: ResourceMap;
  readonly podLimits: ResourceMap;
  readonly replicas: ReplicaCount;
  /**
   * podRequests × replicas. For a DaemonSet (`per-node`) the per-node amount, not multiplied;
   * empty for a PodTemplate (`none`), which runs nothing itself.
   */
  readonly totalRequests: ResourceMap;
  readonly totalLimits: ResourceMap;
}

/** The QoS class, effective pod requests and limits (after defaulting), replicas and totals of an object. */
export function workloadResources(pod: PodView): WorkloadResources {
  const resources = podResources(pod);
  const podRequests = effectivePodRequests(resources);
  const podLimits = effectivePodLimits(resources);
  const { replicas } = pod.owner;
  return {
    owner: pod.owner,
    qosClass: explainPodQos(pod).qosClass,
    podRequests,
    podLimits,
    replicas,
    totalRequests: totalOf(podRequests, replicas),
    totalLimits: totalOf(podLimits, replicas),
  };
}

function totalOf(perPod: ResourceMap, replicas: ReplicaCount): ResourceMap {
  if (replicas === 'none') return new Map();
  if (replicas === 'per-node') return perPod;
  const factor = BigInt(replicas);
  return new Map([...perPod].map(([name, quantity]) => [name, quantity.mul(factor)]));
}
