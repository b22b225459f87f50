import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asNumber, asObject, asString } from '../src/json.js';
import { goQuote, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS, type ContainerView, type PodView } from '../src/k8s/pod-view.js';
import { isValidPortName } from '../src/k8s/port-name.js';
import type { Path } from '../src/path.js';

/** One entry of a container's `ports`, read the way the API server sees it after defaulting. */
interface PortEntry {
  readonly container: ContainerView;
  readonly path: Path;
  readonly containerPort: number;
  /** Defaulted to TCP. */
  readonly protocol: string;
  /** 0 when unset; with hostNetwork, defaulted to the container port. */
  readonly hostPort: number;
  /** True when hostPort is not written but comes from hostNetwork's defaulting. */
  readonly hostPortDefaulted: boolean;
  readonly hostIP: string;
}

export default defineRule({
  id: 'duplicate-container-port',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid a port declared twice in one Pod: the same containerPort and protocol (containers share one network namespace), a host port bound twice, or a port name repeated in a container; warnings where the API server only warns.',
      remediation:
        'Declare each port once, in the container that listens on it, with a name unique in that container; give every hostPort its own protocol, hostIP and port.',
      rationale:
        'Each case has the severity Kubernetes gives it. The API server rejects a port name repeated in one container and a host port (protocol, hostIP, port) bound twice by the regular containers or within one init container: errors. It only warns about the same containerPort and protocol twice (pkg/api/pod/warnings.go), across containers, sidecars and ephemeral containers alike, which share the Pod\'s network namespace: a warning, unless the repeat is within one container, where server-side apply, which keys a container\'s ports by containerPort and protocol, rejects the object: an error (a warning when the two entries differ only in host port, which the API server accepts).',
    },
    messages: {
      duplicateName:
        'Port name "{{name}}" is already used by the port at line {{line}} of {{role}} "{{container}}". {{rejection}}: {{error}}.',
      hostPortConflict:
        'Host port {{hostPort}}/{{protocol}}{{hostIP}} is already bound by the port at line {{line}} of {{otherRole}} "{{other}}"{{defaulted}}. {{rejection}}: {{error}}.',
      sameContainer:
        'Port {{port}}/{{protocol}} is declared twice in {{role}} "{{container}}", first at line {{line}}. The API server warns: {{warning}}; and server-side apply rejects it: duplicate entries for key [containerPort={{port}},protocol="{{protocol}}"].',
      sameContainerHostPorts:
        'Port {{port}}/{{protocol}} is declared twice in {{role}} "{{container}}", first at line {{line}}, with different host ports. Kubernetes accepts it, but server-side apply (kubectl apply --server-side, Flux) rejects it: duplicate entries for key [containerPort={{port}},protocol="{{protocol}}"].',
      acrossContainers:
        'Port {{port}}/{{protocol}} is also declared at line {{line}} by {{otherRole}} "{{other}}"; the containers of a Pod share one network namespace, so only one of them can listen on it. The API server warns: {{warning}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report, lineOf }) {
    const hostNetwork = pod.spec.hostNetwork === true;
    const entries = pod.containers.flatMap((container) => portEntries(container, hostNetwork));
    const line = (entry: PortEntry) => lineOf([...entry.path, 'containerPort']);
    const roleOf = (entry: PortEntry) => CONTAINER_ROLE_LABELS[entry.container.role].toLowerCase();

    // Port names must be unique within a container (an error); names are not compared across
    // containers, and an invalid name gets its own error instead.
    for (const container of pod.containers) {
      const seen = new Map<string, Path>();
      asArray(container.spec.ports).forEach((item, index) => {
        const name = asString(asObject(item)?.name);
        if (name === undefined || !isValidPortName(name)) return;
        const path = [...container.path, 'ports', index];
        const earlier = seen.get(name);
        if (!earlier) {
          seen.set(name, path);
          return;
        }
        report({
          path: [...path, 'name'],
          messageId: 'duplicateName',
          data: {
            name,
            line: lineOf([...earlier, 'name']),
            role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(),
            container: container.name,
            rejection: rejection(pod),
            error: `${kubernetesPath(pod, [...path, 'name'])}: Duplicate value: ${goQuote(name)}`,
          },
        });
      });
    }

    // Host ports must be unique across the regular containers, which run together, and within
    // each init container; init containers run one by one, so two may reuse a host port.
    const hostPortErrors = new Set<PortEntry>();
    const groups = [entries.filter((entry) => entry.container.list === 'containers')];
    for (const container of pod.containers.filter((candidate) => candidate.list === 'initContainers')) {
      groups.push(entries.filter((entry) => entry.container === container));
    }
    for (const group of groups) {
      const bound = new Map<string, PortEntry>();
      for (const entry of group) {
        if (entry.hostPort === 0) continue;
        const key = `${entry.protocol}/${entry.hostIP}/${entry.hostPort}`;
        const earlier = bound.get(key);
        if (!earlier) {
          bound.set(key, entry);
          continue;
        }
        hostPortErrors.add(entry);
        const path = [...entry.path, entry.hostPortDefaulted ? 'containerPort' : 'hostPort'];
        report({
          path,
          messageId: 'hostPortConflict',
          data: {
            hostPort: entry.hostPort,
            protocol: entry.protocol,
            hostIP: entry.hostIP ? ` on ${entry.hostIP}` : '',
            line: line(earlier),
            otherRole: roleOf(earlier),
            other: earlier.container.name,
            defaulted: entry.hostPortDefaulted ? ' (with hostNetwork, hostPort defaults to containerPort)' : '',
            rejection: rejection(pod),
            error: `${kubernetesPath(pod, [...entry.path, 'hostPort'])}: Duplicate value: ${goQuote(key)}`,
          },
        });
      }
    }

    // The API server's warnings compare every port of every container (init, regular, ephemeral)
    // by containerPort and protocol. Server-side apply keys a container's ports the same way, so
    // within one container any repeat is rejected by it.
    const byKey = new Map<string, PortEntry[]>();
    for (const entry of entries) {
      const key = `${entry.containerPort}/${entry.protocol}`;
      const earlier = byKey.get(key) ?? [];
      byKey.set(key, [...earlier, entry]);
      if (earlier.length === 0 || hostPortErrors.has(entry)) continue;
      const warned = earlier.map((other) => ({ other, warning: overlapWarning(entry, other) }));
      const sameContainer = warned.find(({ other }) => other.container === entry.container);
      const data = {
        port: entry.containerPort,
        protocol: entry.protocol,
        role: roleOf(entry),
        container: entry.container.name,
      };
      const path = [...entry.path, 'containerPort'];
      if (sameContainer) {
        const warning = sameContainer.warning;
        report({
          path,
          messageId: warning ? 'sameContainer' : 'sameContainerHostPorts',
          data: { ...data, line: line(sameContainer.other), warning: warning ? describe(pod, entry, sameContainer.other, warning) : '' },
          ...(warning ? {} : { severity: 'warning' as const }),
        });
        continue;
      }
      const across = warned.find(({ warning }) => warning !== undefined);
      if (!across) continue;
      report({
        path,
        messageId: 'acrossContainers',
        severity: 'warning',
        data: {
          ...data,
          line: line(across.other),
          otherRole: roleOf(across.other),
          other: across.other.container.name,
          warning: describe(pod, entry, across.other, across.warning!),
        },
      });
    }
  },
});

/** The API server's warning for two ports with the same containerPort and protocol, if any. */
function overlapWarning(port: PortEntry, other: PortEntry): string | undefined {
  if (port.hostIP === other.hostIP && port.hostPort === other.hostPort) return 'duplicate port definition';
  if (port.hostPort === 0 || other.hostPort === 0) return 'overlapping port definition';
  if (port.hostPort === other.hostPort && (port.hostIP === '') !== (other.hostIP === '')) return 'dangerously ambiguous port definition';
  return undefined;
}

function describe(pod: PodView, port: PortEntry, other: PortEntry, warning: string): string {
  return `${kubernetesPath(pod, port.path)}: ${warning} with ${kubernetesPath(pod, other.path)}`;
}

function portEntries(container: ContainerView, hostNetwork: boolean): PortEntry[] {
  const entries: PortEntry[] = [];
  asArray(container.spec.ports).forEach((item, index) => {
    const port = asObject(item);
    const containerPort = asNumber(port?.containerPort);
    if (!port || containerPort === undefined) return; // a missing or malformed port is a schema finding
    const written = asNumber(port.hostPort) ?? 0;
    const hostPortDefaulted = hostNetwork && written === 0 && container.list !== 'ephemeralContainers';
    entries.push({
      container,
      path: [...container.path, 'ports', index],
      containerPort,
      protocol: asString(port.protocol) || 'TCP',
      hostPort: hostPortDefaulted ? containerPort : written,
      hostPortDefaulted,
      hostIP: asString(port.hostIP) ?? '',
    });
  });
  return entries;
}
