import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { goQuote, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS, containersAndSidecars, type ContainerView } from '../src/k8s/pod-view.js';
import { valueAt, type Path } from '../src/path.js';

/** Where a container names ports the kubelet resolves against its own `ports`: probes and hooks. */
const CHECKS: readonly { readonly path: readonly string[]; readonly label: string }[] = [
  { path: ['livenessProbe'], label: 'livenessProbe' },
  { path: ['readinessProbe'], label: 'readinessProbe' },
  { path: ['startupProbe'], label: 'startupProbe' },
  { path: ['lifecycle', 'postStart'], label: 'postStart hook' },
  { path: ['lifecycle', 'preStop'], label: 'preStop hook' },
];
const HANDLERS = ['httpGet', 'tcpSocket'] as const;

export default defineRule({
  id: 'probe-port',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require every named port of a probe or lifecycle hook (httpGet, tcpSocket) to be declared by a port of the same container.',
      remediation:
        'Add a port with that name to the container\'s `ports`, fix the name to match one, or use the port number.',
    },
    messages: {
      undeclared:
        'The {{check}} of {{role}} "{{container}}" uses the port name "{{port}}", which {{declared}}: the kubelet cannot resolve it, so the check never succeeds.',
      quotedNumber:
        'The {{check}} of {{role}} "{{container}}" has port "{{port}}" in quotes, so Kubernetes reads it as a port name. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of containersAndSidecars(pod)) {
      const names = portNames(container);
      const declared =
        names.length === 0 ? 'the container does not declare (it has no named ports)' : `no port of the container declares (it names ${names.map((name) => `"${name}"`).join(', ')})`;
      for (const check of CHECKS) {
        const handler = asObject(valueAt(container.spec, check.path));
        if (!handler) continue;
        for (const kind of HANDLERS) {
          const port = asString(asObject(handler[kind])?.port);
          if (port === undefined) continue; // a number, or missing (a schema finding)
          const path: Path = [...container.path, ...check.path, kind, 'port'];
          const data = { check: check.label, role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(), container: container.name, port };
          if (/^[0-9]+$/.test(port)) {
            report({
              path,
              messageId: 'quotedNumber',
              data: {
                ...data,
                rejection: rejection(pod),
                error: `${kubernetesPath(pod, path)}: Invalid value: ${goQuote(port)}: must contain at least one letter (a-z)`,
              },
              ...(validPortNumber(port) ? { fix: { title: `Use the port number ${Number(port)}`, path, text: String(Number(port)), verbatim: true } } : {}),
            });
          } else if (!names.includes(port)) {
            report({ path, messageId: 'undeclared', data: { ...data, declared } });
          }
        }
      }
    }
  },
});

function validPortNumber(text: string): boolean {
  const number = Number(text);
  return number >= 1 && number <= 65535;
}

function portNames(container: ContainerView): string[] {
  return asArray(container.spec.ports)
    .map((port) => asString(asObject(port)?.name))
    .filter((name): name is string => name !== undefined && name !== '');
}
