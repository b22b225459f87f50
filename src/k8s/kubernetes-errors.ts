import { formatPath, type Path } from '../path.js';
import type { PodView } from './pod-view.js';

// Where Kubernetes rejects or warns, podlint's message quotes it: the field path as the API
// server prints it and the error text of k8s.io/apimachinery's field package.

/**
 * The path Kubernetes prints for a field of a pod spec. The API server validates a workload's pod
 * template in place (`spec.template.spec.containers[0]`), except a StatefulSet's: its template is
 * not validated as a pod spec, so the error comes when the controller creates each Pod, with the
 * Pod's own path (`spec.containers[0]`).
 */
export function kubernetesPath(pod: PodView, path: Path): string {
  if (!podValidatedAtCreation(pod) || !startsWith(path, pod.specPath)) return formatPath(path);
  return formatPath(['spec', ...path.slice(pod.specPath.length)]);
}

/** Who rejects a pod spec error, as messages say it. */
export function rejection(pod: PodView): string {
  return podValidatedAtCreation(pod)
    ? 'Kubernetes accepts the StatefulSet but rejects each Pod it creates'
    : 'Kubernetes rejects it';
}

function podValidatedAtCreation(pod: PodView): boolean {
  return pod.owner.kind === 'StatefulSet';
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

/** A string as Go's %q prints it (the same as JSON for the characters manifests use). */
export function goQuote(value: string): string {
  return JSON.stringify(value);
}

/** `field.NotSupported`: `Unsupported value: "x": supported values: "a", "b"`, values in the given order. */
export function unsupportedValue(value: string, supported: readonly string[]): string {
  return `Unsupported value: ${goQuote(value)}: supported values: ${supported.map(goQuote).join(', ')}`;
}

/** Several errors about one field, as kubectl prints an aggregate: `[a, b]`; one error as it is. */
export function errorList(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
}

/** `field.Invalid` with a string value: `Invalid value: "x": detail`. */
export function invalidValue(value: string | number, detail: string): string {
  return `Invalid value: ${typeof value === 'string' ? goQuote(value) : value}: ${detail}`;
}
