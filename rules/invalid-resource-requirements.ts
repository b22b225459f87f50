import { defineRule, type ReportDescriptor } from '../src/engine/define-rule.js';
import { asObject } from '../src/json.js';
import { aggregateContainerResources, isHugePageResource, isOvercommitAllowed, isSupportedPodLevelResource, podResources } from '../src/k8s/pod-resources.js';
import {
  containerRequirements,
  kubernetesFieldPath,
  overheadFields,
  podLevelRequirements,
  resourceFieldPath,
  type RequirementsFields,
} from '../src/k8s/quantity-fields.js';
import { parseQuantity, QuantityError } from '../src/k8s/quantity.js';
import { containerResourceNameErrors, isExtendedResourceName } from '../src/k8s/resource-names.js';
import type { QuantityField } from '../src/k8s/resource-list.js';
import type { Path } from '../src/path.js';

/** The ids of meta.messages, for the helpers below (the source check keeps the two in step). */
type MessageId =
  | 'badName'
  | 'negative'
  | 'notInteger'
  | 'notEqual'
  | 'limitRequired'
  | 'hugePageSize'
  | 'hugePagesAlone'
  | 'podLevelUnsupported'
  | 'podLevelClaims'
  | 'belowAggregate'
  | 'abovePodLimit';

export default defineRule({
  id: 'invalid-resource-requirements',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        "Report resource requirements the API server rejects, with its messages: unknown or malformed resource names, negative quantities, fractional extended resources, extended resources and hugepages whose request is not equal to their limit, hugepages without cpu or memory or of a size that is not a multiple of the page, and pod-level resources that are unsupported or smaller than the containers'.",
      remediation:
        'Use cpu, memory, ephemeral-storage, hugepages-<size> or a vendor resource such as nvidia.com/gpu; keep quantities non-negative; give extended resources and hugepages a whole limit, with a request equal to it or none; and make pod-level requests and limits at least what the containers ask for.',
    },
    messages: {
      badName: '{{field}}: Invalid value: "{{name}}": {{detail}}',
      negative: '{{field}}: Invalid value: "{{value}}": must be greater than or equal to 0',
      notInteger: '{{field}}: Invalid value: "{{value}}": must be an integer',
      notEqual: '{{field}}: Invalid value: "{{request}}": must be equal to {{resource}} limit of {{limit}}',
      limitRequired: '{{field}}: Required value: Limit must be set for non overcommitable resources',
      hugePageSize: '{{field}}: Invalid value: "{{value}}": {{value}} is not positive integer multiple of {{resource}}',
      hugePagesAlone: '{{field}}: Forbidden: HugePages require cpu or memory',
      podLevelUnsupported: '{{field}}: Unsupported value: "{{name}}": supported values: "cpu", "hugepages-", "memory"',
      podLevelClaims: '{{field}}: Forbidden: claims cannot be set for Resources at pod-level',
      belowAggregate: '{{field}}: Invalid value: "{{request}}": must be greater than or equal to aggregate container requests of {{aggregate}}',
      abovePodLimit: '{{field}}: Invalid value: "{{limit}}": must be less than or equal to pod limits of {{podLimit}}',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      // Ephemeral containers may not set resources at all; that is another finding.
      if (container.role === 'ephemeral') continue;
      checkRequirements(containerRequirements(pod, container), report);
    }
    const overhead = overheadFields(pod);
    if (overhead.length > 0) {
      // The API server validates the overhead as the limits of a requirements block.
      const path: Path = [...pod.specPath, 'overhead'];
      checkRequirements({ path, container: undefined, requests: [], limits: overhead }, report, kubernetesFieldPath([...path, 'limits']));
    }
    const podLevel = podLevelRequirements(pod);
    if (podLevel) checkPodLevel(podLevel, report);

    function checkPodLevel(requirements: RequirementsFields, report: (descriptor: ReportDescriptor<MessageId>) => void): void {
      const claims = [...requirements.path, 'claims'];
      if (Array.isArray(asObject(pod.spec.resources)?.claims)) {
        report({ path: claims, messageId: 'podLevelClaims', target: 'key', data: { field: kubernetesFieldPath(claims) } });
      }
      for (const field of [...requirements.limits, ...requirements.requests]) {
        if (!isSupportedPodLevelResource(field.name)) {
          report({ path: field.path, target: 'key', messageId: 'podLevelUnsupported', data: { field: resourceFieldPath(field), name: field.name } });
        }
        checkValue(field, report);
      }
      // What the Pods' containers will ask for, after defaulting: pod-level requests must cover it.
      const aggregate = aggregateContainerResources(podResources(pod), 'requests');
      for (const field of requirements.requests) {
        const total = aggregate.get(field.name);
        if (!field.quantity || !total || total.cmp(field.quantity) <= 0) continue;
        report({
          path: field.path,
          messageId: 'belowAggregate',
          data: { field: resourceFieldPath(field), request: field.quantity.toString(), aggregate: total.toString() },
        });
      }
      pod.containers.forEach((container) => {
        if (container.role !== 'container') return;
        for (const limit of containerRequirements(pod, container).limits) {
          const podLimit = requirements.limits.find((field) => field.name === limit.name)?.quantity;
          if (!limit.quantity || !podLimit || limit.quantity.cmp(podLimit) <= 0) continue;
          // Kubernetes names the field `spec.resources.containers[0][cpu].limits` (sic).
          const field = `${kubernetesFieldPath([...requirements.path, 'containers', container.index])}[${limit.name}].limits`;
          report({ path: limit.path, messageId: 'abovePodLimit', data: { field, limit: limit.quantity.toString(), podLimit: podLimit.toString() } });
        }
      });
    }
  },
});

/** ValidateResourceRequirements for one container (or the overhead, as limits). */
function checkRequirements(
  requirements: RequirementsFields,
  report: (descriptor: ReportDescriptor<MessageId>) => void,
  limitsField = kubernetesFieldPath([...requirements.path, 'limits']),
): void {
  let cpuOrMemory = false;
  let hugePages = false;
  const entryField = (field: QuantityField) => (requirements.container ? resourceFieldPath(field) : `${limitsField}[${field.name}]`);
  for (const field of [...requirements.limits, ...requirements.requests]) {
    for (const detail of containerResourceNameErrors(field.name)) {
      report({ path: field.path, target: 'key', messageId: 'badName', data: { field: entryField(field), name: field.name, detail } });
    }
    checkValue(field, report, entryField(field));
    if (field.name === 'cpu' || field.name === 'memory') cpuOrMemory = true;
    if (isHugePageResource(field.name)) {
      hugePages = true;
      if (field.quantity && !hugePageDivisible(field.name, field)) {
        const value = field.quantity.toString();
        report({ path: field.path, messageId: 'hugePageSize', data: { field: entryField(field), value, resource: field.name } });
      }
    }
  }
  for (const request of requirements.requests) {
    if (isOvercommitAllowed(request.name) || !request.quantity) continue;
    const limit = requirements.limits.find((field) => field.name === request.name);
    if (!limit) {
      report({ path: request.path, messageId: 'limitRequired', data: { field: limitsField } });
    } else if (limit.quantity && request.quantity.cmp(limit.quantity) !== 0) {
      report({
        path: request.path,
        messageId: 'notEqual',
        data: {
          field: kubernetesFieldPath([...requirements.path, 'requests']),
          request: request.quantity.toString(),
          resource: request.name,
          limit: limit.quantity.toString(),
        },
      });
    }
  }
  if (hugePages && !cpuOrMemory) {
    report({ path: requirements.path, target: 'key', messageId: 'hugePagesAlone', data: { field: kubernetesFieldPath(requirements.path) } });
  }
}

/** ValidateResourceQuantityValue: not negative, and whole for integer (extended) resources. */
function checkValue(field: QuantityField, report: (descriptor: ReportDescriptor<MessageId>) => void, name = resourceFieldPath(field)): void {
  if (!field.quantity) return;
  const value = field.quantity.toString();
  if (field.quantity.sign < 0) report({ path: field.path, messageId: 'negative', data: { field: name, value } });
  if (isExtendedResourceName(field.name) && field.quantity.milliValue() % 1000n !== 0n) {
    report({ path: field.path, messageId: 'notInteger', data: { field: name, value } });
  }
}

/** `IsHugePageResourceValueDivisible`: a whole number of pages of the size in the name. */
function hugePageDivisible(name: string, field: QuantityField): boolean {
  let pageSize;
  try {
    pageSize = parseQuantity(name.slice('hugepages-'.length));
  } catch (error) {
    if (error instanceof QuantityError) return false;
    throw error;
  }
  if (pageSize.sign <= 0 || pageSize.milliValue() % 1000n !== 0n) return false;
  return field.quantity!.value() % pageSize.value() === 0n;
}
