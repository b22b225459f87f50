// Which of a set of resources a container leaves without a request or a limit, as Kubernetes
// will see the Pod: a limit alone makes the request (API defaulting), and pod-level resources
// cover every container.
import { containersAndSidecars, type ContainerView, type PodView } from './pod-view.js';
import { podResources } from './pod-resources.js';
import { containerRequirements, podLevelRequirements } from './quantity-fields.js';

/** The containers a requests/limits policy applies to: containers and sidecars, init containers on request. */
export function containersWithResources(pod: PodView, includeInitContainers: boolean): ContainerView[] {
  return includeInitContainers ? pod.containers.filter((container) => container.role !== 'ephemeral') : containersAndSidecars(pod);
}

/** The wanted resources a container has no request (or limit) for, in the order wanted. */
export function missingResources(pod: PodView, container: ContainerView, which: 'requests' | 'limits', wanted: readonly string[]): string[] {
  const own = containerRequirements(pod, container);
  const present = new Set(own[which].map((field) => field.name));
  // SetDefaults_Pod copies missing requests from limits.
  if (which === 'requests') for (const field of own.limits) present.add(field.name);
  const podLevel = podLevelRequirements(pod);
  if (podLevel) {
    for (const field of podLevel[which]) present.add(field.name);
    for (const name of podResources(pod).podLevel?.[which].keys() ?? []) present.add(name);
  }
  return wanted.filter((resource) => !present.has(resource));
}

/** "cpu", "cpu or memory", "cpu, memory or ephemeral-storage". */
export function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
