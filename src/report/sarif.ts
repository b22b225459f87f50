import { pathToFileURL } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import type { AnyRule } from '../engine/define-rule.js';
import type { Finding, FindingSuppression } from '../engine/finding.js';
import { compareSeverity, type Severity } from '../engine/severity.js';
import { REPOSITORY_URL, ruleDocsUrl } from '../docs/rule-docs.js';
import type { SourceRange } from '../load/position.js';
import { packageVersion } from '../package-root.js';
import { formatPath } from '../path.js';
import { FingerprintCounter } from './sarif-fingerprint.js';
import { relativePosix } from '../file-paths.js';
import { isShown, type FileResult, type FormatContext, type Formatter } from './results.js';

// SARIF 2.1.0 as GitHub code scanning reads it: one run, every rule that ran described from its
// meta, one location per result with a repository-relative URI, and the limits GitHub enforces
// that the schema does not (docs: "SARIF support for code scanning").

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub rejects a run with more results than this. */
export const MAX_RESULTS_PER_RUN = 25_000;
/** GitHub's caps on rule texts and tags. */
const MAX_DESCRIPTION = 1024;
const MAX_RULE_NAME = 255;
const MAX_TAGS = 10;
/** Results' URIs are relative to this base; `originalUriBaseIds` says where it is. */
export const SOURCE_ROOT_ID = '%SRCROOT%';

export type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's `problem.severity` for rules that are not security rules. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

interface SarifText {
  text: string;
  markdown?: string;
}

interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifPhysicalLocation {
  physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion };
}

interface SarifLocation extends SarifPhysicalLocation {
  logicalLocations?: SarifLogicalLocation[];
}

interface SarifLogicalLocation {
  name: string;
  fullyQualifiedName: string;
  kind: string;
}

interface SarifSuppression {
  kind: 'inSource';
  status: 'accepted';
  justification?: string;
  location?: SarifPhysicalLocation;
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifText;
  locations: [SarifLocation];
  partialFingerprints: { primaryLocationLineHash: string };
  suppressions?: SarifSuppression[];
  properties?: Record<string, unknown>;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifText;
  fullDescription: SarifText;
  help: Required<SarifText>;
  helpUri?: string;
  defaultConfiguration: { level: SarifLevel };
  properties: Record<string, unknown> & { tags: string[]; precision: string };
}

export interface SarifRun {
  tool: { driver: { name: string; semanticVersion: string; informationUri: string; rules: SarifReportingDescriptor[] } };
  automationDetails?: { id: string };
  originalUriBaseIds: Record<string, { uri: string; description: SarifText }>;
  invocations: [{ executionSuccessful: boolean; toolExecutionNotifications?: { level: SarifLevel; message: SarifText }[] }];
  columnKind: 'utf16CodeUnits';
  results: SarifResult[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}

export const formatSarif: Formatter = (results, context) => `${JSON.stringify(sarifLog(results, context), null, 2)}\n`;

/** The SARIF log for a run: one run for all files, as GitHub expects one run per tool and category. */
export function sarifLog(results: readonly FileResult[], context: FormatContext): SarifLog {
  const rules = new RuleTable(context);
  const candidates: RankedResult[] = [];
  for (const result of results) {
    const artifact = artifactLocation(context.repositoryRoot, result.absolutePath);
    // Occurrences count every finding of the file, shown or not, so fingerprints do not depend
    // on whether suppressed findings are included.
    const fingerprints = new FingerprintCounter();
    for (const finding of result.findings) {
      const fingerprint = fingerprints.next(finding);
      if (!isShown(finding, context)) continue;
      candidates.push({ result: sarifResult(finding, artifact, fingerprint, rules.indexOf(finding)), severity: finding.severity });
    }
  }
  const { kept, dropped } = keepMostSevere(candidates, MAX_RESULTS_PER_RUN);
  const notifications = dropped > 0 ? [{ level: 'warning' as const, message: { text: droppedNotice(candidates.length, dropped) } }] : undefined;

  const run: SarifRun = {
    tool: {
      driver: { name: 'podlint', semanticVersion: packageVersion(), informationUri: REPOSITORY_URL, rules: rules.descriptors },
    },
    ...(context.sarifCategory ? { automationDetails: { id: automationId(context.sarifCategory) } } : {}),
    originalUriBaseIds: {
      [SOURCE_ROOT_ID]: {
        uri: directoryUri(context.repositoryRoot),
        description: { text: 'The repository root: the git root of the linted files, or the working directory.' },
      },
    },
    invocations: [{ executionSuccessful: true, ...(notifications ? { toolExecutionNotifications: notifications } : {}) }],
    columnKind: 'utf16CodeUnits',
    results: kept,
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

function sarifResult(finding: Finding, artifact: SarifArtifactLocation, fingerprint: string, ruleIndex: number): SarifResult {
  const logical = logicalLocations(finding);
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message.trim() || finding.ruleId },
    locations: [{ ...physicalLocation(artifact, finding.range), ...(logical ? { logicalLocations: logical } : {}) }],
    partialFingerprints: { primaryLocationLineHash: fingerprint },
    ...(finding.suppressions?.length ? { suppressions: finding.suppressions.map((s) => sarifSuppression(s, artifact)) } : {}),
    ...(finding.object ? { properties: objectProperties(finding) } : {}),
  };
}

function physicalLocation(artifact: SarifArtifactLocation, range: SourceRange): SarifPhysicalLocation {
  // SARIF regions are 1-based with an exclusive end column, as podlint's ranges are 0-based with one.
  return {
    physicalLocation: {
      artifactLocation: artifact,
      region: {
        startLine: range.start.line + 1,
        startColumn: range.start.column + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.column + 1,
      },
    },
  };
}

/** The object (kind, namespace, name) and the path into it, e.g. `spec.template.spec.containers[0].image`. */
function logicalLocations(finding: Finding): SarifLogicalLocation[] | undefined {
  const { object } = finding;
  if (!object) return undefined;
  const objectName = [object.kind, object.namespace, object.name ?? '(unnamed)'].filter((part) => part !== undefined).join('/');
  const locations: SarifLogicalLocation[] = [{ kind: 'resource', name: object.name ?? object.kind, fullyQualifiedName: objectName }];
  if (finding.path && finding.path.length > 0) {
    const path = formatPath(finding.path);
    locations.push({ kind: 'property', name: path, fullyQualifiedName: `${objectName}:${path}` });
  }
  return locations;
}

function objectProperties(finding: Finding): Record<string, unknown> {
  const { object } = finding;
  return {
    apiVersion: object?.apiVersion ?? null,
    kind: object?.kind ?? null,
    namespace: object?.namespace ?? null,
    name: object?.name ?? null,
    ...(finding.path ? { path: formatPath(finding.path) } : {}),
  };
}

/** Directives and annotations are both written in the source. */
function sarifSuppression(suppression: FindingSuppression, artifact: SarifArtifactLocation): SarifSuppression {
  return {
    kind: 'inSource',
    status: 'accepted',
    ...(suppression.reason ? { justification: suppression.reason } : {}),
    ...(suppression.range ? { location: physicalLocation(artifact, suppression.range) } : {}),
  };
}

/** A repository-relative URI under %SRCROOT%, or an absolute file URI for a file outside the root. */
function artifactLocation(root: string, absolutePath: string): SarifArtifactLocation {
  const relative = relativePosix(root, absolutePath);
  if (relative === undefined) return { uri: pathToFileURL(absolutePath).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT_ID };
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/**
 * GitHub reads `category/run-id`: everything up to the last slash is the category. A plain
 * `--sarif-category k8s` means the category k8s, so it gets the trailing slash.
 */
function automationId(category: string): string {
  return category.includes('/') ? category : `${category}/`;
}

/** A result with the severity of its finding, for keeping the most severe. */
interface RankedResult {
  readonly result: SarifResult;
  readonly severity: Severity;
}

/** Over GitHub's limit, the most severe results stay, in their original order. */
function keepMostSevere(results: readonly RankedResult[], limit: number): { kept: SarifResult[]; dropped: number } {
  if (results.length <= limit) return { kept: results.map((entry) => entry.result), dropped: 0 };
  const order = results.map((entry, index) => ({ ...entry, index }));
  order.sort((a, b) => compareSeverity(b.severity, a.severity) || a.index - b.index);
  const kept = order.slice(0, limit).sort((a, b) => a.index - b.index).map((entry) => entry.result);
  return { kept, dropped: results.length - limit };
}

function droppedNotice(total: number, dropped: number): string {
  return (
    `podlint found ${total} results, more than the ${MAX_RESULTS_PER_RUN} that GitHub code scanning accepts in one run. ` +
    `The ${MAX_RESULTS_PER_RUN} most severe are included; ${dropped} less severe results were left out. ` +
    'Lint fewer files per run or turn off noisy rules to see them all.'
  );
}

/** `tool.driver.rules`: every rule that ran, plus any rule a finding names that was not configured. */
class RuleTable {
  readonly descriptors: SarifReportingDescriptor[] = [];
  private readonly indexes = new Map<string, number>();
  private readonly builtinIds = new Set(builtinRules.map((rule) => rule.id));

  constructor(context: FormatContext) {
    for (const { rule, severity } of context.rules) this.add(rule.id, () => ruleDescriptor(rule, severity, this.builtinIds.has(rule.id)));
  }

  indexOf(finding: Finding): number {
    return this.add(finding.ruleId, () => unknownRuleDescriptor(finding.ruleId, finding.severity));
  }

  private add(id: string, describe: () => SarifReportingDescriptor): number {
    const known = this.indexes.get(id);
    if (known !== undefined) return known;
    const index = this.descriptors.push(describe()) - 1;
    this.indexes.set(id, index);
    return index;
  }
}

/** A rule's SARIF description, from the same meta that generates docs/rules/<id>.md. */
export function ruleDescriptor(rule: AnyRule, severity: Severity, builtin: boolean): SarifReportingDescriptor {
  const { meta } = rule;
  // The contract: securitySeverity is set exactly on rules tagged `security`.
  const security = meta.securitySeverity !== undefined;
  const tags = unique([...(security ? ['security'] : []), ...(meta.tags ?? []).filter((tag) => tag !== 'security'), meta.type]).slice(0, MAX_TAGS);
  const url = builtin ? ruleDocsUrl(rule.id) : undefined;
  const description = meta.docs.description.trim() || rule.id;
  const remediation = meta.docs.remediation.trim() || description;
  return {
    id: rule.id,
    name: truncate(pascalCase(rule.id), MAX_RULE_NAME),
    shortDescription: { text: truncate(description, MAX_DESCRIPTION) },
    fullDescription: { text: truncate(remediation, MAX_DESCRIPTION) },
    help: {
      text: [description, `How to fix: ${remediation}`, ...(url ? [`Reference: ${url}`] : [])].join('\n\n'),
      markdown: [description, `**How to fix:** ${remediation}`, ...(url ? [`[Rule reference](${url})`] : [])].join('\n\n'),
    },
    ...(url ? { helpUri: url } : {}),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      tags,
      // Rules check the manifest's structure deterministically: a finding is what the file says.
      precision: 'very-high',
      ...(security ? { 'security-severity': meta.securitySeverity!.toFixed(1) } : { 'problem.severity': PROBLEM_SEVERITY[severity] }),
    },
  };
}

function unknownRuleDescriptor(id: string, severity: Severity): SarifReportingDescriptor {
  const text = `A finding podlint reports as ${id}.`;
  return {
    id,
    name: truncate(pascalCase(id), MAX_RULE_NAME),
    shortDescription: { text },
    fullDescription: { text },
    help: { text, markdown: text },
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: [], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[severity] },
  };
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** Cuts at a word boundary with an ellipsis, within `max` UTF-16 code units. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
