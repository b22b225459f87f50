import { asObject } from '../json.js';
import { pointerToPath, valueAt, type Path } from '../path.js';
import { DUPLICATE_HANDLING, POD_RULE_LISTS, type DuplicateHandling } from './list-maps.js';
import { LIST_MAP_KEYWORD } from './schema-problems.js';
import type { ObjectValidation } from './validate-object.js';

/** A list-map entry whose keys repeat an earlier entry's. */
export interface DuplicateEntry {
  /** The later entry. */
  readonly path: Path;
  /** The earlier entry with the same keys. */
  readonly firstPath: Path;
  /** `<definition>.<field>` of the list, e.g. `io.k8s.api.core.v1.PodSpec.volumes`. */
  readonly list: string;
  readonly keys: readonly string[];
  /** The key values of the entry, in key order. */
  readonly values: readonly unknown[];
  readonly handling: DuplicateHandling;
}

/** The duplicates the validator found, less the lists that dedicated pod rules report. */
export function duplicateEntries(validation: ObjectValidation): DuplicateEntry[] {
  if (validation.status !== 'validated') return [];
  const duplicates: DuplicateEntry[] = [];
  for (const error of validation.errors) {
    if (error.keyword !== LIST_MAP_KEYWORD) continue;
    const list = String(error.params.list);
    if (POD_RULE_LISTS.has(list)) continue;
    const path = pointerToPath(error.instancePath, validation.value);
    const firstPath = [...path.slice(0, -1), Number(error.params.first)];
    const keys = JSON.parse(String(error.params.keys)) as string[];
    const entry = asObject(valueAt(validation.value, path));
    duplicates.push({
      path,
      firstPath,
      list,
      keys,
      values: keys.map((key) => (key === 'protocol' ? (entry?.[key] ?? 'TCP') : entry?.[key])),
      handling: DUPLICATE_HANDLING[list] ?? 'merged',
    });
  }
  return duplicates;
}
