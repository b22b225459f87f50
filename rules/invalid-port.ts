import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asNumber, asObject, asString } from '../src/json.js';
import { errorList, invalidValue, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { podHandlers } from '../src/k8s/handlers.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { portNameErrors } from '../src/k8s/port-name.js';
import { portNumberErrors } from '../src/k8s/value-formats.js';
import type { Path } from '../src/path.js';

export default defineRule({
  id: 'invalid-port',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require port numbers from 1 to 65535 in container ports (containerPort, and hostPort when set) and in the httpGet, tcpSocket and grpc actions of probes and lifecycle hooks, valid port names in those actions, and, with hostNetwork, a hostPort equal to its containerPort.',
      remediation:
        'Use the number the process listens on (1 to 65535), or the name of a port the container declares; with hostNetwork, leave hostPort out or set it to the containerPort.',
      rationale:
        'These are the API server\'s own checks, quoted in the finding. A probe or hook action names its port by number or by a port name (an IANA service name such as `http`); a number in quotes is a name to Kubernetes, and a name the container does not declare never resolves, both of which probe-port reports. Only the first action of a probe or hook is checked, as the API server does; a second one is an invalid-probe finding. With hostNetwork the container binds the node\'s port directly, so the host port and the container port are the same number; the API server defaults a missing hostPort to it.',
    },
    messages: {
      containerPortRequired:
        'A port of {{role}} "{{container}}" has containerPort 0; every port needs the number the container listens on. {{rejection}}: {{error}}.',
      portOutOfRange: 'The {{field}} {{value}} of {{role}} "{{container}}" is not a port number (1 to 65535). {{rejection}}: {{error}}.',
      hostNetworkPort:
        'With hostNetwork the container listens on the node\'s port {{containerPort}} itself, so hostPort {{value}} of {{role}} "{{container}}" must be {{containerPort}} too (or left out). {{rejection}}: {{error}}.',
      actionOutOfRange:
        'The {{check}} of {{role}} "{{container}}" uses port {{value}}, which is not a port number (1 to 65535). {{rejection}}: {{error}}.',
      actionPortName:
        'The {{check}} of {{role}} "{{container}}" uses port "{{value}}", which is not a valid port name (an IANA service name of at most 15 lower-case letters, digits and "-", with a letter). {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const rejected = (path: Path, value: string | number, errors: readonly string[]) =>
      errorList(errors.map((detail) => `${kubernetesPath(pod, path)}: ${invalidValue(value, detail)}`));
    const hostNetwork = pod.spec.hostNetwork === true;

    for (const container of pod.containers) {
      const who = { role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(), container: container.name, rejection: rejection(pod) };
      asArray(container.spec.ports).forEach((item, index) => {
        const port = asObject(item);
        if (!port) return;
        const portPath = [...container.path, 'ports', index];
        // A missing or non-integer port is a schema finding.
        const containerPort = integer(port.containerPort);
        if (containerPort === 0) {
          const path = [...portPath, 'containerPort'];
          report({ path, messageId: 'containerPortRequired', data: { ...who, error: `${kubernetesPath(pod, path)}: Required value` } });
        } else if (containerPort !== undefined && portNumberErrors(containerPort).length > 0) {
          const path = [...portPath, 'containerPort'];
          report({ path, messageId: 'portOutOfRange', data: { ...who, field: 'containerPort', value: containerPort, error: rejected(path, containerPort, portNumberErrors(containerPort)) } });
        }
        const hostPort = integer(port.hostPort);
        if (hostPort === undefined || hostPort === 0) return;
        const path = [...portPath, 'hostPort'];
        if (portNumberErrors(hostPort).length > 0) {
          report({ path, messageId: 'portOutOfRange', data: { ...who, field: 'hostPort', value: hostPort, error: rejected(path, hostPort, portNumberErrors(hostPort)) } });
        } else if (hostNetwork && container.list === 'containers' && containerPort !== undefined && hostPort !== containerPort) {
          report({
            path,
            messageId: 'hostNetworkPort',
            data: { ...who, value: hostPort, containerPort, error: rejected(path, hostPort, ['must match `containerPort` when `hostNetwork` is true']) },
          });
        }
      });
    }

    for (const handler of podHandlers(pod)) {
      // The API server validates the first action only; the others are an error of their own.
      const type = handler.types[0];
      if (type !== 'httpGet' && type !== 'tcpSocket' && type !== 'grpc') continue;
      const path = [...handler.path, type, 'port'];
      const value = asObject(handler.spec[type])?.port;
      const data = {
        check: handler.label,
        role: CONTAINER_ROLE_LABELS[handler.container.role].toLowerCase(),
        container: handler.container.name,
        rejection: rejection(pod),
      };
      const number = integer(value);
      const name = asString(value);
      if (number !== undefined && portNumberErrors(number).length > 0) {
        report({ path, messageId: 'actionOutOfRange', data: { ...data, value: number, error: rejected(path, number, portNumberErrors(number)) } });
      } else if (name !== undefined && !/^[0-9]+$/.test(name) && portNameErrors(name).length > 0) {
        // A quoted number is a name without a letter: probe-port reports it, with a fix.
        report({ path, messageId: 'actionPortName', data: { ...data, value: name, error: rejected(path, name, portNameErrors(name)) } });
      }
    }
  },
});

function integer(value: unknown): number | undefined {
  const number = asNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}
