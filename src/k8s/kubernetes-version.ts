/** The Kubernetes versions podlint has schemas for (schemas/kubernetes/<version>/), oldest first. */
export const KUBERNETES_VERSIONS = ['1.34', '1.35', '1.36'] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];

/** What manifests are checked against unless a flag or configuration says otherwise. */
export const DEFAULT_KUBERNETES_VERSION: KubernetesVersion = '1.36';

/** A supported version for `1.35` or `v1.35`, or undefined. */
export function supportedKubernetesVersion(requested: string): KubernetesVersion | undefined {
  const normalized = requested.replace(/^v/, '');
  return KUBERNETES_VERSIONS.find((version) => version === normalized);
}

/** The minor version of a selected Kubernetes version such as `1.35`. */
export function kubernetesMinor(version: string): number {
  const match = /^v?1\.(\d+)/.exec(version);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * ContainerRestartRules (KEP-5307): alpha and off in 1.34, beta and on by default from 1.35. With
 * it, every container may set restartPolicy (Always, OnFailure, Never) and restartPolicyRules.
 */
export function containerRestartRulesEnabled(version: string): boolean {
  return kubernetesMinor(version) >= 35;
}

/**
 * RelaxedEnvironmentVariableValidation: beta and on by default from 1.32, GA in 1.34. With it,
 * environment variable names may be any printable ASCII except `=`.
 */
export function relaxedEnvironmentVariableNames(version: string): boolean {
  return kubernetesMinor(version) >= 32;
}

/**
 * EnvFiles (KEP-3721): alpha and off in 1.34, beta and on by default from 1.35. Without it the API
 * server drops `env[].valueFrom.fileKeyRef` before validating the Pod.
 */
export function envFilesEnabled(version: string): boolean {
  return kubernetesMinor(version) >= 35;
}
