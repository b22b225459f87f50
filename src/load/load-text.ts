import { Composer, LineCounter, Parser, Scalar, isMap, isScalar, isSeq, visit, type Document } from 'yaml';
import { asArray, asString, isObject, type JsonObject } from '../json.js';
import type { Path } from '../path.js';
import { collectComments } from './comments.js';
import { LineIndex, type SourceRange } from './position.js';
import { SourceMap } from './source-map.js';
import type { K8sObject, LoadProblem, LoadedDocument, LoadedFile, SourceComment } from './types.js';
import { KUBERNETES_TO_JS_OPTIONS, KUBERNETES_YAML_OPTIONS } from './yaml-schema.js';

/**
 * Parses a file's text into documents and Kubernetes objects, once. Every later stage works on
 * what this returns; nothing downstream re-reads or re-parses the text.
 */
export function loadText(filePath: string, text: string): LoadedFile {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const lines = new LineIndex(lineCounter.lineStarts);
  const comments: SourceComment[] = collectComments(tokens, lines);
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
    problems.push({
      ruleId: 'helm-template',
      message:
        'This file is a template ({{ }} syntax), not a manifest; render it first (for example `helm template ... | podlint -`).',
      range: lines.range(template, template + 2),
    });
  } else {
    parsed.forEach((yamlDocument, index) => {
      const document = loadDocument(file as LoadedFile, yamlDocument, index, lines, problems);
      if (document) documents.push(document);
    });
  }
  file.documents = documents;
  file.problems = problems;
  return file as LoadedFile;
}

function loadDocument(
  file: LoadedFile,
  yamlDocument: Document.Parsed,
  index: number,
  lines: LineIndex,
  problems: LoadProblem[],
): LoadedDocument | undefined {
  let fatal = false;
  for (const error of yamlDocument.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      problems.push(duplicateKeyProblem(yamlDocument, lines, error.pos[0]));
      continue;
    }
    fatal = true;
    problems.push({
      ruleId: 'yaml-syntax',
      message: firstLine(error.message),
      range: lines.range(error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)),
    });
  }
  // A document that does not parse is reported, not linted; the file's other documents still are.
  if (fatal) return undefined;

  let value: unknown;
  try {
    value = yamlDocument.toJS(KUBERNETES_TO_JS_OPTIONS);
  } catch (error) {
    const range = yamlDocument.contents?.range ?? yamlDocument.range;
    problems.push({
      ruleId: 'yaml-syntax',
      message: `The document cannot be expanded: ${errorMessage(error)}.`,
      range: lines.range(range[0], Math.max(range[1], range[0] + 1)),
    });
    return undefined;
  }

  const sourceMap = new SourceMap(yamlDocument, lines);
  const objects: K8sObject[] = [];
  const document: LoadedDocument = { index, yaml: yamlDocument, sourceMap, objects };
  for (const [documentPath, object] of kubernetesObjects(value)) {
    objects.push(makeObject(file, document, documentPath, object));
  }
  return document;
}

/**
 * The Kubernetes objects of a document: the root when it has a kind or apiVersion, and the
 * items of any `*List` kind (`kind: List`, `PodList`...), as kubectl reads them. Documents that
 * are not Kubernetes objects (a values file, package.json) are not objects and are skipped.
 */
function* kubernetesObjects(root: unknown): Generator<[Path, JsonObject]> {
  if (!isObject(root) || (root.kind === undefined && root.apiVersion === undefined)) return;
  const kind = asString(root.kind);
  if (kind?.endsWith('List') && Array.isArray(root.items)) {
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

/**
 * Describes a duplicate key: its name, where it first appeared, and the range of the second key.
 * Only runs for documents that have one.
 */
function duplicateKeyProblem(document: Document.Parsed, lines: LineIndex, offset: number): LoadProblem {
  const problem: LoadProblem = {
    ruleId: 'duplicate-key',
    message: 'Duplicate key in a mapping; kubectl rejects a mapping with the same key twice.',
    range: lines.range(offset, offset + 1),
  };
  visit(document, {
    Map(_key, node) {
      const duplicate = node.items.find((pair) => isScalar(pair.key) && pair.key.range?.[0] === offset)?.key;
      if (!isScalar(duplicate) || !duplicate.range) return undefined;
      const name = String(duplicate.value);
      const first = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === name)?.key;
      const firstLine = isScalar(first) && first.range ? lines.position(first.range[0]).line + 1 : undefined;
      problem.message = `Duplicate key "${name}"${firstLine ? ` (first on line ${firstLine})` : ''}; kubectl rejects a mapping with the same key twice.`;
      problem.range = lines.range(duplicate.range[0], duplicate.range[1]);
      return visit.BREAK;
    },
  });
  return problem;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
}

export type { SourceRange };
