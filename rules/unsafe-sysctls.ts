import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { isWindowsPod, podSecurityContext } from '../src/k8s/security-context.js';
import { matchesSysctlPattern, normalizeSysctlName, SAFE_SYSCTLS, sysctlNamespace } from '../src/k8s/sysctls.js';

// Sysctls are set for the whole Pod (spec.securityContext.sysctls), so no container role applies.
// Windows Pods are skipped: Kubernetes forbids sysctls on them altogether.

export default defineRule({
  id: 'unsafe-sysctls',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 5.0,
    docs: {
      description:
        "Forbid sysctls outside the kubelet's safe set, which a default node refuses to run (SysctlForbidden), and namespaced sysctls that Kubernetes rejects next to hostNetwork or hostIPC.",
      remediation:
        'Remove the sysctl, or keep to the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_keepalive_time...). If your nodes allow more with the kubelet flag `--allowed-unsafe-sysctls`, list the same patterns in `allowedUnsafeSysctls`; node-level sysctls are tuned on the node itself.',
      rationale:
        'Only the kubelet\'s safe sysctls are allowed on a default node; any other makes the kubelet reject the Pod (SysctlForbidden) after it is scheduled, unless the node\'s `--allowed-unsafe-sysctls` lists it, and sysctls that are not namespaced can never be allowed. Before that, the API server rejects a net.* sysctl next to `hostNetwork: true` and an IPC one next to `hostIPC: true`, safe or not. Sysctls are Pod-level, so no container role applies. Names are read as the kubelet reads them (`net/core/somaxconn` is `net.core.somaxconn`). Windows Pods are skipped: Kubernetes forbids sysctls on them altogether.',
    },
    messages: {
      unsafe:
        'The sysctl "{{name}}" is not in the kubelet\'s safe set: unless the node allows it (--allowed-unsafe-sysctls), the kubelet rejects the Pod: forbidden sysctl: "{{name}}" not allowlisted.',
      notNamespaced:
        'The sysctl "{{name}}" is not namespaced, so no node can allow it for a Pod, and the kubelet rejects the Pod: forbidden sysctl: "{{name}}" not allowlisted.',
      hostNamespace:
        "The sysctl \"{{name}}\" cannot be set next to {{field}}: true. {{rejection}}: {{path}}: Invalid value: \"{{name}}\": may not be specified when '{{field}}' is true.",
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedUnsafeSysctls: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description:
            'Sysctls your nodes allow beyond the safe set, as the kubelet flag `--allowed-unsafe-sysctls` takes them: a name, or a prefix ending in `*` (`kernel.msg*`, `net.core.somaxconn`).',
        },
      },
    },
    defaultOptions: { allowedUnsafeSysctls: [] as string[] },
  },
  check({ pod, report }, options) {
    if (isWindowsPod(pod)) return;
    asArray(podSecurityContext(pod)?.sysctls).forEach((item, index) => {
      const written = asString(asObject(item)?.name);
      if (written === undefined || written === '') return; // a missing name is a schema finding
      const name = normalizeSysctlName(written);
      const path = [...pod.specPath, 'securityContext', 'sysctls', index, 'name'];
      const namespace = sysctlNamespace(name);
      // API validation, before any node sees the Pod: a sysctl of a namespace the Pod shares with the node.
      const hostField = namespace === 'net' && pod.spec.hostNetwork === true ? 'hostNetwork' : namespace === 'ipc' && pod.spec.hostIPC === true ? 'hostIPC' : undefined;
      if (hostField) {
        report({ path, messageId: 'hostNamespace', data: { name: written, field: hostField, path: kubernetesPath(pod, path), rejection: rejection(pod) }, severity: 'error' });
        return;
      }
      if (SAFE_SYSCTLS.includes(name)) return;
      if (namespace === 'node') report({ path, messageId: 'notNamespaced', data: { name } });
      else if (!options.allowedUnsafeSysctls.some((pattern) => matchesSysctlPattern(name, pattern))) {
        report({ path, messageId: 'unsafe', data: { name } });
      }
    });
  },
});
