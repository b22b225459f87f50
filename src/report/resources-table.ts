import type { Quantity } from '../k8s/quantity.js';
import type { ResourceMap } from '../k8s/resource-list.js';
import { objectLabel, replicasLabel, resourceNames, type NamespaceTotal, type ResourceReport, type ResourceReportEntry } from './resources-report.js';

/** Plain-text tables for a terminal: one per object, then one per namespace. */
export function formatResourcesTable(report: ResourceReport): string {
  if (report.entries.length === 0) return 'No objects with a pod spec found.\n';
  const blocks = report.entries.map(objectBlock);
  for (const total of report.namespaces) blocks.push(namespaceBlock(total));
  if (report.namespaces.length > 1) blocks.push(allNamespacesBlock(report.namespaces));
  return `${blocks.join('\n\n')}\n`;
}

function objectBlock(entry: ResourceReportEntry): string {
  const perNode = entry.replicas === 'per-node';
  const template = entry.replicas === 'none';
  const heading = [
    objectLabel(entry),
    `namespace ${entry.namespace ?? '(none)'}`,
    `QoS ${entry.qosClass}`,
    `replicas ${replicasLabel(entry.replicas)}`,
    `${entry.filePath}:${entry.line}`,
  ].join('  ');
  const columns = ['resource', 'pod requests', 'pod limits', perNode ? 'requests per node' : 'total requests', perNode ? 'limits per node' : 'total limits'];
  const rows = resourceNames(entry.podRequests, entry.podLimits).map((name) => [
    name,
    cell(entry.podRequests, name),
    cell(entry.podLimits, name),
    template ? '' : cell(entry.totalRequests, name),
    template ? '' : cell(entry.totalLimits, name),
  ]);
  return `${heading}\n${table(template ? columns.slice(0, 3) : columns, template ? rows.map((row) => row.slice(0, 3)) : rows)}`;
}

function namespaceBlock(total: NamespaceTotal): string {
  const heading = `Total for namespace ${total.namespace ?? '(none)'}  ${total.objects} ${total.objects === 1 ? 'object' : 'objects'}`;
  return `${heading}\n${totalsTable(total)}`;
}

function allNamespacesBlock(totals: readonly NamespaceTotal[]): string {
  const merged = mergeTotals(totals);
  return `Total for all namespaces  ${merged.objects} objects\n${totalsTable(merged)}`;
}

function totalsTable(total: NamespaceTotal): string {
  const perNode = total.perNodeRequests.size > 0 || total.perNodeLimits.size > 0;
  const columns = ['resource', 'requests', 'limits', ...(perNode ? ['+ per node requests', '+ per node limits'] : [])];
  const rows = resourceNames(total.requests, total.limits, total.perNodeRequests, total.perNodeLimits).map((name) => [
    name,
    cell(total.requests, name),
    cell(total.limits, name),
    ...(perNode ? [cell(total.perNodeRequests, name), cell(total.perNodeLimits, name)] : []),
  ]);
  return table(columns, rows);
}

/** Sums namespace totals into one (the report's grand total). */
export function mergeTotals(totals: readonly NamespaceTotal[]): NamespaceTotal {
  const sum = (pick: (total: NamespaceTotal) => ResourceMap) => {
    const result = new Map<string, Quantity>();
    for (const total of totals) {
      for (const [name, quantity] of pick(total)) result.set(name, result.get(name)?.add(quantity) ?? quantity);
    }
    return result;
  };
  return {
    namespace: undefined,
    objects: totals.reduce((count, total) => count + total.objects, 0),
    requests: sum((total) => total.requests),
    limits: sum((total) => total.limits),
    perNodeRequests: sum((total) => total.perNodeRequests),
    perNodeLimits: sum((total) => total.perNodeLimits),
  };
}

function cell(map: ResourceMap, name: string): string {
  return map.get(name)?.toString() ?? '-';
}

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((text, index) => text.padEnd(widths[index] ?? 0)).join('  ')}`.trimEnd();
  return [line(columns), ...rows.map(line)].join('\n');
}
