import { isMap, isPair, isScalar, isSeq, isAlias, Scalar, type Document, type Node, type Pair } from 'yaml';
import { goKeyString, resolveGoScalar } from './go-yaml-scalar.js';
import type { Path } from '../path.js';
import type { LineIndex, SourceRange } from './position.js';

/** Where a path landed: on the node itself, or on the closest existing ancestor. */
export interface ResolvedLocation {
  range: SourceRange;
  /** False when the path names something missing and the range is the closest ancestor's. */
  exact: boolean;
  /** How many leading segments of the path exist in the document. */
  depth: number;
}

/** Which part of a mapping entry a finding is about. */
export type LocationTarget = 'value' | 'key';

/**
 * Resolves paths into one YAML document to ranges in the file, and answers what later stages ask
 * of the source (the text of a value as written, where an object's node spans), so the parsed
 * YAML stays load's business. It walks the parsed node tree on demand instead of indexing every
 * node up front: most documents get few findings, and the walk is a handful of map look-ups.
 */
export class SourceMap {
  constructor(
    private readonly document: Document.Parsed,
    private readonly lines: LineIndex,
    /** The whole file's text: node ranges are offsets into it. */
    private readonly text: string,
  ) {}

  resolve(path: Path, target: LocationTarget = 'value'): ResolvedLocation {
    const { node, viaPair, depth } = this.walk(path);
    const exact = depth === path.length;
    return { range: this.rangeOf(node, exact && target === 'key' ? viaPair : undefined, viaPair), exact, depth };
  }

  /** The text the path's value (or key) is written as, quotes included; undefined when the path is missing. */
  sourceText(path: Path, target: LocationTarget = 'value'): string | undefined {
    const location = this.resolve(path, target);
    return location.exact ? this.text.slice(location.range.startOffset, location.range.endOffset) : undefined;
  }

  /**
   * The text of the scalar at the path, as written (`1e3`, `9007199254740993`, `"8080"`), or
   * undefined when the path is missing or holds a collection or an alias.
   */
  scalarText(path: Path): string | undefined {
    const { node, depth } = this.walk(path);
    if (depth !== path.length || !isScalar(node) || !hasRange(node)) return undefined;
    return this.text.slice(node.range[0], node.range[1]);
  }

  /** The offsets the node at the path spans, its trailing comments included; undefined when it is missing. */
  nodeSpan(path: Path): readonly [number, number] | undefined {
    const { node, depth } = this.walk(path);
    return depth === path.length && hasRange(node) ? [node.range[0], node.range[2]] : undefined;
  }

  private walk(path: Path): { node: Node | null | undefined; viaPair: Pair | undefined; depth: number } {
    let node: Node | null | undefined = this.document.contents;
    let viaPair: Pair | undefined;
    let depth = 0;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (!next) break;
      node = next.node;
      viaPair = next.pair;
      depth++;
    }
    return { node, viaPair, depth };
  }

  /** The range of the whole document's root node, for findings about a document as such. */
  documentRange(): SourceRange {
    const range = this.document.contents?.range ?? this.document.range;
    return this.lines.range(range[0], range[1]);
  }

  private child(node: Node | null | undefined, segment: string | number): { node: Node | null; pair?: Pair } | undefined {
    const target = isAlias(node) ? node.resolve(this.document) : node;
    if (isMap(target)) {
      // The last of two equal keys is the one Kubernetes keeps.
      const pair = target.items.findLast((item) => isPair(item) && keyText(item.key) === String(segment));
      return pair ? { node: pair.value as Node | null, pair } : undefined;
    }
    if (isSeq(target) && typeof segment === 'number') {
      const item = target.items[segment];
      return item === undefined ? undefined : { node: item as Node | null };
    }
    return undefined;
  }

  private rangeOf(node: Node | null | undefined, keyOf: Pair | undefined, viaPair: Pair | undefined): SourceRange {
    if (keyOf && hasRange(keyOf.key)) return this.nodeRange(keyOf.key);
    // An empty value (`image:`) has a zero-width range: the key is the better place.
    if ((isScalar(node) || isAlias(node)) && hasRange(node) && node.range[1] > node.range[0]) {
      return this.nodeRange(node);
    }
    // A collection spans many lines: point at the key that holds it (`securityContext:`), or, for
    // an item of a list, at its first key (a container's `- name: app`), so editors underline one line.
    if (viaPair && hasRange(viaPair.key)) return this.nodeRange(viaPair.key);
    if (isMap(node)) {
      const first = node.items[0];
      if (first && hasRange(first.key)) return this.nodeRange(first.key);
    }
    if (isSeq(node)) {
      const first = node.items[0] as Node | undefined;
      if (first) return this.rangeOf(first, undefined, undefined);
    }
    if (node && hasRange(node)) return this.nodeRange(node);
    return this.documentRange();
  }

  private nodeRange(node: { range: [number, number, number] }): SourceRange {
    return this.lines.range(node.range[0], node.range[1]);
  }
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as { range?: unknown }).range);
}

/** The key as the object has it: the JSON key Kubernetes makes of the scalar (`n` is "false"). */
function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const json = goKeyString(resolveGoScalar(key.source ?? String(key.value ?? ''), key.type === Scalar.PLAIN, key.tag));
  return 'key' in json ? json.key : undefined;
}
