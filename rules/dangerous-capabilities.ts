import { defineRule } from '../src/engine/define-rule.js';
import { addedCapabilities, capabilityName } from '../src/k8s/capabilities.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { isWindowsPod } from '../src/k8s/security-context.js';

/** What each capability of the default list (meta.defaultOptions) lets a container do to the node. */
export
const RISKS: Readonly<Record<string, string>> = {
  ALL: 'use every capability, as good as privileged',
  SYS_ADMIN: 'mount filesystems, create namespaces and much more, the usual way out of a container',
  NET_ADMIN: "reconfigure the interfaces, routes and firewall of the Pod's network (the node's, with hostNetwork)",
  SYS_MODULE: 'load kernel modules into the node',
  SYS_PTRACE: 'trace and inject code into every process it can see',
  SYS_RAWIO: 'do raw I/O on devices and memory',
  SYS_BOOT: 'reboot the node or load a new kernel',
  SYS_TIME: "set the node's clock",
  DAC_READ_SEARCH: 'read any file it can reach regardless of permissions, and open files by handle outside its mounts',
  BPF: 'load BPF programs into the kernel',
  PERFMON: 'observe the kernel and other processes through perf and BPF',
  MAC_ADMIN: 'change the AppArmor or SELinux policy',
  MAC_OVERRIDE: 'bypass the AppArmor or SELinux policy',
  SYSLOG: 'read and clear the kernel log, which leaks kernel addresses',
  LINUX_IMMUTABLE: 'change immutable and append-only files',
};

export default defineRule({
  id: 'dangerous-capabilities',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    tags: ['security'],
    securitySeverity: 8.0,
    docs: {
      description:
        'Forbid adding dangerous Linux capabilities (ALL, SYS_ADMIN, NET_ADMIN, SYS_MODULE...) to a container of any role (containers, init containers, sidecars, ephemeral); Windows Pods are exempt.',
      remediation:
        'Remove the capability from `securityContext.capabilities.add` and grant only what the process needs (for example `NET_BIND_SERVICE`), ideally after `drop: [ALL]`. A container that truly needs one of these is node software: review it and suppress the finding with a reason.',
      rationale:
        'Capabilities split root\'s powers; the default list holds those that reach beyond the container: the kernel (SYS_MODULE, BPF, SYS_BOOT), devices and memory (SYS_RAWIO), other processes (SYS_PTRACE), security policy (MAC_ADMIN, MAC_OVERRIDE), the network stack (NET_ADMIN) and SYS_ADMIN, the usual container escape. None of them is in the Pod Security Standards\' baseline set. Every role is checked, because each container gets its own capability set. Names are compared as runtimes read them (`sys_admin`, `SYS_ADMIN` and `CAP_SYS_ADMIN` are one capability). An error by default; Windows Pods are exempt, as Kubernetes forbids capabilities on them.',
    },
    messages: {
      dangerous: '{{role}} "{{container}}" adds the capability {{capability}}, which lets it {{risk}}.',
      configured: '{{role}} "{{container}}" adds the capability {{capability}}, listed as dangerous in the configuration.',
    },
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        capabilities: {
          type: 'array',
          items: { type: 'string' },
          uniqueItems: true,
          description:
            'Capabilities to report, with or without the `CAP_` prefix, in any case (as runtimes read them). The default is the set that reaches beyond the container: kernel, devices, other processes, security policy.',
        },
      },
    },
    // RISKS explains each of these; a test keeps the two lists equal.
    defaultOptions: { capabilities: ['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE', 'SYSLOG', 'LINUX_IMMUTABLE'] as string[] },
  },
  check({ pod, report }, options) {
    if (isWindowsPod(pod)) return; // Kubernetes forbids capabilities on Windows Pods
    const dangerous = new Set(options.capabilities.map(capabilityName));
    for (const container of pod.containers) {
      for (const entry of addedCapabilities(container)) {
        if (!dangerous.has(entry.name)) continue;
        const data = { role: CONTAINER_ROLE_LABELS[container.role], container: container.name, capability: entry.text };
        const risk = RISKS[entry.name];
        if (risk) report({ path: entry.path, messageId: 'dangerous', data: { ...data, risk } });
        else report({ path: entry.path, messageId: 'configured', data });
      }
    }
  },
});
