import type { ResourceMap } from '../k8s/resource-list.js';
import { mergeTotals } from './resources-table.js';
import { objectLabel, replicasLabel, resourceNames, type ResourceReport } from './resources-report.js';

export interface ResourcesMarkdownOptions {
  /** The level of the top heading (default 2, for a section of a job summary). */
  readonly headingLevel?: number;
}

/**
 * `podlint resources --format markdown`: GitHub-flavoured Markdown for a CI job summary
 * (`>> $GITHUB_STEP_SUMMARY`): one table with a row per object, then the totals per namespace.
 */
export function formatResourcesMarkdown(report: ResourceReport, options: ResourcesMarkdownOptions = {}): string {
  const level = Math.min(Math.max(options.headingLevel ?? 2, 1), 5);
  const heading = (depth: number, text: string) => `${'#'.repeat(level + depth)} ${text}`;
  const out = [heading(0, 'Resources')];
  if (report.entries.length === 0) return `${out[0]}\n\nNo objects with a pod spec found.\n`;

  const shown = resourceNames(...report.entries.flatMap((entry) => [entry.podRequests, entry.podLimits]));
  out.push(
    '',
    `| Object | Namespace | QoS | Replicas | ${shown.map((name) => `${escape(name)} requests / limits per pod`).join(' | ')} | ${shown.map((name) => `${escape(name)} total`).join(' | ')} |`,
    `| --- | --- | --- | ---: | ${shown.map(() => '---:').join(' | ')} | ${shown.map(() => '---:').join(' | ')} |`,
  );
  for (const entry of report.entries) {
    const perNode = entry.replicas === 'per-node' ? ' per node' : '';
    const cells = [
      `${code(objectLabel(entry))}<br>${escape(entry.filePath)}:${entry.line}`,
      entry.namespace ? code(entry.namespace) : '—',
      entry.qosClass,
      replicasLabel(entry.replicas),
      ...shown.map((name) => `${value(entry.podRequests, name)} / ${value(entry.podLimits, name)}`),
      ...shown.map((name) => (entry.replicas === 'none' ? '—' : `${value(entry.totalRequests, name)} / ${value(entry.totalLimits, name)}${perNode}`)),
    ];
    out.push(`| ${cells.join(' | ')} |`);
  }

  out.push('', heading(1, 'Totals per namespace'), '');
  const totals = report.namespaces.length > 1 ? [...report.namespaces, mergeTotals(report.namespaces)] : report.namespaces;
  const perNode = totals.some((total) => total.perNodeRequests.size > 0 || total.perNodeLimits.size > 0);
  out.push(
    `| Namespace | Objects | Resource | Requests | Limits |${perNode ? ' + per node requests | + per node limits |' : ''}`,
    `| --- | ---: | --- | ---: | ---: |${perNode ? ' ---: | ---: |' : ''}`,
  );
  totals.forEach((total, index) => {
    const label = index === report.namespaces.length ? '**all**' : total.namespace ? code(total.namespace) : '(none)';
    resourceNames(total.requests, total.limits, total.perNodeRequests, total.perNodeLimits).forEach((name, row) => {
        const cells = [row === 0 ? label : '', row === 0 ? String(total.objects) : '', escape(name), value(total.requests, name), value(total.limits, name)];
        if (perNode) cells.push(value(total.perNodeRequests, name), value(total.perNodeLimits, name));
        out.push(`| ${cells.join(' | ')} |`);
      });
  });
  return `${out.join('\n')}\n`;
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
