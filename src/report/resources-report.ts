// The data of `podlint resources`: per object, what its Pods ask for and what that adds up to;
// per namespace, the grand totals. The table, JSON and Markdown renderers all read this.
import type { PodTemplatePaths } from '../k8s/kinds.js';
import { podView, type ReplicaCount } from '../k8s/pod-view.js';
import { addResources } from '../k8s/pod-resources.js';
import type { Quantity } from '../k8s/quantity.js';
import { everyQuantityField } from '../k8s/quantity-fields.js';
import type { ResourceMap } from '../k8s/resource-list.js';
import { workloadResources, type WorkloadResources } from '../k8s/resources.js';
import type { LoadedFile } from '../load/types.js';

/** One object: where it is and what `workloadResources` computed for it (its totals × replicas, per node for a DaemonSet, none for a PodTemplate). */
export interface ResourceReportEntry extends Omit<WorkloadResources, 'owner'> {
  /** The file as given or found. */
  readonly filePath: string;
  /** 1-based line where the object starts. */
  readonly line: number;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

/** A value podlint left out of the sums because Kubernetes could not decode it. */
export interface IgnoredQuantity {
  readonly filePath: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface NamespaceTotal {
  /** undefined: objects without a namespace (they go to the namespace of the kubectl context). */
  readonly namespace: string | undefined;
  readonly objects: number;
  /** Sum of the totals of objects with a replica count. */
  readonly requests: ResourceMap;
  readonly limits: ResourceMap;
  /** Sum over DaemonSets, which run one Pod per node. */
  readonly perNodeRequests: ResourceMap;
  readonly perNodeLimits: ResourceMap;
}

export interface ResourceReport {
  readonly entries: readonly ResourceReportEntry[];
  readonly namespaces: readonly NamespaceTotal[];
  readonly ignored: readonly IgnoredQuantity[];
}

/**
 * Builds the report over loaded files: every object that carries a pod spec (custom kinds where
 * `podTemplatePaths` says), in file order.
 */
export function resourceReport(files: readonly LoadedFile[], podTemplatePaths?: PodTemplatePaths): ResourceReport {
  const builder = new ResourceReportBuilder();
  for (const file of files) builder.add(file, podTemplatePaths);
  return builder.report();
}

/**
 * The report built one file at a time, so a lint run can feed it each file as it loads it (for the
 * job summary) instead of keeping the files or reading them again. Only the sums are kept.
 */
export class ResourceReportBuilder {
  private readonly entries: ResourceReportEntry[] = [];
  private readonly ignored: IgnoredQuantity[] = [];

  /** Adds a file's objects; `podTemplatePaths` are the custom kinds of that file's configuration. */
  add(file: LoadedFile, podTemplatePaths?: PodTemplatePaths): void {
    for (const document of file.documents) {
      for (const object of document.objects) {
        const pod = podView(object, podTemplatePaths);
        if (!pod) continue;
        const start = document.sourceMap.resolve(object.documentPath).range.start;
        const { owner: _owner, ...resources } = workloadResources(pod);
        this.entries.push({ filePath: file.filePath, line: start.line + 1, kind: object.kind, name: object.name, namespace: object.namespace, ...resources });
        for (const field of everyQuantityField(pod)) {
          if (!field.problem) continue;
          const at = document.sourceMap.resolve([...object.documentPath, ...field.path]).range.start;
          this.ignored.push({ filePath: file.filePath, line: at.line + 1, column: at.column + 1, message: field.problem.message });
        }
      }
    }
  }

  report(): ResourceReport {
    return { entries: [...this.entries], namespaces: namespaceTotals(this.entries), ignored: [...this.ignored] };
  }
}

/** Grand totals per namespace, in order of first appearance. */
export function namespaceTotals(entries: readonly ResourceReportEntry[]): NamespaceTotal[] {
  const totals = new Map<string | undefined, { objects: number; requests: Map<string, Quantity>; limits: Map<string, Quantity>; perNodeRequests: Map<string, Quantity>; perNodeLimits: Map<string, Quantity> }>();
  for (const entry of entries) {
    let total = totals.get(entry.namespace);
    if (!total) {
      total = { objects: 0, requests: new Map(), limits: new Map(), perNodeRequests: new Map(), perNodeLimits: new Map() };
      totals.set(entry.namespace, total);
    }
    total.objects++;
    if (entry.replicas === 'per-node') {
      addResources(total.perNodeRequests, entry.totalRequests);
      addResources(total.perNodeLimits, entry.totalLimits);
    } else {
      addResources(total.requests, entry.totalRequests);
      addResources(total.limits, entry.totalLimits);
    }
  }
  return [...totals].map(([namespace, total]) => ({ namespace, ...total }));
}

/**
 * The rows of a resource table: cpu and memory always, then ephemeral-storage and every other
 * resource that any of the maps names (hugepages, extended resources), by name.
 */
export function resourceNames(...maps: readonly ResourceMap[]): string[] {
  const present = new Set<string>();
  for (const map of maps) for (const name of map.keys()) present.add(name);
  present.delete('cpu');
  present.delete('memory');
  const storage = present.delete('ephemeral-storage') ? ['ephemeral-storage'] : [];
  return ['cpu', 'memory', ...storage, ...[...present].sort()];
}

/** A map as canonical quantity strings, in table order. */
export function quantityRecord(map: ResourceMap): Record<string, string> {
  const record: Record<string, string> = {};
  for (const name of resourceNames(map)) {
    const quantity = map.get(name);
    if (quantity) record[name] = quantity.toString();
  }
  return record;
}

/** `Deployment/web`, or the kind alone for an object without a name. */
export function objectLabel(entry: Pick<ResourceReportEntry, 'kind' | 'name'>): string {
  return entry.name ? `${entry.kind}/${entry.name}` : entry.kind;
}

export function replicasLabel(replicas: ReplicaCount): string {
  if (replicas === 'per-node') return 'one per node';
  if (replicas === 'none') return 'none (a template)';
  return String(replicas);
}
