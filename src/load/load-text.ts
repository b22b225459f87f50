import { Composer, LineCounter, Parser, Scalar, isMap, isSeq, visit, type CST, type Document } from 'yaml';
import { asArray, asString, isObject, type JsonObject } from '../json.js';
import type { Path } from '../path.js';
import helmTemplate from '../../rules/helm-template.js';
import yamlSyntax from '../../rules/yaml-syntax.js';
import { collectComments } from './comments.js';
import { walkCst } from './cst-walk.js';
import { loadProblem } from './load-problem.js';
import { LineIndex, type SourceRange } from './position.js';
import { SourceMap } from './source-map.js';
import type { K8sObject, LoadProblem, LoadedDocument, LoadedFile, SourceComment } from './types.js';
import { jsonStreamTokens, jsonStreamValues, scalarRefusals, separatorRefusals, type TextRefusal } from './kubectl-text.js';
import { kubernetesJson } from './kubernetes-json.js';
import { KUBERNETES_YAML_OPTIONS } from './yaml-schema.js';

/**
 * Parses a file's text into documents and Kubernetes objects, once. Every later stage works on
 * what this returns; nothing downstream re-reads or re-parses the text.
 */
export function loadText(filePath: string, text: string): LoadedFile {
  const { tokens, lines, json } = tokenize(text);
  // One walk over the tokens for what the loader reads from them directly.
  const commentTokens: CST.SourceToken[] = [];
  const quotedScalars: (CST.BlockScalar | CST.FlowScalar)[] = [];
  walkCst(tokens, (token) => {
    if (token.type === 'comment') commentTokens.push(token);
    else if (token.type === 'block-scalar' || token.type === 'double-quoted-scalar') quotedScalars.push(token);
  });
  const comments: SourceComment[] = collectComments(commentTokens, lines);
  const parsed = [...new Composer(KUBERNETES_YAML_OPTIONS).compose(tokens)];

  const file: { -readonly [K in keyof LoadedFile]: LoadedFile[K] } = {
    filePath,
    text,
    lines,
    documents: [],
    comments,
    problems: [],
  };
  const problems: LoadProblem[] = [];
  const documents: LoadedDocument[] = [];

  const template = text.includes('{{') ? findTemplateMarker(text, parsed) : undefined;
  if (template !== undefined) {
    problems.push(loadProblem(helmTemplate, 'template', lines.range(template, template + 2)));
  } else {
    // A JSON stream is read by a JSON decoder: its escapes and lines are JSON's, not go-yaml's.
    const refusals = json ? [] : [...separatorRefusals(text, tokens), ...scalarRefusals(quotedScalars)].sort((a, b) => a.start - b.start);
    const refusalProblem = ({ start, end, ...message }: TextRefusal): LoadProblem => ({ ...message, range: lines.range(start, end) });
    let pending = refusals;
    parsed.forEach((yamlDocument, index) => {
      // What kubectl refuses in the text is reported with the document it falls in (a directive
      // with the document after it), and that document is not linted, as a syntax error is not.
      const refused = pending.filter((refusal) => refusal.start < yamlDocument.range[2]);
      pending = pending.filter((refusal) => refusal.start >= yamlDocument.range[2]);
      problems.push(...refused.map(refusalProblem));
      const document = loadDocument(file as LoadedFile, yamlDocument, index, lines, problems, refused.length > 0);
      if (document) documents.push(document);
    });
    problems.push(...pending.map(refusalProblem));
  }
  file.documents = documents;
  file.problems = problems;
  return file as LoadedFile;
}

/**
 * The parse tokens, and whether kubectl reads the file as JSON (it does when the first character
 * is `{` and the file is JSON): a stream of several objects becomes a document per object here
 * (kubectl-text.ts); one object is parsed as the YAML it also is.
 */
function tokenize(text: string): { tokens: CST.Token[]; lines: LineIndex; json: boolean } {
  const values = /^\s*\{/.test(text) ? jsonStreamValues(text) : undefined;
  if (values && values.length > 1) return { tokens: jsonStreamTokens(text, values), lines: LineIndex.fromText(text), json: true };
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  return { tokens, lines: new LineIndex(lineCounter.lineStarts), json: values !== undefined };
}

function loadDocument(
  file: LoadedFile,
  yamlDocument: Document.Parsed,
  index: number,
  lines: LineIndex,
  problems: LoadProblem[],
  refused: boolean,
): LoadedDocument | undefined {
  let fatal = refused;
  for (const error of yamlDocument.errors) {
    fatal = true;
    problems.push(loadProblem(yamlSyntax, 'syntax', lines.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)), { error: firstLine(error.message) }));
  }
  // A document that does not parse is reported, not linted; the file's other documents still are.
  if (fatal) return undefined;

  const conversion = kubernetesJson(yamlDocument, (offset) => lines.position(offset).line);
  if (!conversion.ok) {
    problems.push(loadProblem(yamlSyntax, 'unexpandable', lines.range(conversion.start, conversion.end), { reason: conversion.message }));
    return undefined;
  }
  // What kubectl would refuse to convert is reported, and the document is linted as podlint reads it.
  for (const problem of conversion.problems) {
    const { start, end, ...message } = problem;
    problems.push({ ...message, range: lines.range(start, end) });
  }

  const sourceMap = new SourceMap(yamlDocument, lines, file.text);
  const objects: K8sObject[] = [];
  const document: LoadedDocument = { index, sourceMap, objects };
  for (const [documentPath, object] of kubernetesObjects(conversion.value)) {
    objects.push(makeObject(file, document, documentPath, object));
  }
  return document;
}

/**
 * The Kubernetes objects of a document: the root when it has a kind or apiVersion, or the items
 * of a list, as kubectl reads them: its decoder takes any object with an `items` list for a List
 * (`kind: List`, `PodList`, whatever the kind). Documents that are not Kubernetes objects (a values
 * file, package.json) are not objects and are skipped.
 */
function* kubernetesObjects(root: unknown): Generator<[Path, JsonObject]> {
  if (!isObject(root) || (root.kind === undefined && root.apiVersion === undefined)) return;
  if (Array.isArray(root.items)) {
    let index = 0;
    for (const item of asArray(root.items)) {
      if (isObject(item)) yield [['items', index], item];
      index++;
    }
    return;
  }
  yield [[], root];
}

function makeObject(file: LoadedFile, document: LoadedDocument, documentPath: Path, value: JsonObject): K8sObject {
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  return {
    file,
    document,
    documentPath,
    value,
    apiVersion: asString(value.apiVersion),
    kind: asString(value.kind) ?? '',
    name: asString(metadata?.name) ?? asString(metadata?.generateName),
    namespace: asString(metadata?.namespace),
  };
}

/**
 * Finds where a template expression sits in YAML position: `{{ .Values.x }}` as a plain value
 * parses as a flow map inside a flow map, `name: app-{{uid}}` as a plain string, and template
 * lines (`{{- if ... }}`) usually break the parse. A quoted string that is one whole expression
 * (`"{{ .Values.image }}"`) is a template too; `{{ }}` inside a longer quoted or block string
 * (a Prometheus alert text) is data and does not count.
 */
function findTemplateMarker(text: string, documents: readonly Document.Parsed[]): number | undefined {
  const broken = documents.some((document) => document.errors.some((error) => error.code !== 'DUPLICATE_KEY'));
  if (broken) return firstMarkerOutsideComments(text);
  let found: number | undefined;
  // Point at the `{{` itself, not at the start of the value that holds it.
  const stopAt = (range: readonly number[] | null | undefined) => {
    const start = range?.[0] ?? 0;
    const marker = text.indexOf('{{', start);
    found = marker !== -1 && marker < (range?.[1] ?? start) ? marker : start;
    return visit.BREAK;
  };
  for (const document of documents) {
    visit(document, {
      Map(_key, node) {
        const first = node.items[0]?.key;
        return node.flow && (isMap(first) || isSeq(first)) ? stopAt(node.range) : undefined;
      },
      Scalar(_key, node) {
        if (typeof node.value !== 'string' || !node.value.includes('{{')) return undefined;
        const plain = node.type === Scalar.PLAIN;
        const whole = /^\s*\{\{.*\}\}\s*$/s.test(node.value);
        return plain || whole ? stopAt(node.range) : undefined;
      },
    });
    if (found !== undefined) return found;
  }
  return undefined;
}

function firstMarkerOutsideComments(text: string): number | undefined {
  const pattern = /\{\{/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const lineStart = text.lastIndexOf('\n', match.index) + 1;
    const before = text.slice(lineStart, match.index);
    if (!/(^|\s)#/.test(before)) return match.index;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export type { SourceRange };
