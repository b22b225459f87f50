import type { ResourceMap } from '../k8s/resource-list.js';
import { mergeTotals } from './resources-table.js';
import { objectLabel, replicasLabel, resourceNames, type NamespaceTotal, type ResourceReport, type ResourceReportEntry } from './resources-report.js';

export interface ResourcesMarkdownOptions {
  /** The level of the top heading (default 2, for a section of a job summary). */
  readonly headingLevel?: number;
  /** List at most this many objects; a note counts the rest (the totals include them). */
  readonly maxObjects?: number;
  /**
   * Stay under this many bytes of UTF-8 (GitHub takes at most 1 MiB per step summary): object rows
   * and namespace totals that would cross it are left out and counted.
   */
  readonly maxBytes?: number;
}

/** Room kept for the notes that count what was left out. */
const NOTES_RESERVE = 1024;

/**
 * `podlint resources --format markdown`: GitHub-flavoured Markdown for a CI job summary
 * (`>> $GITHUB_STEP_SUMMARY`): one table with a row per object, then the totals per namespace.
 */
export function formatResourcesMarkdown(report: ResourceReport, options: ResourcesMarkdownOptions = {}): string {
  const level = Math.min(Math.max(options.headingLevel ?? 2, 1), 5);
  const heading = (depth: number, text: string) => `${'#'.repeat(level + depth)} ${text}`;
  if (report.entries.length === 0) return `${heading(0, 'Resources')}\n\nNo objects with a pod spec found.\n`;

  const shown = resourceNames(...report.entries.flatMap((entry) => [entry.podRequests, entry.podLimits]));
  const objectsHead = [
    heading(0, 'Resources'),
    '',
    `| Object | Namespace | QoS | Replicas | ${shown.map((name) => `${escape(name)} requests / limits per pod`).join(' | ')} | ${shown.map((name) => `${escape(name)} total`).join(' | ')} |`,
    `| --- | --- | --- | ---: | ${shown.map(() => '---:').join(' | ')} | ${shown.map(() => '---:').join(' | ')} |`,
  ];
  const several = report.namespaces.length > 1;
  const perNode = report.namespaces.some((total) => total.perNodeRequests.size > 0 || total.perNodeLimits.size > 0);
  const totalsHead = [
    '',
    heading(1, 'Totals per namespace'),
    '',
    `| Namespace | Objects | Resource | Requests | Limits |${perNode ? ' + per node requests | + per node limits |' : ''}`,
    `| --- | ---: | --- | ---: | ---: |${perNode ? ' ---: | ---: |' : ''}`,
  ];
  // With one namespace its totals are the grand total; with several the **all** row comes last.
  const allRows = several ? totalRows(mergeTotals(report.namespaces), '**all**', perNode) : totalRows(report.namespaces[0]!, namespaceLabel(report.namespaces[0]!), perNode);

  // What is always written; what is left is shared: object rows may take half of it, namespace
  // totals the rest.
  let budget = (options.maxBytes ?? Infinity) - NOTES_RESERVE - bytes(objectsHead) - bytes(totalsHead) - bytes(allRows);
  if (budget < 0) {
    return `${heading(0, 'Resources')}\n\n${report.entries.length} objects with a pod spec: the table is too large for this summary; \`podlint resources\` prints it.\n`;
  }
  const rows: string[] = [];
  let objectBudget = budget / 2;
  for (const entry of report.entries.slice(0, options.maxObjects ?? report.entries.length)) {
    const row = objectRow(entry, shown);
    const size = bytes([row]);
    if (size > objectBudget) break;
    objectBudget -= size;
    budget -= size;
    rows.push(row);
  }
  const out = [...objectsHead, ...rows];
  const leftOut = report.entries.length - rows.length;
  if (leftOut > 0) {
    out.push('', `…and ${leftOut} more ${leftOut === 1 ? 'object' : 'objects'}; the totals include them, and \`podlint resources\` lists every one.`);
  }
  if (report.ignored.length > 0) {
    const count = report.ignored.length;
    out.push('', `${count} ${count === 1 ? 'value' : 'values'} Kubernetes cannot decode ${count === 1 ? 'is' : 'are'} left out of the sums (\`invalid-quantity\` names ${count === 1 ? 'it' : 'them'}).`);
  }

  out.push(...totalsHead);
  let namespacesShown = 0;
  if (several) {
    for (const total of report.namespaces) {
      const block = totalRows(total, namespaceLabel(total), perNode);
      const size = bytes(block);
      if (size > budget) break;
      budget -= size;
      out.push(...block);
      namespacesShown++;
    }
  }
  out.push(...allRows);
  const namespacesLeftOut = several ? report.namespaces.length - namespacesShown : 0;
  if (namespacesLeftOut > 0) out.push('', `…and ${namespacesLeftOut} more ${namespacesLeftOut === 1 ? 'namespace' : 'namespaces'}; the **all** rows include them.`);
  return `${out.join('\n')}\n`;
}

function objectRow(entry: ResourceReportEntry, shown: readonly string[]): string {
  const perNode = entry.replicas === 'per-node' ? ' per node' : '';
  const cells = [
    `${code(objectLabel(entry))}<br>${escape(entry.filePath)}:${entry.line}`,
    entry.namespace ? code(entry.namespace) : '—',
    entry.qosClass,
    replicasLabel(entry.replicas),
    ...shown.map((name) => `${value(entry.podRequests, name)} / ${value(entry.podLimits, name)}`),
    ...shown.map((name) => (entry.replicas === 'none' ? '—' : `${value(entry.totalRequests, name)} / ${value(entry.totalLimits, name)}${perNode}`)),
  ];
  return `| ${cells.join(' | ')} |`;
}

/** A namespace's rows of the totals table: one per resource, the label and count on the first. */
function totalRows(total: NamespaceTotal, label: string, perNode: boolean): string[] {
  return resourceNames(total.requests, total.limits, total.perNodeRequests, total.perNodeLimits).map((name, row) => {
    const cells = [row === 0 ? label : '', row === 0 ? String(total.objects) : '', escape(name), value(total.requests, name), value(total.limits, name)];
    if (perNode) cells.push(value(total.perNodeRequests, name), value(total.perNodeLimits, name));
    return `| ${cells.join(' | ')} |`;
  });
}

function namespaceLabel(total: NamespaceTotal): string {
  return total.namespace ? code(total.namespace) : '(none)';
}

/** The UTF-8 size of lines joined by newlines, one newline each. */
function bytes(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

function value(map: ResourceMap, name: string): string {
  return map.get(name)?.toString() ?? '—';
}

/** A code span; a backtick inside would end it early, and Kubernetes names have none anyway. */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

function escape(text: string): string {
  return text.replace(/[|\\`*_<>]/g, (char) => `\\${char}`);
}
