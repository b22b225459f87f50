import { globToRegExp } from '../glob-pattern.js';
import type { ContainerView, PodView } from './pod-view.js';

/**
 * True for Pods that are meant to finish: those of a Job or CronJob, and any Pod (or template)
 * whose restartPolicy is OnFailure or Never. A probe keeps a service healthy and in rotation; a
 * Pod that runs to completion has neither to protect, so probe rules leave it alone.
 */
export function runsToCompletion(pod: PodView): boolean {
  if (pod.owner.kind === 'Job' || pod.owner.kind === 'CronJob') return true;
  return pod.spec.restartPolicy === 'OnFailure' || pod.spec.restartPolicy === 'Never';
}

/**
 * The containers that keep running for the Pod's lifetime: regular containers and sidecars
 * (init containers with restartPolicy Always). Plain init containers exit before the Pod starts,
 * and ephemeral containers are debugging sessions; neither is long-running. Empty for a Pod that
 * runs to completion.
 */
export function longRunningContainers(pod: PodView): ContainerView[] {
  if (runsToCompletion(pod)) return [];
  return pod.containers.filter((container) => container.role === 'container' || container.role === 'sidecar');
}

/** The containers Kubernetes validates probes and lifecycle hooks on: regular containers and sidecars. */
export function probedContainers(pod: PodView): ContainerView[] {
  return pod.containers.filter((container) => container.role === 'container' || container.role === 'sidecar');
}

export type ProbeField = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** The missing-*-probe rules' options, prepared: the `ignoreContainers` patterns compiled once. */
export interface ProbeRuleOptions {
  readonly ignored: readonly RegExp[];
}

/** `ignoreContainers` (`*` any characters) as patterns: the missing-*-probe rules' `prepare`. */
export function prepareProbeRuleOptions(options: { readonly ignoreContainers: readonly string[] }): ProbeRuleOptions {
  return { ignored: options.ignoreContainers.map(globToRegExp) };
}

/**
 * The long-running containers that lack a probe, less those the user exempts by name: what the
 * missing-*-probe rules report.
 */
export function containersWithoutProbe(pod: PodView, probe: ProbeField, { ignored }: ProbeRuleOptions): ContainerView[] {
  return longRunningContainers(pod).filter(
    (container) =>
      (container.spec[probe] === undefined || container.spec[probe] === null) && !ignored.some((pattern) => pattern.test(container.name)),
  );
}
