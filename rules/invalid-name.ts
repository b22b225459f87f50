import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { errorList, invalidValue, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { portNameErrors } from '../src/k8s/port-name.js';
import { dns1123LabelErrors } from '../src/k8s/value-formats.js';
import type { Path } from '../src/path.js';

export default defineRule({
  id: 'invalid-name',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require the names Kubernetes validates in a pod spec to have its formats: container and volume names and the Pod\'s hostname and subdomain are DNS labels, port names are IANA service names.',
      remediation:
        'Use lower-case letters, digits and `-`, starting and ending with a letter or digit: at most 63 characters for container and volume names, hostname and subdomain; at most 15, with at least one letter and no `--`, for port names (and rename the references to them).',
      rationale:
        'The API server rejects a Pod whose names break these formats, with one error per broken constraint; the finding quotes them all. A name that is left out is a schema finding; an empty one is reported here, as Kubernetes reports it ("Required value"). A StatefulSet\'s template hostname and subdomain are not checked: the controller replaces them with the Pod\'s name and the StatefulSet\'s serviceName.',
    },
    messages: {
      containerName:
        '{{role}} name "{{name}}" is not a DNS label (lower-case letters, digits and "-", at most 63 characters). {{rejection}}: {{error}}.',
      containerNameEmpty: 'The {{role}} at {{list}}[{{index}}] has an empty name. {{rejection}}: {{error}}.',
      volumeName: 'Volume name "{{name}}" is not a DNS label (lower-case letters, digits and "-", at most 63 characters). {{rejection}}: {{error}}.',
      volumeNameEmpty: 'The volume at volumes[{{index}}] has an empty name. {{rejection}}: {{error}}.',
      portName:
        'Port name "{{name}}" of {{role}} "{{container}}" is not an IANA service name (at most 15 lower-case letters, digits and "-", with a letter). {{rejection}}: {{error}}.',
      hostName: 'The Pod\'s {{field}} "{{name}}" is not a DNS label (lower-case letters, digits and "-", at most 63 characters). {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const error = (path: Path, value: string, errors: readonly string[]) =>
      errorList(errors.map((detail) => `${kubernetesPath(pod, path)}: ${invalidValue(value, detail)}`));

    for (const container of pod.containers) {
      const role = CONTAINER_ROLE_LABELS[container.role];
      const path = [...container.path, 'name'];
      const name = asString(container.spec.name);
      if (name === '') {
        report({
          path,
          messageId: 'containerNameEmpty',
          data: {
            role: role.toLowerCase(),
            list: container.list,
            index: container.index,
            rejection: rejection(pod),
            error: `${kubernetesPath(pod, path)}: Required value`,
          },
        });
      } else if (name !== undefined) {
        const errors = dns1123LabelErrors(name);
        if (errors.length > 0) report({ path, messageId: 'containerName', data: { role, name, rejection: rejection(pod), error: error(path, name, errors) } });
      }

      // An empty port name means an unnamed port.
      asArray(container.spec.ports).forEach((item, index) => {
        const portName = asString(asObject(item)?.name);
        if (!portName) return;
        const errors = portNameErrors(portName);
        if (errors.length === 0) return;
        const portPath = [...container.path, 'ports', index, 'name'];
        report({
          path: portPath,
          messageId: 'portName',
          data: { name: portName, role: role.toLowerCase(), container: container.name, rejection: rejection(pod), error: error(portPath, portName, errors) },
        });
      });
    }

    asArray(pod.spec.volumes).forEach((item, index) => {
      const path = [...pod.specPath, 'volumes', index, 'name'];
      const name = asString(asObject(item)?.name);
      if (name === '') {
        report({ path, messageId: 'volumeNameEmpty', data: { index, rejection: rejection(pod), error: `${kubernetesPath(pod, path)}: Required value` } });
      } else if (name !== undefined) {
        const errors = dns1123LabelErrors(name);
        if (errors.length > 0) report({ path, messageId: 'volumeName', data: { name, rejection: rejection(pod), error: error(path, name, errors) } });
      }
    });

    // The StatefulSet controller sets each Pod's hostname and subdomain itself.
    if (pod.owner.kind === 'StatefulSet') return;
    for (const field of ['hostname', 'subdomain'] as const) {
      const name = asString(pod.spec[field]);
      if (!name) continue; // empty means unset
      const errors = dns1123LabelErrors(name);
      if (errors.length === 0) continue;
      const path = [...pod.specPath, field];
      report({ path, messageId: 'hostName', data: { field, name, rejection: rejection(pod), error: error(path, name, errors) } });
    }
  },
});
