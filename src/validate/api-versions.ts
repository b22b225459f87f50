import { KUBERNETES_VERSIONS } from '../k8s/kubernetes-version.js';
import { apiGroup } from '../k8s/kinds.js';
import { bundledKinds } from './load-validator.js';
import { didYouMean } from '../text/did-you-mean.js';

/** A built-in apiVersion of a kind that Kubernetes stopped serving. */
interface RemovedApi {
  readonly removedIn: string;
  /** The apiVersion to use instead, or undefined when the kind itself is gone. */
  readonly replacement: string | undefined;
}

// From the Kubernetes deprecated API migration guide: the release that stopped serving each
// apiVersion of a kind, and where the kind lives now.
const REMOVED_APIS: readonly [apiVersion: string, kinds: readonly string[], removedIn: string, replacement: string | undefined][] = [
  ['admissionregistration.k8s.io/v1alpha1', ['InitializerConfiguration'], '1.14', undefined],
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1'],
  ['extensions/v1beta1', ['PodSecurityPolicy'], '1.16', undefined],
  ['extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1'],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], '1.16', 'apps/v1'],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.16', 'apps/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'], '1.22', 'storage.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.22', 'authorization.k8s.io/v1'],
  ['batch/v1beta1', ['CronJob'], '1.25', 'batch/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1'],
  ['policy/v1beta1', ['PodSecurityPolicy'], '1.25', undefined],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1'],
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
];

const REMOVED = new Map<string, RemovedApi>(
  REMOVED_APIS.flatMap(([apiVersion, kinds, removedIn, replacement]) =>
    kinds.map((kind) => [`${apiVersion}/${kind}`, { removedIn, replacement }] as const),
  ),
);

/** Why a built-in group has no schema for an apiVersion and kind in the chosen version. */
export interface UnservedApi {
  /** The release that removed it, when it is a known removal. */
  readonly removedIn: string | undefined;
  /** Where the kind is served in the chosen version (the replacement first, when known). */
  readonly servedAs: readonly string[];
  /** A newer bundled version that serves this apiVersion and kind. */
  readonly servedFrom: string | undefined;
  /** True for a known removal whose kind has no replacement at all (PodSecurityPolicy). */
  readonly noReplacement: boolean;
  /** A kind of the same apiVersion that the kind is probably a misspelling of. */
  readonly closestKind: string | undefined;
}

/**
 * True when the apiVersion belongs to Kubernetes itself (the core group, or a group any bundled
 * version serves), so a kind without a schema is not a custom resource but a removed or mistyped
 * API. Custom resources live in their own groups.
 */
export function isBuiltinGroup(apiVersion: string): boolean {
  const group = apiGroup(apiVersion);
  if (group === '') return true;
  builtinGroups ??= new Set(KUBERNETES_VERSIONS.flatMap((version) => Object.keys(bundledKinds(version)).map(apiGroup)));
  return builtinGroups.has(group);
}

/** Every API group a bundled version serves, built on the first custom or unserved object. */
let builtinGroups: ReadonlySet<string> | undefined;

/** Explains a built-in apiVersion and kind that the chosen version does not serve. */
export function unservedApi(version: string, apiVersion: string, kind: string): UnservedApi {
  const removed = REMOVED.get(`${apiVersion}/${kind}`);
  const served = Object.entries(bundledKinds(version))
    .filter(([, kinds]) => Object.hasOwn(kinds, kind))
    .map(([candidate]) => candidate)
    // The same group first, then stable versions before betas and alphas.
    .sort((a, b) => rank(a, apiVersion) - rank(b, apiVersion) || a.localeCompare(b));
  const replacement = removed?.replacement;
  const servedAs = replacement && served.includes(replacement) ? [replacement, ...served.filter((c) => c !== replacement)] : served;
  const newer = KUBERNETES_VERSIONS.filter((candidate) => compareVersions(candidate, version) > 0);
  const servedFrom = removed ? undefined : newer.find((candidate) => Object.hasOwn(bundledKinds(candidate)[apiVersion] ?? {}, kind));
  const closestKind = didYouMean(kind, Object.keys(bundledKinds(version)[apiVersion] ?? {}));
  return { removedIn: removed?.removedIn, servedAs, servedFrom, noReplacement: removed !== undefined && replacement === undefined, closestKind };
}

function rank(candidate: string, wanted: string): number {
  const sameGroup = apiGroup(candidate) === apiGroup(wanted) ? 0 : 10;
  const stability = /alpha/.test(candidate) ? 2 : /beta/.test(candidate) ? 1 : 0;
  return sameGroup + stability;
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
