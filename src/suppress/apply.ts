import invalidSuppression from '../../rules/invalid-suppression.js';
import unusedSuppression from '../../rules/unused-suppression.js';
import { builtinRules } from '../../rules/index.js';
import { formatMessage, type FileRule } from '../engine/define-rule.js';
import { compareFindings, type Finding, type FindingSuppression } from '../engine/finding.js';
import type { LintSettings } from '../engine/lint-file.js';
import type { Severity } from '../engine/severity.js';
import type { PodView } from '../k8s/pod-view.js';
import type { SourceRange } from '../load/position.js';
import type { K8sObject, LoadedFile } from '../load/types.js';
import { didYouMean } from '../text/did-you-mean.js';
import { readAnnotations, type SuppressionAnnotation } from './annotations.js';
import { DIRECTIVE_KINDS, parseDirectives, RULE_ID_PATTERN, type Directive, type MalformedDirective, type NamedRule } from './directives.js';

const BUILTIN_IDS: ReadonlySet<string> = new Set(builtinRules.map((rule) => rule.id));

/** Which suppressions were used, by directive or annotation and rule (`*` for a list-less one). */
type UsedSet = Set<string>;

/**
 * The suppression stage: marks findings that a directive comment or a podlint.dev annotation
 * covers (they keep their place, with `suppressions` set) and reports directives that cannot
 * work or, when `unused-suppression` is on, that suppressed nothing. A file without the text
 * `podlint-` or `podlint.dev/` is returned as it is.
 */
export function applySuppressions(
  file: LoadedFile,
  findings: readonly Finding[],
  settings: LintSettings,
  /** The objects' pod views, as the pod rules saw them (built once per object). */
  podOf: (object: K8sObject) => PodView | undefined,
): Finding[] {
  const hasDirectives = file.comments.some((comment) => comment.text.includes('podlint-'));
  const hasAnnotations = file.text.includes('podlint.dev/');
  if (!hasDirectives && !hasAnnotations) return [...findings];

  const { directives, malformed } = hasDirectives ? parseDirectives(file.comments, file.text, file.lines) : { directives: [], malformed: [] };
  const annotated = hasAnnotations ? annotatedObjects(file, podOf) : [];
  const used: UsedSet = new Set();
  const blocks = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable');

  const result = findings.map((finding) => {
    const suppressions: FindingSuppression[] = [];
    for (const directive of directives) {
      if (directive.kind === 'disable' || directive.kind === 'enable') continue;
      if (directive.kind !== 'disable-file' && directive.line !== finding.range.start.line) continue;
      if (covers(directive, finding.ruleId, used)) suppressions.push(fromDirective(directive));
    }
    const block = blockCovering(blocks, finding, used);
    if (block) suppressions.push(fromDirective(block));
    for (const { object, range, annotations } of annotated) {
      if (finding.range.startOffset < range[0] || finding.range.startOffset >= range[1] || finding.filePath !== object.file.filePath) continue;
      for (const annotation of annotations) {
        if (annotation.problem) continue;
        if (annotation.container && !startsWith(finding.path, annotation.container.path)) continue;
        const entry = annotation.entries.find((candidate) => candidate.id === finding.ruleId || candidate.id === '*');
        if (!entry) continue;
        used.add(usedKey(annotation.range, entry.id));
        suppressions.push({ kind: 'annotation', range: annotation.range, ...(entry.reason ? { reason: entry.reason } : {}) });
      }
    }
    return suppressions.length > 0 ? { ...finding, suppressions } : finding;
  });

  const known = settings.knownRuleIds ?? new Set([...BUILTIN_IDS, ...settings.rules.map((configured) => configured.rule.id)]);
  const report = new SuppressionReporter(file, settings);
  report.invalid(directives, malformed, annotated.flatMap((entry) => entry.annotations), known);
  report.unused(directives, annotated.flatMap((entry) => entry.annotations), used, known);
  return [...result, ...report.findings].sort(compareFindings);
}

/** True when a line or file directive names the rule (or names none); marks it used. */
function covers(directive: Directive, ruleId: string, used: UsedSet): boolean {
  if (directive.rules.length === 0) {
    used.add(usedKey(directive.range, '*'));
    return true;
  }
  const named = directive.rules.find((rule) => rule.id === ruleId);
  if (!named) return false;
  used.add(usedKey(directive.range, named.id));
  return true;
}

/**
 * The `disable` block that covers a finding, if any. Blocks are read in order: a `disable` takes
 * effect on its own line, an `enable` after its line, so both comment lines belong to the block.
 */
function blockCovering(blocks: readonly Directive[], finding: Finding, used: UsedSet): Directive | undefined {
  let active: Directive | undefined;
  const line = finding.range.start.line;
  for (const directive of blocks) {
    const applies = directive.rules.length === 0 || directive.rules.some((rule) => rule.id === finding.ruleId);
    if (!applies) continue;
    if (directive.kind === 'disable' && directive.line <= line) active = directive;
    else if (directive.kind === 'enable' && directive.line < line) active = undefined;
  }
  if (active) used.add(usedKey(active.range, active.rules.length === 0 ? '*' : finding.ruleId));
  return active;
}

function fromDirective(directive: Directive): FindingSuppression {
  return { kind: 'directive', range: directive.range, ...(directive.reason ? { reason: directive.reason } : {}) };
}

function usedKey(range: SourceRange, ruleId: string): string {
  return `${range.startOffset}\u0000${ruleId}`;
}

function startsWith(path: readonly (string | number)[] | undefined, prefix: readonly (string | number)[]): boolean {
  if (!path || path.length < prefix.length) return false;
  return prefix.every((segment, index) => path[index] === segment);
}

interface AnnotatedObject {
  readonly object: K8sObject;
  /** Offsets of the object's node, end exclusive. */
  readonly range: readonly [number, number];
  readonly annotations: readonly SuppressionAnnotation[];
}

function annotatedObjects(file: LoadedFile, podOf: (object: K8sObject) => PodView | undefined): AnnotatedObject[] {
  const found: AnnotatedObject[] = [];
  for (const document of file.documents) {
    for (const object of document.objects) {
      const annotations = readAnnotations(object, podOf(object));
      if (annotations.length === 0) continue;
      const range = document.sourceMap.nodeSpan(object.documentPath);
      if (range) found.push({ object, range, annotations });
    }
  }
  return found;
}

/** Builds the stage's own findings, at the severity the two suppression rules are configured with. */
class SuppressionReporter {
  readonly findings: Finding[] = [];
  private readonly unusedSeverity: Severity | undefined;
  private readonly invalidSeverity: Severity | undefined;
  private readonly requireReason: boolean;

  constructor(
    private readonly file: LoadedFile,
    settings: LintSettings,
  ) {
    const configured = (id: string) => settings.rules.find((candidate) => candidate.rule.id === id);
    this.unusedSeverity = configured(unusedSuppression.id)?.severity;
    const invalid = configured(invalidSuppression.id);
    this.invalidSeverity = invalid?.severity;
    this.requireReason = Boolean((invalid?.options as { requireReason?: boolean } | undefined)?.requireReason);
  }

  invalid(directives: readonly Directive[], malformed: readonly MalformedDirective[], annotations: readonly SuppressionAnnotation[], known: ReadonlySet<string>): void {
    const severity = this.invalidSeverity;
    if (!severity) return;
    const kinds = DIRECTIVE_KINDS.map((kind) => `podlint-${kind}`).join(', ');
    for (const problem of malformed) this.add(invalidSuppression, 'malformed', severity, problem.range, { directive: problem.directive, kinds });
    for (const directive of directives) {
      for (const rule of directive.rules) {
        if (known.has(rule.id)) continue;
        this.unknownRule(rule, `a podlint-${directive.kind} directive`, known);
      }
      if (this.requireReason && directive.kind !== 'enable' && !directive.reason) {
        this.add(invalidSuppression, 'missingReason', severity, directive.range, { kind: directive.kind });
      }
    }
    for (const annotation of annotations) {
      const about = { annotation: annotation.key };
      if (annotation.problem === 'annotationContainer') this.add(invalidSuppression, 'annotationContainer', severity, annotation.range, { ...about, container: annotation.containerName ?? '' });
      else if (annotation.problem === 'annotationNotString') this.add(invalidSuppression, 'annotationNotString', severity, annotation.range, about);
      else if (annotation.problem === 'annotationEmpty') this.add(invalidSuppression, 'annotationEmpty', severity, annotation.range, about);
      if (annotation.problem) continue;
      for (const entry of annotation.entries) {
        if (entry.id === '*' || known.has(entry.id)) continue;
        this.unknownRule({ id: entry.id, range: annotation.range }, `the annotation ${annotation.key}`, known);
      }
    }
  }

  unused(directives: readonly Directive[], annotations: readonly SuppressionAnnotation[], used: UsedSet, known: ReadonlySet<string>): void {
    const severity = this.unusedSeverity;
    if (!severity) return;
    for (const directive of directives) {
      if (directive.kind === 'enable') continue;
      if (directive.rules.length === 0) {
        if (!used.has(usedKey(directive.range, '*'))) this.add(unusedSuppression, 'directive', severity, directive.range, { kind: directive.kind });
        continue;
      }
      for (const rule of directive.rules) {
        // An unknown rule is reported as invalid; saying it is also unused adds nothing.
        if (!known.has(rule.id) || used.has(usedKey(directive.range, rule.id))) continue;
        this.add(unusedSuppression, 'directiveRule', severity, rule.range, { kind: directive.kind, rule: rule.id });
      }
    }
    for (const annotation of annotations) {
      if (annotation.problem) continue;
      for (const entry of annotation.entries) {
        if ((entry.id !== '*' && !known.has(entry.id)) || used.has(usedKey(annotation.range, entry.id))) continue;
        if (entry.id === '*') this.add(unusedSuppression, 'annotation', severity, annotation.range, { annotation: annotation.key });
        else this.add(unusedSuppression, 'annotationRule', severity, annotation.range, { annotation: annotation.key, rule: entry.id });
      }
    }
  }

  private unknownRule(rule: NamedRule, where: string, known: ReadonlySet<string>): void {
    const suggestion = RULE_ID_PATTERN.test(rule.id) ? didYouMean(rule.id, known) : undefined;
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
    this.add(invalidSuppression, 'unknownRule', this.invalidSeverity!, rule.range, { rule: rule.id, where, hint });
  }

  /** One finding of a suppression rule, with one of its message ids (the types check it exists). */
  private add<MessageId extends string>(rule: FileRule<MessageId>, messageId: NoInfer<MessageId>, severity: Severity, range: SourceRange, data: Record<string, string>): void {
    this.findings.push({ ruleId: rule.id, severity, message: formatMessage(rule.meta.messages[messageId], data), filePath: this.file.filePath, range, messageId });
  }
}
