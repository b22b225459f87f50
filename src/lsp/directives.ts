import type { TextEdit } from 'vscode-languageserver';

// The suppression directives' syntax (issue 7): `# podlint-disable-next-line rule-a, rule-b -- reason`
// on its own line applies to the next line; `# podlint-disable-file rule` applies to the whole file.
// These functions compute the edits that insert them; they read the text, never the YAML tree, so
// they work on whatever the editor holds.

export const DISABLE_NEXT_LINE = 'podlint-disable-next-line';
export const DISABLE_FILE = 'podlint-disable-file';

const NEXT_LINE_DIRECTIVE = new RegExp(`^[ \\t]*#[ \\t]*${DISABLE_NEXT_LINE}(?=[ \\t]|$)(.*)$`);
const FILE_DIRECTIVE = new RegExp(`^[ \\t]*#[ \\t]*${DISABLE_FILE}(?=[ \\t]|$)(.*)$`);

/**
 * The edit that disables `ruleId` for one line: a directive above it, indented like it. When the
 * line above already is a next-line directive, the rule joins its list (a second directive line
 * would apply to the first one, not to the target). Undefined when the rule is listed already.
 */
export function disableLineEdit(text: string, line: number, ruleId: string): TextEdit | undefined {
  const lines = splitLines(text);
  const target = lines[line];
  if (target === undefined) return undefined;
  const above = line > 0 ? lines[line - 1] : undefined;
  const existing = above === undefined ? undefined : NEXT_LINE_DIRECTIVE.exec(above.text);
  if (above && existing) {
    const body = existing[1] ?? '';
    const reasonAt = body.search(/[ \t]--(?:[ \t]|$)/);
    const list = reasonAt === -1 ? body : body.slice(0, reasonAt);
    const rules = directiveRules(list);
    if (rules.includes(ruleId)) return undefined;
    // Insert after the last listed rule, keeping any reason that follows.
    const listEnd = above.text.length - body.length + list.trimEnd().length;
    const position = { line: line - 1, character: listEnd };
    return { range: { start: position, end: position }, newText: rules.length > 0 ? `, ${ruleId}` : ` ${ruleId}` };
  }
  const indent = /^[ \t]*/.exec(target.text)?.[0] ?? '';
  const position = { line, character: 0 };
  return { range: { start: position, end: position }, newText: `${indent}# ${DISABLE_NEXT_LINE} ${ruleId}${lineBreak(text)}` };
}

/**
 * The edit that disables `ruleId` for the whole file: a directive at the top, after the leading
 * comment block (a licence header, a schema modeline) and before any YAML, at column 0, so it sits
 * in the first document's prefix where no node can be disturbed. Undefined when the file already
 * has that directive.
 */
export function disableFileEdit(text: string, ruleId: string): TextEdit | undefined {
  const lines = splitLines(text);
  let insertAt = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.text;
    if (/^[ \t]*$/.test(line)) continue;
    if (!/^[ \t]*#/.test(line)) break;
    const existing = FILE_DIRECTIVE.exec(line);
    if (existing && directiveRules(existing[1]!.split(/[ \t]--(?:[ \t]|$)/)[0]!).includes(ruleId)) return undefined;
    insertAt = index + 1;
  }
  const eol = lineBreak(text);
  const position = { line: insertAt, character: 0 };
  // A file whose last line is a comment without a newline needs one before the directive.
  const atEnd = insertAt >= lines.length;
  const prefix = atEnd && text.length > 0 && !text.endsWith('\n') ? eol : '';
  const at = atEnd ? endPosition(lines) : position;
  return { range: { start: at, end: at }, newText: `${prefix}# ${DISABLE_FILE} ${ruleId}${eol}` };
}

/**
 * True when comments can be added to the document: YAML. A JSON manifest would stop being JSON,
 * and kubectl reads a file that starts with `{` as JSON.
 */
export function acceptsComments(text: string, languageId: string | undefined): boolean {
  if (languageId === 'json' || languageId === 'jsonc') return false;
  return !/^\s*[[{]/.test(text);
}

function directiveRules(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

interface Line {
  readonly text: string;
}

/** The file's lines without their line breaks (`\n` or `\r\n`). */
function splitLines(text: string): Line[] {
  return text.split('\n').map((line) => ({ text: line.endsWith('\r') ? line.slice(0, -1) : line }));
}

function endPosition(lines: readonly Line[]): { line: number; character: number } {
  const last = lines.length - 1;
  return { line: last, character: lines[last]?.text.length ?? 0 };
}

/** The file's own line break, so an inserted line does not mix `\n` into a `\r\n` file. */
function lineBreak(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
