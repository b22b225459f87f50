import { asArray, asObject, asString, isObject } from '../json.js';
import type { Path } from '../path.js';
import type { ContainerView, PodView } from './pod-view.js';

/** A `hostPath` volume of a pod spec. */
export interface HostPathVolume {
  readonly name: string;
  /** As written, e.g. `/var/run/docker.sock`. */
  readonly hostPath: string;
  /** Normalized for comparison (see `normalizeHostPath`). */
  readonly normalized: string;
  /** Path to `hostPath.path` in the object. */
  readonly path: Path;
}

export function hostPathVolumes(pod: PodView): HostPathVolume[] {
  const volumes: HostPathVolume[] = [];
  asArray(pod.spec.volumes).forEach((item, index) => {
    const volume = asObject(item);
    const hostPath = asString(asObject(volume?.hostPath)?.path);
    if (!volume || hostPath === undefined || hostPath.trim() === '') return;
    volumes.push({
      name: asString(volume.name) ?? `#${index}`,
      hostPath,
      normalized: normalizeHostPath(hostPath),
      path: [...pod.specPath, 'volumes', index, 'hostPath', 'path'],
    });
  });
  return volumes;
}

/**
 * A host path in one spelling: repeated and trailing slashes and `.` segments dropped, and
 * `/var/run` read as `/run`, which it is a symlink to on every current distribution (the kubelet
 * resolves it on the host). Kubernetes rejects `..` in a hostPath, so it is left alone. Paths that
 * are not absolute (Windows paths) are returned trimmed.
 */
export function normalizeHostPath(hostPath: string): string {
  const trimmed = hostPath.trim();
  if (!trimmed.startsWith('/')) return trimmed;
  const segments = trimmed.split('/').filter((segment) => segment !== '' && segment !== '.');
  const joined = `/${segments.join('/')}`;
  return joined === '/var/run' || joined.startsWith('/var/run/') ? joined.slice('/var'.length) : joined;
}

/** True when `path` is `directory` or inside it. */
export function isWithin(path: string, directory: string): boolean {
  if (directory === '/') return path.startsWith('/');
  return path === directory || path.startsWith(`${directory}/`);
}

/** A container's mount of a hostPath volume. */
export interface HostPathMount {
  readonly container: ContainerView;
  readonly volume: HostPathVolume;
  readonly readOnly: boolean;
  /** Path to the mount in the object. */
  readonly path: Path;
}

/** Every mount of a hostPath volume, in every container of the Pod (all roles). */
export function hostPathMounts(pod: PodView): HostPathMount[] {
  const byName = new Map(hostPathVolumes(pod).map((volume) => [volume.name, volume]));
  const mounts: HostPathMount[] = [];
  for (const container of pod.containers) {
    asArray(container.spec.volumeMounts).forEach((item, index) => {
      if (!isObject(item)) return;
      const volume = byName.get(asString(item.name) ?? '');
      if (!volume) return;
      mounts.push({ container, volume, readOnly: item.readOnly === true, path: [...container.path, 'volumeMounts', index] });
    });
  }
  return mounts;
}
