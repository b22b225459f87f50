import { defineRule, type PodRuleContext } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { kubernetesPath, rejection, unsupportedValue } from '../src/k8s/kubernetes-errors.js';
import { containerRestartRulesEnabled } from '../src/k8s/kubernetes-version.js';
import { CONTAINER_ROLE_LABELS, type ContainerView, type PodView } from '../src/k8s/pod-view.js';
import type { Path } from '../src/path.js';

// Limits of KEP-5307 as the API server enforces them from Kubernetes 1.35.
const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const CONTAINER_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/** The ids of meta.messages, for the helpers below (the source check keeps the two in step). */
type MessageId =
  | 'initOnlyAlways'
  | 'notForRegular'
  | 'rulesDropped'
  | 'unsupported'
  | 'ephemeral'
  | 'rulesNeedPolicy'
  | 'sidecarRules'
  | 'tooManyRules'
  | 'action'
  | 'exitCodesRequired'
  | 'operator'
  | 'tooManyExitCodes';
type Report = PodRuleContext<MessageId>['report'];

export default defineRule({
  id: 'init-container-restart-policy',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require container-level restartPolicy and restartPolicyRules that the selected Kubernetes version accepts: in 1.34, Always on init containers only; from 1.35 (ContainerRestartRules), Always, OnFailure or Never on any container, with well-formed rules.',
      remediation:
        'On Kubernetes 1.34, set `restartPolicy: Always` only on init containers meant as sidecars and remove it elsewhere. From 1.35, use Always, OnFailure or Never, set restartPolicy whenever restartPolicyRules are set, and give each rule `action: Restart` and `exitCodes` with operator In or NotIn.',
      rationale:
        'What Kubernetes accepts depends on the version selected with --kubernetes-version. In 1.34 the ContainerRestartRules feature gate is alpha and off: an init container may only set Always (making it a sidecar), a regular container may not set restartPolicy at all, and restartPolicyRules are dropped. From 1.35 the gate is on by default: every container may set Always, OnFailure or Never, and restartPolicyRules need the container\'s restartPolicy, at most 20 rules, action Restart, exitCodes with operator In or NotIn and at most 255 values, and are not allowed on sidecars. Ephemeral containers may set neither field.',
    },
    messages: {
      initOnlyAlways:
        'Init container "{{container}}" has restartPolicy "{{value}}"; Kubernetes {{version}} allows only Always on an init container (which makes it a sidecar). {{rejection}}: {{error}}.',
      notForRegular:
        'Container "{{container}}" sets restartPolicy, which Kubernetes {{version}} allows on init containers only (per-container restart policies arrive with ContainerRestartRules, on by default from 1.35). {{rejection}}: {{error}}.',
      rulesDropped:
        '{{role}} "{{container}}" has restartPolicyRules, which Kubernetes {{version}} drops: its ContainerRestartRules feature gate is alpha and off by default, so the rules never apply.',
      unsupported:
        '{{role}} "{{container}}" has restartPolicy "{{value}}". {{rejection}}: {{error}}.',
      ephemeral:
        'Ephemeral container "{{container}}" sets {{field}}, which ephemeral containers cannot have. {{rejection}}: {{error}}.',
      rulesNeedPolicy:
        '{{role}} "{{container}}" has restartPolicyRules but no restartPolicy; Kubernetes requires the container\'s own restartPolicy whenever rules are set, and rejects it ({{error}}).',
      sidecarRules:
        'Sidecar container "{{container}}" has restartPolicyRules; Kubernetes {{version}} rejects rules on sidecars (they only allow the RestartAllContainers action, behind an alpha feature gate).',
      tooManyRules:
        '{{role}} "{{container}}" has {{count}} restartPolicyRules; Kubernetes allows at most {{max}}.',
      action:
        'The restart rule of {{lowerRole}} "{{container}}" has action "{{value}}". {{rejection}}: {{error}}.',
      exitCodesRequired:
        'The restart rule of {{lowerRole}} "{{container}}" has no exitCodes, the only condition a rule can have. {{rejection}}: {{error}}.',
      operator:
        'The restart rule of {{lowerRole}} "{{container}}" has exitCodes operator "{{value}}". {{rejection}}: {{error}}.',
      tooManyExitCodes:
        'The restart rule of {{lowerRole}} "{{container}}" lists {{count}} exit codes; Kubernetes allows at most {{max}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report, kubernetesVersion }) {
    const enabled = containerRestartRulesEnabled(kubernetesVersion);
    for (const container of pod.containers) {
      const data = {
        role: CONTAINER_ROLE_LABELS[container.role],
        lowerRole: CONTAINER_ROLE_LABELS[container.role].toLowerCase(),
        container: container.name,
        version: kubernetesVersion,
        rejection: rejection(pod),
      };
      const policyPath = [...container.path, 'restartPolicy'];
      const rulesPath = [...container.path, 'restartPolicyRules'];
      const policy = container.spec.restartPolicy;
      const value = asString(policy); // a restartPolicy that is not a string is a schema finding
      const hasRules = container.spec.restartPolicyRules !== undefined && container.spec.restartPolicyRules !== null;
      const error = (path: Path, text: string) => `${kubernetesPath(pod, path)}: ${text}`;

      if (container.list === 'ephemeralContainers') {
        for (const [field, path] of [['restartPolicy', policyPath], ['restartPolicyRules', rulesPath]] as const) {
          if (container.spec[field] === undefined || container.spec[field] === null) continue;
          report({ path, messageId: 'ephemeral', data: { ...data, field, error: error(path, 'Forbidden: cannot be set for an Ephemeral Container') } });
        }
        continue;
      }

      if (!enabled) {
        if (container.list === 'initContainers' && value !== undefined && value !== 'Always') {
          report({ path: policyPath, messageId: 'initOnlyAlways', data: { ...data, value, error: error(policyPath, unsupportedValue(value, ['Always'])) } });
        }
        if (container.list === 'containers' && policy !== undefined && policy !== null) {
          report({ path: policyPath, messageId: 'notForRegular', data: { ...data, error: error(policyPath, 'Forbidden: may not be set for non-init containers') } });
        }
        if (hasRules) report({ path: rulesPath, messageId: 'rulesDropped', severity: 'warning', data });
        continue;
      }

      if (value !== undefined && !CONTAINER_RESTART_POLICIES.includes(value)) {
        report({ path: policyPath, messageId: 'unsupported', data: { ...data, value, error: error(policyPath, unsupportedValue(value, CONTAINER_RESTART_POLICIES)) } });
      }
      if (!hasRules) continue;
      if (policy === undefined || policy === null) {
        report({ path: rulesPath, messageId: 'rulesNeedPolicy', data: { ...data, error: error(policyPath, 'Required value') } });
      }
      if (container.role === 'sidecar') {
        report({ path: rulesPath, messageId: 'sidecarRules', data });
      }
      checkRules(pod, container, report, data);
    }
  },
});

function checkRules(pod: PodView, container: ContainerView, report: Report, data: Record<string, string | number>): void {
  const rules = asArray(container.spec.restartPolicyRules);
  const rulesPath = [...container.path, 'restartPolicyRules'];
  if (rules.length > MAX_RULES) {
    report({ path: rulesPath, messageId: 'tooManyRules', data: { ...data, count: rules.length, max: MAX_RULES } });
  }
  rules.forEach((item, index) => {
    const rule = asObject(item);
    if (!rule) return; // a malformed rule is a schema finding
    const rulePath = [...rulesPath, index];
    const action = asString(rule.action);
    if (action !== undefined && action !== 'Restart') {
      const path = [...rulePath, 'action'];
      report({ path, messageId: 'action', data: { ...data, value: action, error: `${kubernetesPath(pod, path)}: ${unsupportedValue(action, ['Restart'])}` } });
    }
    const exitCodes = asObject(rule.exitCodes);
    if (!exitCodes) {
      const path = [...rulePath, 'exitCodes'];
      report({ path, messageId: 'exitCodesRequired', data: { ...data, error: `${kubernetesPath(pod, path)}: Required value: must be specified` } });
      return;
    }
    const operator = asString(exitCodes.operator);
    if (operator !== undefined && operator !== 'In' && operator !== 'NotIn') {
      const path = [...rulePath, 'exitCodes', 'operator'];
      report({ path, messageId: 'operator', data: { ...data, value: operator, error: `${kubernetesPath(pod, path)}: ${unsupportedValue(operator, ['In', 'NotIn'])}` } });
    }
    const values = asArray(exitCodes.values);
    if (values.length > MAX_EXIT_CODES) {
      report({ path: [...rulePath, 'exitCodes', 'values'], messageId: 'tooManyExitCodes', data: { ...data, count: values.length, max: MAX_EXIT_CODES } });
    }
  });
}
