import { asObject, type JsonObject } from '../json.js';
import type { Path } from '../path.js';
import { containersAndSidecars, type ContainerView, type PodView } from './pod-view.js';

/** The action types a probe may have, in the order the API server checks them. */
export const PROBE_HANDLER_TYPES = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
/** The action types a lifecycle hook may have, in the order the API server checks them. */
export const HOOK_HANDLER_TYPES = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export type HandlerType = (typeof PROBE_HANDLER_TYPES)[number] | (typeof HOOK_HANDLER_TYPES)[number];

/** A probe or a lifecycle hook of a container, with the actions it sets. */
export interface HandlerView {
  readonly container: ContainerView;
  readonly kind: 'probe' | 'hook';
  /** The field: `livenessProbe`, `readinessProbe`, `startupProbe`, `postStart`, `preStop`. */
  readonly field: string;
  /** How messages name it: `livenessProbe`, `preStop hook`. */
  readonly label: string;
  /** Path from the object root to the probe or hook. */
  readonly path: Path;
  readonly spec: JsonObject;
  /** The action types set (not null), in the API server's order. */
  readonly types: readonly HandlerType[];
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;

/**
 * The probes and hooks the API server validates: those of regular containers and sidecars. Plain
 * init containers may not have them at all (init-container-probes), nor ephemeral containers.
 */
export function podHandlers(pod: PodView): HandlerView[] {
  const handlers: HandlerView[] = [];
  for (const container of containersAndSidecars(pod)) {
    for (const field of PROBES) {
      const spec = asObject(container.spec[field]);
      if (spec) handlers.push(view(container, 'probe', field, field, [...container.path, field], spec, PROBE_HANDLER_TYPES));
    }
    const lifecycle = asObject(container.spec.lifecycle);
    for (const field of HOOKS) {
      const spec = asObject(lifecycle?.[field]);
      if (spec) handlers.push(view(container, 'hook', field, `${field} hook`, [...container.path, 'lifecycle', field], spec, HOOK_HANDLER_TYPES));
    }
  }
  return handlers;
}

function view(
  container: ContainerView,
  kind: HandlerView['kind'],
  field: string,
  label: string,
  path: Path,
  spec: JsonObject,
  order: readonly HandlerType[],
): HandlerView {
  // A handler written as `httpGet:` with no value is null, which the API server drops.
  const types = order.filter((type) => spec[type] !== undefined && spec[type] !== null);
  return { container, kind, field, label, path, spec, types };
}
