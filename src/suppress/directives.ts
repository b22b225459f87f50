import type { LineIndex, SourceRange } from '../load/position.js';
import type { SourceComment } from '../load/types.js';

/** The comment forms podlint understands, ESLint's, with YAML's `#`. */
export const DIRECTIVE_KINDS = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'] as const;
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** A rule named in a directive or annotation, with where its name is written. */
export interface NamedRule {
  readonly id: string;
  readonly range: SourceRange;
}

/** A parsed `# podlint-...` comment. */
export interface Directive {
  readonly kind: DirectiveKind;
  /** The rules it names; empty means every rule. */
  readonly rules: readonly NamedRule[];
  /** The text after ` -- `, trimmed; undefined when there is none. */
  readonly reason: string | undefined;
  /** The whole comment, `#` included. */
  readonly range: SourceRange;
  /** The 0-based line the directive covers (next-line and line forms), or where a block starts or ends. */
  readonly line: number;
}

/** A comment that starts like a directive but is not one (`# podlint-disable-nextline`). */
export interface MalformedDirective {
  /** What was written: `podlint-disable-nextline`. */
  readonly directive: string;
  readonly range: SourceRange;
}

/** How rule ids are written: lowercase words with `-`, optionally a `/`-separated prefix. */
export const RULE_ID_PATTERN = /^[A-Za-z0-9][\w./-]*$/;

const DIRECTIVE = /^(\s*)podlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/s;
const LOOKS_LIKE_DIRECTIVE = /^\s*podlint-(disable|enable)\S*/;

/**
 * Reads the directives out of a file's comments. Only comments whose text starts with
 * `podlint-` are looked at closely, so a file without directives costs one regex per comment.
 */
export function parseDirectives(
  comments: readonly SourceComment[],
  text: string,
  lines: LineIndex,
): { directives: Directive[]; malformed: MalformedDirective[] } {
  const directives: Directive[] = [];
  const malformed: MalformedDirective[] = [];
  for (const comment of comments) {
    if (!comment.text.includes('podlint-')) continue;
    const match = DIRECTIVE.exec(comment.text);
    if (!match) {
      const near = LOOKS_LIKE_DIRECTIVE.exec(comment.text);
      if (near) {
        malformed.push({ directive: near[0].trim(), range: comment.range });
      }
      continue;
    }
    const kind = match[2] as DirectiveKind;
    // Text offsets of the comment's `rest` part: `#` + leading space + `podlint-` + kind.
    const restStart = 1 + (match[1]?.length ?? 0) + 'podlint-'.length + kind.length;
    const rest = match[3] ?? '';
    const separator = /(^|\s)--(\s|$)/.exec(rest);
    const list = separator ? rest.slice(0, separator.index) : rest;
    const reason = separator ? rest.slice(separator.index + separator[0].length).trim() || undefined : undefined;
    const rules: NamedRule[] = [];
    for (const token of list.matchAll(/[^\s,]+/g)) {
      const offset = restStart + (token.index ?? 0);
      rules.push({ id: token[0], range: sliceRange(comment.range, offset, token[0].length) });
    }
    const line = kind === 'disable-next-line' ? nextContentLine(comment.range.start.line, text, lines) : comment.range.start.line;
    directives.push({ kind, rules, reason, range: comment.range, line });
  }
  return { directives, malformed };
}

/**
 * The line a `disable-next-line` comment covers: the next line that holds more than blank space
 * or another comment, so directives and explanations can be stacked above the line they mean.
 */
function nextContentLine(commentLine: number, text: string, lines: LineIndex): number {
  for (let line = commentLine + 1; line < lines.lineCount; line++) {
    const start = lines.lineStart(line) ?? text.length;
    const end = lines.lineStart(line + 1) ?? text.length;
    if (!/^\s*(#.*)?$/s.test(text.slice(start, end))) return line;
  }
  return commentLine + 1;
}

/** The range of `length` characters at `offset` into a one-line comment. */
export function sliceRange(range: SourceRange, offset: number, length: number): SourceRange {
  return {
    start: { line: range.start.line, column: range.start.column + offset },
    end: { line: range.start.line, column: range.start.column + offset + length },
    startOffset: range.startOffset + offset,
    endOffset: range.startOffset + offset + length,
  };
}
