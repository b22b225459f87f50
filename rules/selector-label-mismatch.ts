import { defineRule } from '../src/engine/define-rule.js';
import { asObject } from '../src/json.js';
import {
  labelMap,
  labelSelectorRequirements,
  mapSelectorRequirements,
  matchesRequirement,
  type SelectorRequirement,
} from '../src/k8s/label-selector.js';
import { formatPath, type Path } from '../src/path.js';

/** Controllers whose selector must select their own template's Pods, and where it is. */
const SELECTOR_PATHS: Readonly<Record<string, Path>> = {
  Deployment: ['spec', 'selector'],
  ReplicaSet: ['spec', 'selector'],
  StatefulSet: ['spec', 'selector'],
  DaemonSet: ['spec', 'selector'],
  ReplicationController: ['spec', 'selector'],
  Job: ['spec', 'selector'],
};

export default defineRule({
  id: 'selector-label-mismatch',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require a controller\'s selector to match its own pod template\'s labels (Deployment, ReplicaSet, StatefulSet, DaemonSet, ReplicationController, and a Job with manualSelector).',
      remediation:
        'Make the template\'s `metadata.labels` satisfy every requirement of `spec.selector`; the selector of a Deployment, ReplicaSet, StatefulSet or DaemonSet cannot be changed later, so fix the labels.',
    },
    messages: {
      mismatch:
        'The selector requires {{requirement}}, but the template\'s labels {{actual}}. Kubernetes rejects it: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const selectorPath = SELECTOR_PATHS[pod.owner.kind];
    const spec = asObject(pod.object.value.spec);
    const selector = asObject(spec?.selector);
    if (!selectorPath || !selector) return; // no selector: defaulted from the labels, or a schema finding
    // A Job's selector is generated unless manualSelector is true, and then always matches.
    if (pod.owner.kind === 'Job' && spec?.manualSelector !== true) return;
    const requirements =
      pod.owner.kind === 'ReplicationController' ? mapSelectorRequirements(selector) : labelSelectorRequirements(selector);
    if (!requirements || requirements.length === 0) return; // an invalid or empty selector is reported as such
    const written = pod.metadata?.labels;
    const labels = labelMap(written);
    const labelsPath = [...pod.metadataPath, 'labels'];
    const error = `${formatPath(labelsPath)}: Invalid value: ${goJson(written)}: \`selector\` does not match template \`labels\``;
    for (const requirement of requirements) {
      if (matchesRequirement(requirement, labels)) continue;
      report({
        path: [...selectorPath, ...requirement.path],
        messageId: 'mismatch',
        data: { requirement: describe(requirement), actual: actual(requirement, labels), error },
      });
    }
  },
});

function describe(requirement: SelectorRequirement): string {
  const values = requirement.values.join(', ');
  switch (requirement.operator) {
    case 'In':
      return requirement.values.length === 1 ? `${requirement.key}=${values}` : `${requirement.key} in (${values})`;
    case 'NotIn':
      return `${requirement.key} not in (${values})`;
    case 'Exists':
      return `a label ${requirement.key}`;
    case 'DoesNotExist':
      return `no label ${requirement.key}`;
  }
}

function actual(requirement: SelectorRequirement, labels: Readonly<Record<string, string>>): string {
  const value = labels[requirement.key];
  return value === undefined ? `have no ${requirement.key}` : `have ${requirement.key}=${value}`;
}

/** Labels as the API server prints an invalid map value: JSON with sorted keys, `null` when absent. */
function goJson(labels: unknown): string {
  const object = asObject(labels);
  if (!object) return 'null';
  return JSON.stringify(Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]])));
}
