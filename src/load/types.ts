import type { JsonObject } from '../json.js';
import type { Path } from '../path.js';
import type { LineIndex, SourceRange } from './position.js';
import type { SourceMap } from './source-map.js';

/** A comment of the file, kept for suppression directives. `text` excludes the leading `#`. */
export interface SourceComment {
  text: string;
  range: SourceRange;
}

/**
 * A problem found while reading a file, before any rule runs (bad YAML, a template, binary data),
 * for a file-scope rule: its id, message id and data, and the message they make (see loadProblem).
 */
export interface LoadProblem {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly message: string;
  readonly range: SourceRange;
}

/** A Kubernetes object: a document's root map, or an item of a `kind: List`. */
export interface K8sObject {
  readonly file: LoadedFile;
  readonly document: LoadedDocument;
  /** Where the object sits in its document: `[]`, or `['items', 3]` inside a List. */
  readonly documentPath: Path;
  readonly value: JsonObject;
  readonly apiVersion: string | undefined;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

export interface LoadedDocument {
  /** 0-based index of the document in its file. */
  readonly index: number;
  /** Positions and source text of the document; the parsed YAML itself stays inside load/. */
  readonly sourceMap: SourceMap;
  readonly objects: readonly K8sObject[];
}

export interface LoadedFile {
  /** The path as given or found (relative to the working directory when found by a glob). */
  readonly filePath: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly documents: readonly LoadedDocument[];
  readonly comments: readonly SourceComment[];
  readonly problems: readonly LoadProblem[];
}
