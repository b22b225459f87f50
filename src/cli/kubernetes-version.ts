import { UsageError } from './usage-error.js';

export const KUBERNETES_VERSIONS = ['1.34', '1.35', '1.36'] as const;
export const DEFAULT_KUBERNETES_VERSION = '1.36';

export function resolveKubernetesVersion(requested: string | undefined): string {
  if (requested === undefined) return DEFAULT_KUBERNETES_VERSION;
  const normalized = requested.replace(/^v/, '');
  if (!(KUBERNETES_VERSIONS as readonly string[]).includes(normalized)) {
    throw new UsageError(`Unsupported Kubernetes version "${requested}"; use one of: ${KUBERNETES_VERSIONS.join(', ')}.`);
  }
  return normalized;
}
