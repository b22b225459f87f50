import { isAlias, isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import duplicateKey from '../../rules/duplicate-key.js';
import yamlToJson from '../../rules/yaml-to-json.js';
import { goKeyString, goScalarToJson, resolveGoScalar, type GoScalar } from './go-yaml-scalar.js';
import { problemMessage, type ProblemMessage } from './load-problem.js';

/** Something Kubernetes' YAML-to-JSON step rejects (a yaml-to-json or duplicate-key message); the document is still linted. */
export interface ConversionProblem extends ProblemMessage {
  readonly start: number;
  readonly end: number;
}

export type Conversion =
  | { readonly ok: true; readonly value: unknown; readonly problems: readonly ConversionProblem[] }
  /** The document has no JSON value at all (an anchor that contains itself, an alias bomb). */
  | { readonly ok: false; readonly message: string; readonly start: number; readonly end: number };

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/**
 * Turns a parsed YAML document into the JSON value Kubernetes sees, the way sigs.k8s.io/yaml does
 * over go-yaml v2, rather than with the yaml package's own toJS: scalars resolve as go-yaml
 * resolves them, keys become the strings sigs.k8s.io/yaml makes of them, `<<` merges in go-yaml's
 * order (a later entry, merged or not, replaces an earlier one), and duplicate keys keep the last
 * value. What kubectl would refuse is collected as problems, with the value podlint keeps instead.
 */
export function kubernetesJson(document: Document.Parsed, lineOf: (offset: number) => number): Conversion {
  const converter = new Converter(document, lineOf);
  try {
    return { ok: true, value: converter.value(document.contents), problems: converter.problems() };
  } catch (error) {
    const range = document.contents?.range ?? document.range;
    if (error instanceof Unconvertible) return { ok: false, message: error.message, start: error.start ?? range[0], end: error.end ?? range[1] };
    // A document nested deeper than the stack allows is bad input, not podlint's failure.
    if (error instanceof RangeError) return { ok: false, message: 'it is nested too deeply to read', start: range[0], end: range[1] };
    throw error;
  }
}

class Unconvertible extends Error {
  constructor(
    message: string,
    readonly start?: number,
    readonly end?: number,
  ) {
    super(message);
  }
}

class Converter {
  private readonly found = new Map<string, ConversionProblem>();
  /** Mappings already checked for duplicate keys: an anchored mapping is read again at each alias. */
  private readonly checked = new WeakSet<YAMLMap>();
  /** Aliases being expanded, to catch an anchor whose value contains itself. */
  private readonly expanding = new Set<Node>();
  // go-yaml's guard against alias bombs counts every node it decodes, and those inside aliases.
  private decodeCount = 1; // the document node
  private aliasCount = 0;
  private aliasDepth = 0;
  /** The outermost alias being expanded: where an alias bomb is reported. */
  private outermostAlias: Node | undefined;

  constructor(
    private readonly document: Document.Parsed,
    private readonly lineOf: (offset: number) => number,
  ) {}

  problems(): ConversionProblem[] {
    return [...this.found.values()];
  }

  value(node: unknown): unknown {
    this.count();
    if (isAlias(node)) return this.throughAlias(node, (target) => this.value(target));
    if (isScalar(node)) return this.scalarValue(node);
    if (isSeq(node)) return node.items.map((item) => this.value(item));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      this.mapping(node, out);
      return out;
    }
    return null; // an empty node: `key:` or `- `
  }

  private scalarValue(node: Scalar): unknown {
    const scalar = this.resolve(node);
    const value = goScalarToJson(scalar);
    if (typeof value === 'number' && !Number.isFinite(value)) {
      const text = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
      this.report(node, problemMessage(yamlToJson, 'notFinite', { value: JSON.stringify(node.source), what: Number.isNaN(value) ? 'not a number' : 'infinity', go: text }));
    }
    return value;
  }

  private resolve(node: Scalar): GoScalar {
    const scalar = resolveGoScalar(node.source ?? String(node.value ?? ''), node.type === Scalar.PLAIN, node.tag);
    if (scalar.kind === 'error') this.report(node, problemMessage(yamlToJson, 'undecodable', { value: `${tagText(node)}${JSON.stringify(node.source)}`, error: scalar.message }));
    return scalar;
  }

  /** go-yaml's decoder.mapping: entries in order, each one replacing what an earlier one set. */
  private mapping(node: YAMLMap, out: Record<string, unknown>): void {
    const checkDuplicates = !this.checked.has(node);
    this.checked.add(node);
    const seen = new Map<string, { node: Node; type: string }>();
    for (const pair of node.items) {
      if (isMergeKey(pair.key)) {
        this.merge(pair.value, out, pair.key as Node);
        continue;
      }
      const key = this.key(pair.key, pair.value ?? node);
      if (key === undefined) continue;
      const value = this.value(pair.value);
      const first = seen.get(key);
      const type = this.keyType(pair.key);
      if (first && checkDuplicates && isScalarOrAlias(pair.key)) {
        const data = { key: JSON.stringify(key), first: first.node.range ? ` (first on line ${this.lineOf(first.node.range[0]) + 1})` : '' };
        // go-yaml keeps 1 and "1" apart; they only meet as JSON keys, in Go's random map order.
        if (first.type === type) this.report(pair.key, problemMessage(duplicateKey, 'lastWins', data));
        else this.report(pair.key, problemMessage(duplicateKey, 'randomWinner', { ...data, firstType: first.type, type }));
      }
      if (isScalarOrAlias(pair.key) && !first) seen.set(key, { node: pair.key, type });
      setKey(out, key, value);
    }
  }

  /** go-yaml's decoder.merge: a mapping, an alias of one, or a list of those (earlier ones win). */
  private merge(source: unknown, out: Record<string, unknown>, at: Node): void {
    const wantMap = () => this.report(isNode(source) ? source : at, problemMessage(yamlToJson, 'mergeNeedsMap'));
    if (isMap(source)) {
      this.count();
      this.mapping(source, out);
    } else if (isAlias(source)) {
      this.count();
      this.throughAlias(source, (target) => (isMap(target) ? this.mapping(target, out) : wantMap()));
    } else if (isSeq(source)) {
      for (const item of [...source.items].reverse()) {
        if (isMap(item) || (isAlias(item) && isMap(this.target(item)))) this.merge(item, out, at);
        else wantMap();
      }
    } else {
      wantMap();
    }
  }

  /** The JSON key of a mapping key, or undefined (reported) when Kubernetes has none for it. */
  private key(node: unknown, fallback: unknown): string | undefined {
    this.count();
    if (isAlias(node)) return this.throughAlias(node, (target) => this.key(target, node));
    if (isScalar(node)) {
      const key = goKeyString(this.resolve(node));
      if ('key' in key) return key.key;
      this.report(node, problemMessage(yamlToJson, 'keyWithoutJson', { key: JSON.stringify(node.source ?? ''), error: key.error }));
      return undefined;
    }
    const at = isNode(node) ? node : isNode(fallback) ? fallback : undefined;
    if (at) this.report(at, problemMessage(yamlToJson, 'collectionKey'));
    return undefined;
  }

  /** The Go type a scalar key decodes to, which decides whether two equal JSON keys collide in go-yaml already. */
  private keyType(node: unknown): string {
    const target = isAlias(node) ? node.resolve(this.document) : node;
    if (!isScalar(target)) return 'collection';
    const kind = resolveGoScalar(target.source ?? '', target.type === Scalar.PLAIN, target.tag).kind;
    return kind === 'error' ? 'string' : kind === 'uint' ? 'int' : kind;
  }

  private throughAlias<T>(alias: Node, read: (target: Node) => T): T {
    const target = this.target(alias);
    if (this.expanding.has(alias)) throw new Unconvertible(`the anchor "${aliasName(alias)}" contains itself`, ...rangeOf(alias));
    this.expanding.add(alias);
    if (this.aliasDepth === 0) this.outermostAlias = alias;
    this.aliasDepth++;
    try {
      return read(target);
    } finally {
      this.aliasDepth--;
      this.expanding.delete(alias);
    }
  }

  private target(alias: Node): Node {
    const target = isAlias(alias) ? alias.resolve(this.document) : undefined;
    if (!target) throw new Unconvertible(`the alias "*${aliasName(alias)}" names no anchor before it`, ...rangeOf(alias));
    return target;
  }

  private count(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      const at = this.outermostAlias ? rangeOf(this.outermostAlias) : [];
      throw new Unconvertible('its aliases expand to too much (kubectl: document contains excessive aliasing)', ...at);
    }
  }

  private report(node: Node, problem: ProblemMessage): void {
    const [start, end] = rangeOf(node);
    const id = `${start}:${problem.message}`;
    if (!this.found.has(id)) this.found.set(id, { ...problem, start, end });
  }
}

/** go-yaml v2's allowedAliasRatio: generous for small documents, 10% once they are huge. */
function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decodeCount <= low) return 0.99;
  if (decodeCount >= high) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - low) / (high - low));
}

/** `<<` written plainly (or tagged !!merge) merges; a quoted "<<" is an ordinary key. */
function isMergeKey(key: unknown): boolean {
  if (!isScalar(key) || key.source !== '<<') return false;
  return key.tag === MERGE_TAG || (key.tag === undefined && key.type === Scalar.PLAIN);
}

function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  // A plain assignment to "__proto__" would change the object's prototype instead of adding a key.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

function isScalarOrAlias(value: unknown): value is Node {
  return isScalar(value) || isAlias(value);
}

function rangeOf(node: Node): [number, number] {
  const range = node.range;
  if (!range) return [0, 0];
  return [range[0], Math.max(range[1], range[0] + 1)];
}

function aliasName(alias: Node): string {
  return isAlias(alias) ? alias.source : '';
}

function tagText(node: Scalar): string {
  if (!node.tag) return '';
  return node.tag.startsWith('tag:yaml.org,2002:') ? `!!${node.tag.slice('tag:yaml.org,2002:'.length)} ` : `${node.tag} `;
}
