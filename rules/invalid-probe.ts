import { defineRule, type PodRuleContext } from '../src/engine/define-rule.js';
import { asArray, asNumber, asObject, asString } from '../src/json.js';
import { errorList, invalidValue, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { podHandlers, type HandlerView } from '../src/k8s/handlers.js';
import { CONTAINER_ROLE_LABELS, type PodView } from '../src/k8s/pod-view.js';
import { httpHeaderNameErrors } from '../src/k8s/value-formats.js';
import type { Path } from '../src/path.js';

/** Probe fields that may not be negative (0 means the default). */
const COUNTERS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;
const DEFAULT_TERMINATION_GRACE_PERIOD = 30;

/** The ids of meta.messages, for the helpers below (the source check keeps the two in step). */
type MessageId =
  | 'noAction'
  | 'secondAction'
  | 'execCommand'
  | 'headerName'
  | 'negative'
  | 'readinessGracePeriod'
  | 'gracePeriodNotPositive'
  | 'sleepRange';
type Report = PodRuleContext<MessageId>['report'];
type Data = Readonly<Record<string, string | number>>;
type At = (path: Path, text: string) => string;

export default defineRule({
  id: 'invalid-probe',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require probes and lifecycle hooks the API server accepts: exactly one action (exec, httpGet, tcpSocket, grpc or sleep), an exec command, valid HTTP header names, no negative timings or thresholds, terminationGracePeriodSeconds only on liveness and startup probes and above 0, and a sleep no longer than the Pod\'s grace period.',
      remediation:
        'Give each probe or hook one action with what it needs (a command for exec, header names of letters, digits and `-` for httpGet), keep timings and thresholds at 0 (the default) or above, remove terminationGracePeriodSeconds from readiness probes, and sleep less than the Pod\'s terminationGracePeriodSeconds.',
      rationale:
        'These are the API server\'s checks of the probes and hooks of containers and sidecars, quoted in the finding; plain init containers may have none (init-container-probes). It validates only the first action (in the order exec, httpGet, tcpSocket, grpc, sleep) and rejects each further one. A successThreshold other than 1 on a liveness or startup probe, negative values included, is probe-success-threshold\'s finding, and ports are invalid-port\'s and probe-port\'s. From Kubernetes 1.34 (PodLifecycleSleepActionAllowZero, GA) a sleep of 0 seconds is allowed.',
    },
    messages: {
      noAction:
        'The {{check}} of {{role}} "{{container}}" has no action ({{actions}}), so there is nothing to run. {{rejection}}: {{error}}.',
      secondAction:
        'The {{check}} of {{role}} "{{container}}" has {{action}} besides {{first}}; a {{kind}} runs exactly one action. {{rejection}}: {{error}}.',
      execCommand: 'The exec action of the {{check}} of {{role}} "{{container}}" has no command to run. {{rejection}}: {{error}}.',
      headerName:
        'The {{check}} of {{role}} "{{container}}" sends the HTTP header "{{header}}", which is not a valid header name (letters, digits and "-"). {{rejection}}: {{error}}.',
      negative: 'The {{check}} of {{role}} "{{container}}" has {{field}} {{value}}, which cannot be negative. {{rejection}}: {{error}}.',
      readinessGracePeriod:
        'The readinessProbe of {{role}} "{{container}}" sets terminationGracePeriodSeconds, which only liveness and startup probes have: a failing readiness probe never kills the container. {{rejection}}: {{error}}.',
      gracePeriodNotPositive:
        'The {{check}} of {{role}} "{{container}}" has terminationGracePeriodSeconds {{value}}; the container needs at least 1 second to stop. {{rejection}}: {{error}}.',
      sleepRange:
        'The {{check}} of {{role}} "{{container}}" sleeps {{value}} seconds, {{why}}. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const gracePeriod = podGracePeriod(pod.spec.terminationGracePeriodSeconds);
    for (const handler of podHandlers(pod)) {
      const data = {
        check: handler.label,
        role: CONTAINER_ROLE_LABELS[handler.container.role].toLowerCase(),
        container: handler.container.name,
        rejection: rejection(pod),
      };
      const at = (path: Path, text: string) => `${kubernetesPath(pod, path)}: ${text}`;

      const [first, ...others] = handler.types;
      if (first === undefined) {
        report({
          path: handler.path,
          messageId: 'noAction',
          data: { ...data, actions: handler.kind === 'probe' ? 'exec, httpGet, tcpSocket or grpc' : 'exec, httpGet, tcpSocket or sleep', error: at(handler.path, 'Required value: must specify a handler type') },
        });
      }
      for (const action of others) {
        const path = [...handler.path, action];
        report({
          path,
          messageId: 'secondAction',
          target: 'key',
          data: { ...data, action, first: first!, kind: handler.kind === 'probe' ? 'probe' : 'hook', error: at(path, 'Forbidden: may not specify more than 1 handler type') },
        });
      }
      if (first === 'exec') checkExec(handler, report, data, at);
      if (first === 'httpGet') checkHeaders(handler, report, data, pod);
      if (first === 'sleep' && gracePeriod !== undefined) {
        const seconds = integer(asObject(handler.spec.sleep)?.seconds);
        if (seconds !== undefined && (seconds < 0 || seconds > gracePeriod)) {
          // The error names the sleep action, not its seconds field.
          const actionPath = [...handler.path, 'sleep'];
          report({
            path: [...actionPath, 'seconds'],
            messageId: 'sleepRange',
            data: {
              ...data,
              value: seconds,
              why: seconds < 0 ? 'a negative time' : `longer than the Pod's terminationGracePeriodSeconds (${gracePeriod}), after which the container is killed`,
              error: at(actionPath, invalidValue(seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)),
            },
          });
        }
      }
      if (handler.kind === 'probe') checkProbeFields(handler, report, data, at);
    }
  },
});

function checkExec(handler: HandlerView, report: Report, data: Data, at: At): void {
  const exec = asObject(handler.spec.exec);
  if (!exec || asArray(exec.command).length > 0) return;
  if (exec.command !== undefined && exec.command !== null && !Array.isArray(exec.command)) return; // a schema finding
  const path = [...handler.path, 'exec', 'command'];
  report({ path, messageId: 'execCommand', data: { ...data, error: at(path, 'Required value') } });
}

function checkHeaders(handler: HandlerView, report: Report, data: Data, pod: PodView): void {
  const headersPath = [...handler.path, 'httpGet', 'httpHeaders'];
  asArray(asObject(handler.spec.httpGet)?.httpHeaders).forEach((item, index) => {
    const header = asString(asObject(item)?.name);
    if (header === undefined) return; // a missing name is a schema finding
    const errors = httpHeaderNameErrors(header);
    if (errors.length === 0) return;
    // The API server names the list, not the header.
    report({
      path: [...headersPath, index, 'name'],
      messageId: 'headerName',
      data: { ...data, header, error: errorList(errors.map((detail) => `${kubernetesPath(pod, headersPath)}: ${invalidValue(header, detail)}`)) },
    });
  });
}

function checkProbeFields(handler: HandlerView, report: Report, data: Data, at: At): void {
  for (const field of COUNTERS) {
    // On liveness and startup probes any successThreshold but 1 is probe-success-threshold's.
    if (field === 'successThreshold' && handler.field !== 'readinessProbe') continue;
    const value = integer(handler.spec[field]);
    if (value === undefined || value >= 0) continue;
    const path = [...handler.path, field];
    report({ path, messageId: 'negative', data: { ...data, field, value, error: at(path, invalidValue(value, 'must be greater than or equal to 0')) } });
  }
  const grace = integer(handler.spec.terminationGracePeriodSeconds);
  if (grace === undefined) return;
  const path = [...handler.path, 'terminationGracePeriodSeconds'];
  const errors: string[] = [];
  if (grace <= 0) errors.push(at(path, invalidValue(grace, 'must be greater than 0')));
  if (handler.field === 'readinessProbe') {
    errors.push(at(path, invalidValue(grace, 'must not be set for readinessProbes')));
    report({ path, messageId: 'readinessGracePeriod', target: 'key', data: { ...data, error: errorList(errors) } });
  } else if (errors.length > 0) {
    report({ path, messageId: 'gracePeriodNotPositive', data: { ...data, value: grace, error: errorList(errors) } });
  }
}

/**
 * The Pod's grace period as validation sees it: 30 when unset. A negative one is left alone (the
 * API server warns and treats it as 1), and the sleep is not judged against it.
 */
function podGracePeriod(value: unknown): number | undefined {
  if (value === undefined || value === null) return DEFAULT_TERMINATION_GRACE_PERIOD;
  const number = integer(value);
  return number !== undefined && number >= 0 ? number : undefined;
}

function integer(value: unknown): number | undefined {
  const number = asNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}
