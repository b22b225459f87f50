import type { SourceRange } from '../load/position.js';
import type { Path } from '../path.js';
import type { Severity } from './severity.js';

/** The object a finding is about, as reports name it. */
export interface ObjectIdentity {
  readonly apiVersion: string | undefined;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

/**
 * Why a finding is not counted: a comment directive in the file, or an annotation on the object.
 * Suppressed findings are kept (reports may show them, SARIF lists them).
 */
export interface FindingSuppression {
  readonly kind: 'directive' | 'annotation';
  /** The text after `--` in a directive, or after `=` in an annotation. */
  readonly reason?: string;
  /** Where the directive or annotation is. */
  readonly range?: SourceRange;
}

/** A text edit in the finding's file, 0-based, end exclusive. */
export interface TextEdit {
  readonly range: SourceRange;
  readonly newText: string;
}

/** A safe change that resolves a finding (editors offer it as a quick fix). */
export interface FindingFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/**
 * A finding, resolved to a place in a file. Rules never build these: they report a path into an
 * object, and the engine resolves it through the document's source map.
 */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly filePath: string;
  /** 0-based, end exclusive. */
  readonly range: SourceRange;
  /** The object, when the finding is about one (not for a file that does not parse). */
  readonly object?: ObjectIdentity;
  /** The path into the object the rule reported. */
  readonly path?: Path;
  /** False when the path named a missing field and the range is its closest existing ancestor. */
  readonly exact?: boolean;
  readonly messageId?: string;
  /** The finding is about a deprecated field (editors strike it through). */
  readonly deprecated?: boolean;
  /** Fixes a rule offered; only for paths that resolved exactly. */
  readonly fixes?: readonly FindingFix[];
  /** Set when a directive or an annotation suppressed this finding. */
  readonly suppressions?: readonly FindingSuppression[];
}

/** Orders findings by position, then rule, so output is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.startOffset - b.range.startOffset ||
    a.range.endOffset - b.range.endOffset ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
