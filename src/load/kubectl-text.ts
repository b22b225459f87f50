import { Parser, type CST } from 'yaml';
import yamlSyntax from '../../rules/yaml-syntax.js';
import { problemMessage, type ProblemMessage } from './load-problem.js';

// What kubectl does to a file's text before, or besides, go-yaml's parse, where the yaml package
// reads differently: it splits YAML at `---` lines itself, it reads a file that starts with `{` as
// a stream of JSON objects, and go-yaml's scanner refuses a tab inside a block scalar's
// indentation. Checked against kubectl by test/integrations/kubectl.test.ts.

/** A place in the text kubectl refuses (a yaml-syntax message); the document around it is reported, not linted. */
export interface TextRefusal extends ProblemMessage {
  readonly start: number;
  readonly end: number;
}

/**
 * k8s.io/apimachinery's YAMLReader cuts the stream at every line that starts with `---` and allows
 * only a comment after it, before go-yaml sees a document: `--- !!map` or `--- {a: 1}` is refused
 * ("invalid Yaml document separator"), and a `%YAML` or `%TAG` directive ends up alone in a piece of
 * its own, which go-yaml rejects (the directive is cut off from its document).
 */
export function separatorRefusals(text: string, tokens: readonly CST.Token[]): TextRefusal[] {
  const refusals: TextRefusal[] = [];
  const separator = /^---([^\r\n]*)/gm;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    const rest = match[1]!.trim();
    if (rest === '' || rest.startsWith('#')) continue;
    const start = match.index + match[0].indexOf(rest);
    refusals.push({ start, end: start + rest.length, ...problemMessage(yamlSyntax, 'separator', { rest }) });
  }
  for (const token of tokens) {
    if (token.type !== 'directive') continue;
    refusals.push({ start: token.offset, end: token.offset + token.source.trimEnd().length, ...problemMessage(yamlSyntax, 'directive', { directive: token.source.trim() }) });
  }
  return refusals;
}

/**
 * What go-yaml's scanner refuses inside scalars the yaml package reads on: a tab where a block
 * scalar's indentation is expected (on the lines before the first content line, while it finds
 * the indentation, and before the indentation column on any later line; the yaml package reads
 * it as content), and in a double-quoted string the escape \/ (YAML 1.2 added it, go-yaml reads
 * 1.1) or a \u or \U escape of a UTF-16 surrogate or beyond U+10FFFF.
 */
export function scalarRefusals(scalars: readonly (CST.BlockScalar | CST.FlowScalar)[]): TextRefusal[] {
  const refusals: TextRefusal[] = [];
  for (const token of scalars) {
    if (token.type === 'block-scalar') {
      const tab = blockScalarTab(token);
      if (tab !== undefined) refusals.push({ start: tab, end: tab + 1, ...problemMessage(yamlSyntax, 'blockScalarTab') });
    } else if (token.type === 'double-quoted-scalar') {
      refusals.push(...escapeRefusals(token.source, token.offset));
    }
  }
  return refusals;
}

function escapeRefusals(source: string, offset: number): TextRefusal[] {
  const refusals: TextRefusal[] = [];
  for (let i = source.indexOf('\\'); i !== -1; i = source.indexOf('\\', i + 2)) {
    const escape = source[i + 1];
    if (escape === '/') {
      refusals.push({ start: offset + i, end: offset + i + 2, ...problemMessage(yamlSyntax, 'slashEscape') });
    } else if (escape === 'u' || escape === 'U') {
      const digits = source.slice(i + 2, i + 2 + (escape === 'u' ? 4 : 8));
      const code = /^[0-9a-fA-F]+$/.test(digits) ? Number.parseInt(digits, 16) : undefined;
      if (code !== undefined && ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)) {
        const end = offset + i + 2 + digits.length;
        const what = code > 0x10ffff ? 'beyond Unicode' : 'half of a UTF-16 surrogate pair';
        refusals.push({ start: offset + i, end, ...problemMessage(yamlSyntax, 'unicodeEscape', { escape: `${escape}${digits}`, what }) });
      }
    }
  }
  return refusals;
}

function blockScalarTab(token: CST.BlockScalar): number | undefined {
  const props = token.props as CST.SourceToken[];
  const header = props.find((prop) => prop.type === 'block-scalar-header')?.source ?? '';
  const last = props.at(-1);
  let offset = last ? last.offset + last.source.length : token.offset;
  const parentIndent = token.indent;
  const increment = Number(/[1-9]/.exec(header)?.[0] ?? 0);
  let indent = increment > 0 ? (parentIndent >= 0 ? parentIndent + increment : increment) : 0;
  let maxIndent = 0;
  for (const line of token.source.split('\n')) {
    let column = 0;
    while ((indent === 0 || column < indent) && line[column] === ' ') column++;
    if (indent === 0) maxIndent = Math.max(maxIndent, column);
    if ((indent === 0 || column < indent) && line[column] === '\t') return offset + column;
    const empty = column >= line.length || line[column] === '\r';
    if (!empty && indent === 0) indent = Math.max(maxIndent, parentIndent + 1, 1);
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * kubectl reads a file whose first non-space character is `{` as JSON, a stream of objects one
 * after another (`{...}{...}` or one per line), where YAML would need `---` between them. Returns
 * the range of each object when the whole file is such a stream; anything else is left to the
 * YAML parser (newer kubectl falls back to YAML too, and 1.32 refuses it).
 */
export function jsonStreamValues(text: string): [number, number][] | undefined {
  const values: [number, number][] = [];
  let position = skipJsonSpace(text, 0);
  while (position < text.length) {
    if (text[position] !== '{') return undefined;
    const end = jsonObjectEnd(text, position);
    if (end === undefined) return undefined;
    try {
      JSON.parse(text.slice(position, end));
    } catch {
      return undefined;
    }
    values.push([position, end]);
    position = skipJsonSpace(text, end);
  }
  return values.length > 0 ? values : undefined;
}

/** Parses each object of a JSON stream as its own YAML document, with offsets into the whole text. */
export function jsonStreamTokens(text: string, values: readonly [number, number][]): CST.Token[] {
  const tokens: CST.Token[] = [];
  for (const [start, end] of values) {
    for (const token of new Parser().parse(text.slice(start, end))) {
      shiftOffsets(token, start);
      tokens.push(token);
    }
  }
  return tokens;
}

function shiftOffsets(root: unknown, delta: number): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      stack.push(...item);
      continue;
    }
    const record = item as { offset?: unknown };
    if (typeof record.offset === 'number') record.offset += delta;
    for (const value of Object.values(item)) if (typeof value === 'object' && value !== null) stack.push(value);
  }
}

function skipJsonSpace(text: string, from: number): number {
  let position = from;
  while (position < text.length && ' \t\r\n'.includes(text[position]!)) position++;
  return position;
}

/** Where the object that starts at `start` ends (exclusive), minding strings and escapes. */
function jsonObjectEnd(text: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}
