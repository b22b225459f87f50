import { asObject } from '../json.js';
import type { ContainerView, PodView } from '../k8s/pod-view.js';
import type { SourceRange } from '../load/position.js';
import type { K8sObject } from '../load/types.js';
import { valueAt, type Path } from '../path.js';

/** Suppresses the listed rules on the whole object (set on its metadata or its pod template's). */
export const IGNORE_ANNOTATION = 'podlint.dev/ignore';
/** `podlint.dev/ignore-container.<name>`: the listed rules, for one container only. */
export const IGNORE_CONTAINER_PREFIX = 'podlint.dev/ignore-container.';

/** One `rule` or `rule=reason` entry of an annotation's value; `*` means every rule. */
export interface AnnotationEntry {
  readonly id: string;
  readonly reason: string | undefined;
}

/** A podlint annotation on an object, with what it covers. */
export interface SuppressionAnnotation {
  readonly key: string;
  readonly entries: readonly AnnotationEntry[];
  /** Where the annotation's value is written (reports about it land here). */
  readonly range: SourceRange;
  /** For `ignore-container.<name>`: the container's name and, when the pod has it, its view. */
  readonly containerName?: string;
  readonly container?: ContainerView;
  /** Set when the annotation cannot be used: why, as an invalid-suppression message id. */
  readonly problem?: AnnotationProblem;
}

/** Why an annotation cannot be used. */
export type AnnotationProblem = 'annotationNotString' | 'annotationEmpty' | 'annotationContainer';

/**
 * The podlint annotations of an object: on its own metadata and, for a workload, on its pod
 * template's metadata (which Kubernetes copies onto every Pod it creates). `pod` is the object's
 * pod view, when it has one.
 */
export function readAnnotations(object: K8sObject, pod: PodView | undefined): SuppressionAnnotation[] {
  const places: Path[] = [['metadata']];
  if (pod && pod.metadataPath.join('.') !== 'metadata') places.push(pod.metadataPath);
  const found: SuppressionAnnotation[] = [];
  for (const metadataPath of places) {
    const annotations = asObject(valueAt(object.value, [...metadataPath, 'annotations']));
    if (!annotations) continue;
    for (const [key, value] of Object.entries(annotations)) {
      const isObjectWide = key === IGNORE_ANNOTATION;
      if (!isObjectWide && !key.startsWith(IGNORE_CONTAINER_PREFIX)) continue;
      const path = [...object.documentPath, ...metadataPath, 'annotations', key];
      const range = object.document.sourceMap.resolve(path).range;
      const base = { key, range };
      if (typeof value !== 'string') {
        found.push({ ...base, entries: [], problem: 'annotationNotString' });
        continue;
      }
      const entries = parseAnnotationValue(value);
      const problem: AnnotationProblem | undefined = entries.length === 0 ? 'annotationEmpty' : undefined;
      if (isObjectWide) {
        found.push({ ...base, entries, ...(problem ? { problem } : {}) });
        continue;
      }
      const containerName = key.slice(IGNORE_CONTAINER_PREFIX.length);
      const container = pod?.containers.find((candidate) => candidate.name === containerName);
      const missing: AnnotationProblem | undefined = container ? undefined : 'annotationContainer';
      found.push({ ...base, entries, containerName, ...(container ? { container } : {}), ...(problem || missing ? { problem: problem ?? missing } : {}) });
    }
  }
  return found;
}

/**
 * Splits `rule-a, rule-b=why, with a comma` into entries. A comma starts a new entry only when
 * a rule id follows it (then `=`, a comma or the end), so reasons may contain commas.
 */
export function parseAnnotationValue(value: string): AnnotationEntry[] {
  const entries: AnnotationEntry[] = [];
  for (const part of value.split(/,(?=\s*(?:\*|[A-Za-z0-9][\w./-]*)\s*(?:=|,|$))/)) {
    const text = part.trim();
    if (text === '') continue;
    const equals = text.indexOf('=');
    const id = (equals === -1 ? text : text.slice(0, equals)).trim();
    const reason = equals === -1 ? undefined : text.slice(equals + 1).trim() || undefined;
    entries.push({ id, reason });
  }
  return entries;
}
