import { DEFAULT_KUBERNETES_VERSION, KUBERNETES_VERSIONS, supportedKubernetesVersion } from '../k8s/kubernetes-version.js';
import { UsageError } from './usage-error.js';

/** `--kubernetes-version`: a supported version, the default when not given, else a usage error. */
export function resolveKubernetesVersion(requested: string | undefined): string {
  if (requested === undefined) return DEFAULT_KUBERNETES_VERSION;
  const version = supportedKubernetesVersion(requested);
  if (!version) throw new UsageError(`Unsupported Kubernetes version "${requested}"; use one of: ${KUBERNETES_VERSIONS.join(', ')}.`);
  return version;
}
