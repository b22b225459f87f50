// The allowed values of the fields Kubernetes validates as enums. The published OpenAPI v2 spec
// carries no `enum` for them: they are the constants of the `+enum` types in kubernetes/api
// (core/v1, apps/v1, batch/v1, ...), and validation.go rejects anything else with
// `Unsupported value: "x": supported values: "a", "b"`. Values are listed in the order
// Kubernetes prints them: the call site's own list where it passes one (restartPolicy, dnsPolicy,
// terminationMessagePolicy), else sorted, as `sets.List` gives them.
//
// The empty string is accepted everywhere: these fields are defaulted when empty (protocol → TCP,
// imagePullPolicy from the tag ...), so `""` is never the error the enum is about.

/** Definition name → property → allowed values (for an array property, of its items). */
export type EnumTable = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;

const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const CONTAINER_FIELDS = {
  imagePullPolicy: ['Always', 'IfNotPresent', 'Never'],
  terminationMessagePolicy: ['File', 'FallbackToLogsOnError'],
};

const COMMON: EnumTable = {
  'io.k8s.api.core.v1.Container': CONTAINER_FIELDS,
  'io.k8s.api.core.v1.EphemeralContainer': CONTAINER_FIELDS,
  'io.k8s.api.core.v1.ContainerPort': { protocol: PROTOCOLS },
  'io.k8s.api.core.v1.ServicePort': { protocol: PROTOCOLS },
  'io.k8s.api.core.v1.PodSpec': {
    restartPolicy: ['Always', 'OnFailure', 'Never'],
    dnsPolicy: ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'],
    preemptionPolicy: ['Never', 'PreemptLowerPriority'],
  },
  'io.k8s.api.core.v1.HTTPGetAction': { scheme: ['HTTP', 'HTTPS'] },
  'io.k8s.api.core.v1.ServiceSpec': {
    type: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
    sessionAffinity: ['ClientIP', 'None'],
    externalTrafficPolicy: ['Cluster', 'Local'],
    internalTrafficPolicy: ['Cluster', 'Local'],
    ipFamilyPolicy: ['PreferDualStack', 'RequireDualStack', 'SingleStack'],
    ipFamilies: ['IPv4', 'IPv6'],
  },
  'io.k8s.api.core.v1.VolumeMount': { mountPropagation: ['Bidirectional', 'HostToContainer', 'None'] },
  'io.k8s.api.core.v1.HostPathVolumeSource': {
    type: ['BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'],
  },
  'io.k8s.api.core.v1.Toleration': { effect: TAINT_EFFECTS },
  'io.k8s.api.core.v1.Taint': { effect: TAINT_EFFECTS },
  'io.k8s.api.core.v1.NodeSelectorRequirement': { operator: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] },
  'io.k8s.api.core.v1.TopologySpreadConstraint': {
    whenUnsatisfiable: ['DoNotSchedule', 'ScheduleAnyway'],
    nodeAffinityPolicy: ['Honor', 'Ignore'],
    nodeTaintsPolicy: ['Honor', 'Ignore'],
  },
  'io.k8s.api.core.v1.PersistentVolumeClaimSpec': { accessModes: ACCESS_MODES, volumeMode: VOLUME_MODES },
  'io.k8s.api.core.v1.PersistentVolumeSpec': {
    accessModes: ACCESS_MODES,
    volumeMode: VOLUME_MODES,
    persistentVolumeReclaimPolicy: ['Delete', 'Recycle', 'Retain'],
  },
  'io.k8s.api.core.v1.SeccompProfile': { type: PROFILE_TYPES },
  'io.k8s.api.core.v1.AppArmorProfile': { type: PROFILE_TYPES },
  'io.k8s.api.core.v1.SecurityContext': { procMount: ['Default', 'Unmasked'] },
  'io.k8s.api.core.v1.PodSecurityContext': {
    fsGroupChangePolicy: ['Always', 'OnRootMismatch'],
    supplementalGroupsPolicy: ['Merge', 'Strict'],
  },
  'io.k8s.api.core.v1.PodOS': { name: ['linux', 'windows'] },
  'io.k8s.api.core.v1.ContainerResizePolicy': { resourceName: ['cpu', 'memory'], restartPolicy: ['NotRequired', 'RestartContainer'] },
  'io.k8s.api.apps.v1.DeploymentStrategy': { type: ['Recreate', 'RollingUpdate'] },
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy': { type: ['OnDelete', 'RollingUpdate'] },
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': { type: ['OnDelete', 'RollingUpdate'] },
  'io.k8s.api.apps.v1.StatefulSetSpec': { podManagementPolicy: ['OrderedReady', 'Parallel'] },
  'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy': { whenDeleted: ['Delete', 'Retain'], whenScaled: ['Delete', 'Retain'] },
  'io.k8s.api.batch.v1.CronJobSpec': { concurrencyPolicy: ['Allow', 'Forbid', 'Replace'] },
  'io.k8s.api.batch.v1.JobSpec': { completionMode: ['Indexed', 'NonIndexed'], podReplacementPolicy: ['Failed', 'TerminatingOrFailed'] },
  'io.k8s.api.batch.v1.PodFailurePolicyRule': { action: ['Count', 'FailIndex', 'FailJob', 'Ignore'] },
  'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement': { operator: ['In', 'NotIn'] },
  'io.k8s.api.networking.v1.NetworkPolicySpec': { policyTypes: ['Egress', 'Ingress'] },
  'io.k8s.api.networking.v1.NetworkPolicyPort': { protocol: PROTOCOLS },
  'io.k8s.api.networking.v1.HTTPIngressPath': { pathType: ['Exact', 'ImplementationSpecific', 'Prefix'] },
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': { unhealthyPodEvictionPolicy: ['AlwaysAllow', 'IfHealthyBudget'] },
  'io.k8s.api.autoscaling.v2.MetricSpec': { type: ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'] },
  'io.k8s.api.autoscaling.v2.MetricTarget': { type: ['AverageValue', 'Utilization', 'Value'] },
  'io.k8s.api.autoscaling.v2.HPAScalingRules': { selectPolicy: ['Disabled', 'Max', 'Min'] },
  'io.k8s.api.autoscaling.v2.HPAScalingPolicy': { type: ['Percent', 'Pods'] },
  'io.k8s.api.storage.v1.StorageClass': { volumeBindingMode: ['Immediate', 'WaitForFirstConsumer'] },
};

// A container's own restartPolicy: only `Always` (a sidecar) until ContainerRestartRules went
// beta and on by default in 1.35, which added OnFailure and Never.
const CONTAINER_RESTART_POLICY: Readonly<Record<string, readonly string[]>> = {
  '1.34': ['Always'],
  '1.35': ['Always', 'OnFailure', 'Never'],
  '1.36': ['Always', 'OnFailure', 'Never'],
};

/** The enum table for one Kubernetes version. */
export function enumsFor(version: string): EnumTable {
  const restartPolicy = CONTAINER_RESTART_POLICY[version];
  if (!restartPolicy) throw new Error(`No enum table for Kubernetes ${version}.`);
  return {
    ...COMMON,
    'io.k8s.api.core.v1.Container': { ...CONTAINER_FIELDS, restartPolicy },
  };
}
