import type { PodView } from '../k8s/pod-view.js';
import type { LocationTarget } from '../load/source-map.js';
import type { K8sObject } from '../load/types.js';
import type { Path } from '../path.js';
import type { CustomSchemas } from '../validate/custom-schemas.js';
import type { RuleSeverity, Severity } from './severity.js';

/** A JSON Schema for a rule's options (validated with ajv before the rule runs). */
export type OptionsSchema = { readonly type: 'object' } & Readonly<Record<string, unknown>>;

export interface RuleDocs {
  /** One sentence: what the rule requires. */
  readonly description: string;
  /** What to change to fix a finding. */
  readonly remediation: string;
  /**
   * Why the rule exists and how it decides: which container roles it checks, why its defaults
   * are what they are, what Kubernetes itself does. Rendered as the "Why" section of the rule page.
   */
  readonly rationale?: string;
}

/**
 * What a rule is about. `problem`: Kubernetes rejects it or it breaks at run time. `suggestion`:
 * a best practice.
 */
export type RuleType = 'problem' | 'suggestion';

/**
 * Where a rule applies. `pod`: every object that carries a pod spec, through its pod view.
 * `object`: every Kubernetes object. `file`: reported by podlint itself while reading files
 * (no check of its own; it exists so it can be configured and documented like any rule).
 */
export type RuleScope = 'pod' | 'object' | 'file';

export interface RuleMeta<MessageId extends string, Options extends object> {
  readonly type: RuleType;
  readonly defaultSeverity: RuleSeverity;
  readonly docs: RuleDocs;
  /** Messages by id; `{{name}}` placeholders are filled from the report's data. */
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly schema?: OptionsSchema;
  readonly defaultOptions: Options;
  readonly scope?: RuleScope;
  /** Free-form tags (for example `security`), used by reports and docs. */
  readonly tags?: readonly string[];
  /**
   * For rules tagged `security`: how bad a finding is on GitHub's scale, 0.1 to 10 (>= 9 critical,
   * >= 7 high, >= 4 medium, else low). SARIF carries it as `security-severity`.
   */
  readonly securitySeverity?: number;
}

export interface ReportDescriptor<MessageId extends string> {
  /** Path into the object (not the document); a missing field resolves to its closest ancestor. */
  readonly path: Path;
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Point at the key of the last path segment instead of its value. */
  readonly target?: LocationTarget;
  /**
   * This report's own severity (for example a warning where the API server only warns). It holds
   * while the rule runs at its default severity; a severity the user configured wins over it.
   */
  readonly severity?: Severity;
  /** The finding is about a deprecated field. */
  readonly deprecated?: boolean;
  /**
   * A safe fix: replace the key or value at a path with `text`. The engine resolves it, and drops
   * it when the path does not resolve exactly.
   */
  readonly fix?: ReportedFix;
}

export interface ReportedFix {
  readonly title: string;
  readonly path: Path;
  readonly target?: LocationTarget;
  readonly text: string;
  /**
   * Write `text` as is. By default a replacement keeps the quotes of the scalar it replaces; a
   * fix that turns a quoted number into a number (`"8080"` → `8080`) must not.
   */
  readonly verbatim?: boolean;
}

export interface ObjectRuleContext<MessageId extends string> {
  readonly object: K8sObject;
  /** The Kubernetes version selected for this run, e.g. `1.36`. */
  readonly kubernetesVersion: string;
  /** Schemas given with --schema-dir, for the schema rules. */
  readonly customSchemas?: CustomSchemas | undefined;
  report(descriptor: ReportDescriptor<MessageId>): void;
  /** The 1-based line a path resolves to, for messages that point at another place. */
  lineOf(path: Path): number;
}

export interface PodRuleContext<MessageId extends string> extends ObjectRuleContext<MessageId> {
  readonly pod: PodView;
}

interface RuleBase {
  /** Equals the rule's file name in `rules/`. */
  readonly id: string;
}

/**
 * A rule that checks objects. `prepare` turns the validated options into what `check` works with
 * (compiled patterns, normalized paths), once per configuration instead of once per object; what
 * it throws is a configuration error, reported before any file is linted. Without it, `check`
 * gets the options themselves.
 */
interface CheckingRule<Options extends object, Prepared> extends RuleBase {
  prepare?(options: Options): Prepared;
}

export interface PodRule<MessageId extends string = string, Options extends object = object, Prepared = Options> extends CheckingRule<Options, Prepared> {
  readonly meta: RuleMeta<MessageId, Options> & { readonly scope?: 'pod' };
  check(context: PodRuleContext<MessageId>, options: Prepared): void;
}

export interface ObjectRule<MessageId extends string = string, Options extends object = object, Prepared = Options> extends CheckingRule<Options, Prepared> {
  readonly meta: RuleMeta<MessageId, Options> & { readonly scope: 'object' };
  check(context: ObjectRuleContext<MessageId>, options: Prepared): void;
}

export interface FileRule<MessageId extends string = string> extends RuleBase {
  readonly meta: RuleMeta<MessageId, object> & { readonly scope: 'file' };
}

export type Rule<MessageId extends string = string, Options extends object = object> =
  | PodRule<MessageId, Options>
  | ObjectRule<MessageId, Options>
  | FileRule<MessageId>;

/** Any rule, whatever its message ids and options, as registries hold them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = PodRule<string, any, any> | ObjectRule<string, any, any> | FileRule<string>;

/**
 * Declares a rule. An identity function: its value is in the types, which tie `report`'s
 * messageId to the keys of `meta.messages`, `check`'s options to `meta.defaultOptions`, or to
 * what `prepare` returns when the rule has one.
 */
export function defineRule<const MessageId extends string, Options extends object, Prepared = Options>(
  rule: PodRule<MessageId, Options, Prepared>,
): PodRule<MessageId, Options, Prepared>;
export function defineRule<const MessageId extends string, Options extends object, Prepared = Options>(
  rule: ObjectRule<MessageId, Options, Prepared>,
): ObjectRule<MessageId, Options, Prepared>;
export function defineRule<const MessageId extends string>(rule: FileRule<MessageId>): FileRule<MessageId>;
export function defineRule(rule: AnyRule): AnyRule {
  return rule;
}

export function isPodRule(rule: AnyRule): rule is PodRule<string, object, unknown> {
  return rule.meta.scope === undefined || rule.meta.scope === 'pod';
}

export function isObjectRule(rule: AnyRule): rule is ObjectRule<string, object, unknown> {
  return rule.meta.scope === 'object';
}

/** Fills `{{name}}` placeholders; an unknown placeholder is left as written. */
export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (whole, key: string) =>
    Object.hasOwn(data, key) ? String(data[key]) : whole,
  );
}
