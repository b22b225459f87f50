import { quantityRecord, type ResourceReport } from './resources-report.js';

/**
 * `podlint resources --format json`: one record per object, quantities as Kubernetes' canonical
 * strings, `replicas` a number, `"per-node"` (DaemonSet) or `"none"` (PodTemplate).
 */
export function formatResourcesJson(report: ResourceReport): string {
  return JSON.stringify(
    report.entries.map((entry) => ({
      filePath: entry.filePath,
      kind: entry.kind,
      name: entry.name ?? null,
      namespace: entry.namespace ?? null,
      qosClass: entry.qosClass,
      podRequests: quantityRecord(entry.podRequests),
      podLimits: quantityRecord(entry.podLimits),
      replicas: entry.replicas,
      totalRequests: quantityRecord(entry.totalRequests),
      totalLimits: quantityRecord(entry.totalLimits),
    })),
  );
}
