import { asObject, asString, type JsonObject } from '../json.js';
import type { Path } from '../path.js';
import type { ContainerView, PodView } from './pod-view.js';

// Kubernetes resolves most securityContext settings per container: the container's own value
// wins, and the Pod's applies where the container says nothing (DetermineEffectiveSecurityContext).

/** The Pod's `securityContext`, when it is a mapping. */
export function podSecurityContext(pod: PodView): JsonObject | undefined {
  return asObject(pod.spec.securityContext);
}

/** The container's `securityContext`, when it is a mapping. */
export function containerSecurityContext(container: ContainerView): JsonObject | undefined {
  return asObject(container.spec.securityContext);
}

/** A setting as it applies to one container, and where it was written. */
export interface EffectiveSetting<T> {
  readonly value: T;
  readonly path: Path;
  /** `container` when the container sets it (overriding the Pod), `pod` when inherited. */
  readonly from: 'container' | 'pod';
}

/**
 * Resolves a field that both the Pod and the container securityContext carry (runAsNonRoot,
 * runAsUser, windowsOptions...). `read` narrows a raw value; a value it rejects counts as unset,
 * as a field of the wrong type never reaches the kubelet.
 */
export function effectiveSetting<T>(
  pod: PodView,
  container: ContainerView,
  field: string,
  read: (value: unknown) => T | undefined,
): EffectiveSetting<T> | undefined {
  const own = read(containerSecurityContext(container)?.[field]);
  if (own !== undefined) return { value: own, path: [...container.path, 'securityContext', field], from: 'container' };
  const inherited = read(podSecurityContext(pod)?.[field]);
  if (inherited !== undefined) return { value: inherited, path: [...pod.specPath, 'securityContext', field], from: 'pod' };
  return undefined;
}

/**
 * True for Pods that declare `spec.os.name: windows`. Kubernetes forbids the Linux-only security
 * fields on them (privileged, allowPrivilegeEscalation, capabilities, readOnlyRootFilesystem,
 * procMount, runAsUser, seccompProfile, sysctls...: "cannot be set for a windows pod"), and the Pod
 * Security Standards exempt them from the checks on those fields.
 */
export function isWindowsPod(pod: PodView): boolean {
  return asString(asObject(pod.spec.os)?.name) === 'windows';
}

/** True when the Pod runs in its own user namespace (`hostUsers: false`): its root is not the node's. */
export function usesUserNamespace(pod: PodView): boolean {
  return pod.spec.hostUsers === false;
}

export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
