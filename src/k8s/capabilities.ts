import { asArray, asObject, asString } from '../json.js';
import type { Path } from '../path.js';
import type { ContainerView } from './pod-view.js';

/** One entry of `capabilities.add` or `capabilities.drop`, as written and as the runtime reads it. */
export interface CapabilityEntry {
  /** As written in the manifest, e.g. `cap_sys_admin`. */
  readonly text: string;
  /** Upper case without the `CAP_` prefix, e.g. `SYS_ADMIN`; `ALL` stays `ALL`. */
  readonly name: string;
  readonly path: Path;
}

/**
 * The name a container runtime gives a capability: containerd and CRI-O upper-case it and add
 * `CAP_` when it is missing, so `sys_admin`, `SYS_ADMIN` and `CAP_SYS_ADMIN` are one capability.
 */
export function capabilityName(text: string): string {
  const upper = text.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

function entries(container: ContainerView, list: 'add' | 'drop'): CapabilityEntry[] {
  const capabilities = asObject(asObject(container.spec.securityContext)?.capabilities);
  const result: CapabilityEntry[] = [];
  asArray(capabilities?.[list]).forEach((item, index) => {
    const text = asString(item);
    if (text === undefined) return;
    result.push({ text, name: capabilityName(text), path: [...container.path, 'securityContext', 'capabilities', list, index] });
  });
  return result;
}

export function addedCapabilities(container: ContainerView): CapabilityEntry[] {
  return entries(container, 'add');
}

export function droppedCapabilities(container: ContainerView): CapabilityEntry[] {
  return entries(container, 'drop');
}

/** The path to a container's `capabilities.drop`, for findings about what it does not drop. */
export function dropListPath(container: ContainerView): Path {
  return [...container.path, 'securityContext', 'capabilities', 'drop'];
}

/**
 * Whether a container ends up holding a capability that the runtime grants by default (NET_RAW,
 * CHOWN...), following containerd's order: `add: [ALL]` grants all, `drop: [ALL]` then removes all,
 * named adds come back, named drops go last.
 */
export function keepsDefaultCapability(container: ContainerView, name: string): boolean {
  const added = addedCapabilities(container).map((entry) => entry.name);
  const dropped = droppedCapabilities(container).map((entry) => entry.name);
  if (dropped.includes(name)) return false;
  if (added.includes(name)) return true;
  return !dropped.includes('ALL');
}
