import { isObject, type JsonObject } from '../json.js';
import type { K8sObject } from '../load/types.js';
import { valueAt, type Path } from '../path.js';
import { quantityFromManifestValue } from './quantity-json.js';
import { MAX_EXACT_MAGNITUDE, Quantity, QuantityError, QuantityRangeError } from './quantity.js';

/** One entry of a ResourceList (`requests`, `limits`, `overhead`) or one quantity field, as read. */
export interface QuantityField {
  /** The resource name (the map key), or the field name for a single quantity field. */
  readonly name: string;
  /** Path from the object root to the value. */
  readonly path: Path;
  /** The value as loaded from YAML. */
  readonly raw: unknown;
  /** The value as written, for messages: a string quoted, a number as in the file. */
  readonly display: string;
  /** The value as parsed, or undefined when Kubernetes cannot decode it. */
  readonly parsed: Quantity | undefined;
  /**
   * The value as the API server stores it: ResourceList values are rounded up to milli units
   * (SetDefaults_ResourceList), single quantity fields are kept as parsed.
   */
  readonly quantity: Quantity | undefined;
  /** Why the value cannot be used: Kubernetes' own decoding error, or podlint's range limit. */
  readonly problem: QuantityProblem | undefined;
}

export interface QuantityProblem {
  readonly kind: 'invalid' | 'out-of-range';
  readonly message: string;
}

/** A resource map, in the order of the manifest. */
export type ResourceMap = ReadonlyMap<string, Quantity>;

// Several rules read the same lists. Keyed by the list and its path: a YAML alias
// (`resources: *defaults`) makes two containers share one list object, each at its own path.
const listCache = new WeakMap<JsonObject, Map<string, readonly QuantityField[]>>();

/**
 * Reads a ResourceList at a path of an object: every entry, parsed as Kubernetes decodes it and
 * rounded up to milli units as the API server stores it. Empty when the path holds no map.
 */
export function readResourceList(object: K8sObject, path: Path): readonly QuantityField[] {
  const list = valueAt(object.value, path);
  if (!isObject(list)) return [];
  let byPath = listCache.get(list);
  if (!byPath) listCache.set(list, (byPath = new Map()));
  const key = JSON.stringify([...object.documentPath, ...path]);
  const cached = byPath.get(key);
  if (cached) return cached;
  const fields = Object.entries(list).map(([name, raw]) => readField(object, [...path, name], name, raw, true));
  byPath.set(key, fields);
  return fields;
}

/** Reads a single quantity field (`emptyDir.sizeLimit`, a `divisor`); undefined when absent. */
export function readQuantityField(object: K8sObject, path: Path): QuantityField | undefined {
  const raw = valueAt(object.value, path);
  if (raw === undefined) return undefined;
  return readField(object, path, String(path[path.length - 1] ?? ''), raw, false);
}

/** The usable entries of a list as a map (invalid ones left out, as they never reach Kubernetes). */
export function resourceMap(fields: readonly QuantityField[]): Map<string, Quantity> {
  const map = new Map<string, Quantity>();
  for (const field of fields) if (field.quantity) map.set(field.name, field.quantity);
  return map;
}

function readField(object: K8sObject, path: Path, name: string, raw: unknown, roundToMilli: boolean): QuantityField {
  const source = typeof raw === 'number' ? scalarSource(object, path) : undefined;
  const base = { name, path, raw, display: source ?? displayValue(raw) };
  let parsed: Quantity;
  try {
    parsed = quantityFromManifestValue(raw, source);
  } catch (error) {
    if (!(error instanceof QuantityError)) throw error;
    return { ...base, parsed: undefined, quantity: undefined, problem: { kind: 'invalid', message: error.message } };
  }
  if (!parsed.isComputable()) {
    const message = `beyond the 10^${MAX_EXACT_MAGNITUDE} podlint computes with, and far beyond what Kubernetes can use (its int64 arithmetic overflows)`;
    return { ...base, parsed, quantity: undefined, problem: { kind: 'out-of-range', message } };
  }
  try {
    return { ...base, parsed, quantity: roundToMilli ? parsed.roundUp(-3) : parsed, problem: undefined };
  } catch (error) {
    if (!(error instanceof QuantityRangeError)) throw error;
    return { ...base, parsed, quantity: undefined, problem: { kind: 'out-of-range', message: error.message } };
  }
}

/** A manifest value as messages show it: strings quoted, YAML's .inf and .nan as written. */
export function displayValue(raw: unknown): string {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return Number.isNaN(raw) ? '.nan' : raw > 0 ? '.inf' : '-.inf';
  return JSON.stringify(raw) ?? String(raw);
}

/** The scalar's text in the file, which keeps integers beyond 2^53 exact. */
function scalarSource(object: K8sObject, path: Path): string | undefined {
  return object.document.sourceMap.scalarText([...object.documentPath, ...path]);
}
