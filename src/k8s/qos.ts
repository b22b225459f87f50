// A pod's quality-of-service class, as Kubernetes' ComputePodQOS computes it (the per-container
// algorithm of pkg/apis/core/v1/helper/qos), on the pod's resources after the API server's
// defaulting unless asked otherwise.
import { asObject, asString } from '../json.js';
import type { ContainerView, PodView } from './pod-view.js';
import { isPodLevelResourcesSet, podResources, type PodResources, type PodResourcesOptions, type ResourceRequirements } from './pod-resources.js';
import { Quantity } from './quantity.js';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Lowest to highest. */
export const QOS_CLASSES: readonly QosClass[] = ['BestEffort', 'Burstable', 'Guaranteed'];

/** Only these two decide the class; hugepages, ephemeral-storage and extended resources never do. */
export const QOS_RESOURCES = ['cpu', 'memory'] as const;

/** What makes one set of requirements less than Guaranteed, for the first resource that does. */
export type QosReason =
  | { readonly kind: 'no-resources' }
  | { readonly kind: 'unequal'; readonly resource: string; readonly request: Quantity | undefined; readonly limit: Quantity | undefined }
  | { readonly kind: 'mixed'; readonly zero: string; readonly set: string };

export interface RequirementsQos {
  readonly qosClass: QosClass;
  /** Why the class is not Guaranteed; undefined for Guaranteed. */
  readonly reason: QosReason | undefined;
}

export interface ContainerQos extends RequirementsQos {
  readonly container: ContainerView;
}

export interface QosExplanation {
  readonly qosClass: QosClass;
  /** `pod`: spec.resources set cpu, memory or hugepages and decided alone; else the containers did. */
  readonly decidedBy: 'pod' | 'containers';
  /** The pod-level verdict when it decided. */
  readonly pod: RequirementsQos | undefined;
  /** Every init container, sidecar and container with its own class (ephemeral ones never count). */
  readonly containers: readonly ContainerQos[];
}

/** The QoS class Kubernetes gives the pod (or the Pods of a workload template). */
export function podQosClass(pod: PodView, options: PodResourcesOptions = {}): QosClass {
  return explainPodQos(pod, options).qosClass;
}

/** `GetPodQOS`: the class recorded in a Pod's status wins over the computed one. */
export function getPodQosClass(pod: PodView, options: PodResourcesOptions = {}): QosClass {
  const recorded = asString(asObject(pod.object.value.status)?.qosClass);
  if (!pod.isTemplate && (recorded === 'Guaranteed' || recorded === 'Burstable' || recorded === 'BestEffort')) return recorded;
  return podQosClass(pod, options);
}

/** The class, what decided it, and each container's own class. */
export function explainPodQos(pod: PodView, options: PodResourcesOptions = {}): QosExplanation {
  return qosOfResources(podResources(pod, options));
}

export function qosOfResources(resources: PodResources): QosExplanation {
  const containers = [...resources.initContainers, ...resources.containers].map((entry) => ({
    container: entry.container,
    ...requirementsQos(entry),
  }));
  if (resources.podLevel && isPodLevelResourcesSet(resources)) {
    const pod = requirementsQos(resources.podLevel);
    return { qosClass: pod.qosClass, decidedBy: 'pod', pod, containers };
  }
  return { qosClass: combinedClass(containers.map((entry) => entry.qosClass)), decidedBy: 'containers', pod: undefined, containers };
}

/** ComputePodQOS over containers: any Burstable, or a mix, is Burstable; none is BestEffort. */
function combinedClass(classes: readonly QosClass[]): QosClass {
  let pod: QosClass | undefined;
  for (const qosClass of classes) {
    if (qosClass === 'Burstable') return 'Burstable';
    if (pod === undefined) pod = qosClass;
    else if (pod !== qosClass) return 'Burstable';
  }
  return pod ?? 'BestEffort';
}

const ZERO = Quantity.zero();

/** `resourceQOS`: one set of requests and limits on its own. */
export function requirementsQos(requirements: ResourceRequirements): RequirementsQos {
  if (requirements.requests.size === 0 && requirements.limits.size === 0) {
    return { qosClass: 'BestEffort', reason: { kind: 'no-resources' } };
  }
  let shape: { bestEffort: boolean; resource: string } | undefined;
  for (const resource of QOS_RESOURCES) {
    const request = requirements.requests.get(resource);
    const limit = requirements.limits.get(resource);
    if (!(request ?? ZERO).equals(limit ?? ZERO)) {
      return { qosClass: 'Burstable', reason: { kind: 'unequal', resource, request, limit } };
    }
    const bestEffort = (request ?? ZERO).isZero();
    if (!shape) shape = { bestEffort, resource };
    else if (shape.bestEffort !== bestEffort) {
      const [zero, set] = bestEffort ? [resource, shape.resource] : [shape.resource, resource];
      return { qosClass: 'Burstable', reason: { kind: 'mixed', zero, set } };
    }
  }
  return shape?.bestEffort ? { qosClass: 'BestEffort', reason: { kind: 'no-resources' } } : { qosClass: 'Guaranteed', reason: undefined };
}
