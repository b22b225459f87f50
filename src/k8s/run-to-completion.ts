import { globToRegExp } from '../glob-pattern.js';
import { containersAndSidecars, type ContainerView, type PodView } from './pod-view.js';

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
 * The containers that keep running for the Pod's lifetime (containers and sidecars), or none for
 * a Pod that runs to completion.
 */
export function longRunningContainers(pod: PodView): ContainerView[] {
  return runsToCompletion(pod) ? [] : containersAndSidecars(pod);
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
