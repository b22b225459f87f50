/**
 * What Kubernetes does with two entries of a list-map (`x-kubernetes-list-type: map`) that have
 * the same keys: `rejected` where validation rejects the object (`Duplicate value`), `warned`
 * where the API server accepts it with a warning. Lists not named here are `merged`: accepted,
 * but server-side apply, which merges list-maps by key, rejects them.
 */
export type DuplicateHandling = 'rejected' | 'warned' | 'merged';

export const DUPLICATE_HANDLING: Readonly<Record<string, DuplicateHandling>> = {
  'io.k8s.api.core.v1.PodSpec.volumes': 'rejected',
  'io.k8s.api.core.v1.PodSpec.resourceClaims': 'rejected',
  'io.k8s.api.core.v1.PodSpec.schedulingGates': 'rejected',
  'io.k8s.api.core.v1.PodSpec.topologySpreadConstraints': 'rejected',
  'io.k8s.api.core.v1.Container.volumeDevices': 'rejected',
  'io.k8s.api.core.v1.EphemeralContainer.volumeDevices': 'rejected',
  'io.k8s.api.core.v1.ResourceRequirements.claims': 'rejected',
  'io.k8s.api.core.v1.ServiceSpec.ports': 'rejected',
  'io.k8s.api.storage.v1.CSINodeSpec.drivers': 'rejected',
  'io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration.webhooks': 'rejected',
  'io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration.webhooks': 'rejected',
  'io.k8s.api.admissionregistration.v1.MutatingWebhook.matchConditions': 'rejected',
  'io.k8s.api.admissionregistration.v1.ValidatingWebhook.matchConditions': 'rejected',
  // Upstream warnings (pkg/api/pod/warnings.go): the object is accepted.
  'io.k8s.api.core.v1.PodSpec.imagePullSecrets': 'warned',
  'io.k8s.api.core.v1.PodSpec.hostAliases': 'warned',
};

/**
 * Lists whose duplicates the pod rules report with richer messages (containers by name, ports,
 * env, volume mounts); duplicate-list-entry leaves them alone so one problem gives one finding.
 */
export const POD_RULE_LISTS: ReadonlySet<string> = new Set([
  'io.k8s.api.core.v1.PodSpec.containers',
  'io.k8s.api.core.v1.PodSpec.initContainers',
  'io.k8s.api.core.v1.PodSpec.ephemeralContainers',
  'io.k8s.api.core.v1.Container.ports',
  'io.k8s.api.core.v1.Container.env',
  'io.k8s.api.core.v1.Container.volumeMounts',
  'io.k8s.api.core.v1.EphemeralContainer.ports',
  'io.k8s.api.core.v1.EphemeralContainer.env',
  'io.k8s.api.core.v1.EphemeralContainer.volumeMounts',
]);
