import type { PodTemplatePaths } from '../k8s/kinds.js';
import { podView, type PodView } from '../k8s/pod-view.js';
import type { LoadedFile, K8sObject } from '../load/types.js';
import type { Path } from '../path.js';
import type { SourceMap } from '../load/source-map.js';
import type { CustomSchemas } from '../validate/custom-schemas.js';
import { applySuppressions } from '../suppress/apply.js';
import { formatMessage, isObjectRule, isPodRule, type ObjectRuleContext, type ReportDescriptor, type ReportedFix } from './define-rule.js';
import { compareFindings, type Finding, type FindingFix, type ObjectIdentity } from './finding.js';
import { preparedOptions, reportSeverity, type ConfiguredRule } from './rule-settings.js';

export interface LintSettings {
  readonly rules: readonly ConfiguredRule[];
  readonly kubernetesVersion: string;
  /** Schemas from --schema-dir for custom kinds (or to override built-in ones). */
  readonly customSchemas?: CustomSchemas;
  /** Where custom kinds keep a pod template (`apiVersion/kind` → path), so pod rules apply. */
  readonly podTemplatePaths?: PodTemplatePaths;
  /**
   * Every rule id that exists for this file, on or off (built-in and custom), so a suppression
   * naming a rule that is off is not reported as unknown. Default: the built-in and configured rules.
   */
  readonly knownRuleIds?: ReadonlySet<string>;
}

/**
 * Runs the configured rules over one loaded file, resolves every report to a range, and marks
 * what directives and annotations suppress (suppressed findings stay, with `suppressions` set).
 */
export function lintLoadedFile(file: LoadedFile, settings: LintSettings): Finding[] {
  const findings: Finding[] = [];
  const byId = new Map(settings.rules.map((configured) => [configured.rule.id, configured]));
  for (const problem of file.problems) {
    const configured = byId.get(problem.ruleId);
    if (!configured) continue;
    findings.push({
      ruleId: problem.ruleId,
      severity: configured.severity,
      message: problem.message,
      filePath: file.filePath,
      range: problem.range,
      messageId: problem.messageId,
    });
  }
  const objectRules = settings.rules.flatMap((configured) => (isObjectRule(configured.rule) ? [{ configured, rule: configured.rule }] : []));
  const podRules = settings.rules.flatMap((configured) => (isPodRule(configured.rule) ? [{ configured, rule: configured.rule }] : []));
  // Built at most once per object: the pod rules and the suppression stage's annotations share it.
  const pods = new Map<K8sObject, PodView | undefined>();
  const podOf = (object: K8sObject): PodView | undefined => {
    if (!pods.has(object)) pods.set(object, podView(object, settings.podTemplatePaths));
    return pods.get(object);
  };
  for (const document of file.documents) {
    for (const object of document.objects) {
      for (const { configured, rule } of objectRules) rule.check(ruleContext(configured, object, settings, findings), preparedOptions(rule, configured.options));
      if (podRules.length === 0) continue;
      const pod = podOf(object);
      if (!pod) continue;
      for (const { configured, rule } of podRules) rule.check({ ...ruleContext(configured, object, settings, findings), pod }, preparedOptions(rule, configured.options));
    }
  }
  return applySuppressions(file, findings.sort(compareFindings), settings, podOf);
}

/** What a rule's check gets for one object: the object, the run's settings, and report. */
function ruleContext(configured: ConfiguredRule, object: K8sObject, settings: LintSettings, findings: Finding[]): ObjectRuleContext<string> {
  const { rule } = configured;
  const identity: ObjectIdentity = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    namespace: object.namespace,
  };
  const sourceMap = object.document.sourceMap;
  return {
    object,
    kubernetesVersion: settings.kubernetesVersion,
    customSchemas: settings.customSchemas,
    report(descriptor: ReportDescriptor<string>) {
      const template = rule.meta.messages[descriptor.messageId];
      if (template === undefined) throw new Error(`Rule ${rule.id} reported unknown messageId "${descriptor.messageId}".`);
      const location = sourceMap.resolve([...object.documentPath, ...descriptor.path], descriptor.target);
      const fix = descriptor.fix && resolveFix(sourceMap, object, descriptor.fix);
      findings.push({
        ruleId: rule.id,
        severity: reportSeverity(configured, descriptor.severity),
        message: formatMessage(template, descriptor.data),
        filePath: object.file.filePath,
        range: location.range,
        object: identity,
        path: descriptor.path,
        exact: location.exact,
        messageId: descriptor.messageId,
        ...(descriptor.deprecated ? { deprecated: true } : {}),
        ...(fix ? { fixes: [fix] } : {}),
      });
    },
    lineOf(path: Path) {
      return sourceMap.resolve([...object.documentPath, ...path]).range.start.line + 1;
    },
  };
}

/** A fix lands only where its path exists: an edit next to the wrong node would break the file. */
function resolveFix(sourceMap: SourceMap, object: K8sObject, fix: ReportedFix): FindingFix | undefined {
  const path = [...object.documentPath, ...fix.path];
  const original = sourceMap.sourceText(path, fix.target);
  if (original === undefined) return undefined;
  const location = sourceMap.resolve(path, fix.target);
  return { title: fix.title, edits: [{ range: location.range, newText: fix.verbatim ? fix.text : quotedLike(original, fix.text) }] };
}

/**
 * Rules give a fix's plain text; the range of a quoted scalar includes its quotes (every key and
 * value of a JSON file), so the replacement keeps the quoting style it replaces.
 */
function quotedLike(original: string, text: string): string {
  if (original.startsWith('"')) return JSON.stringify(text);
  if (original.startsWith("'")) return `'${text.replace(/'/g, "''")}'`;
  return text;
}
