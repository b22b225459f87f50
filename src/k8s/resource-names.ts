// Resource names as Kubernetes validates them (pkg/apis/core/helper, apimachinery's
// IsQualifiedName in value-formats.ts), with its exact messages.
import { isNativeResource } from './pod-resources.js';
import { qualifiedNameErrors } from './value-formats.js';

const STANDARD_RESOURCES = new Set([
  'cpu', 'memory', 'ephemeral-storage',
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
  'pods', 'resourcequotas', 'services', 'replicationcontrollers', 'secrets', 'persistentvolumeclaims', 'configmaps',
  'storage', 'requests.storage', 'services.nodeports', 'services.loadbalancers',
]);

/** `IsStandardResourceName`: any resource Kubernetes itself defines (quota names included). */
export function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

/** `IsStandardContainerResourceName`: cpu, memory, ephemeral-storage, hugepages-<size>. */
export function isStandardContainerResourceName(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
}

/** `IsExtendedResourceName`: a device or vendor resource such as nvidia.com/gpu. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return qualifiedNameErrors(`requests.${name}`).length === 0;
}

/** The messages of `validateContainerResourceName`, in Kubernetes' order. */
export function containerResourceNameErrors(name: string): string[] {
  const errors = qualifiedNameErrors(name);
  if (errors.length === 0 && !name.includes('/') && !isStandardResourceName(name)) errors.push('must be a standard resource type or fully qualified');
  if (!name.includes('/')) {
    if (!isStandardContainerResourceName(name)) errors.push('must be a standard resource for containers');
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errors.push("doesn't follow extended resource name standard");
  }
  return errors;
}
