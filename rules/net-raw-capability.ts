import { defineRule } from '../src/engine/define-rule.js';
import { addedCapabilities, dropListPath, keepsDefaultCapability } from '../src/k8s/capabilities.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { containerSecurityContext, isWindowsPod } from '../src/k8s/security-context.js';

// Capabilities are per container, so every role is checked. Privileged containers hold every
// capability whatever they drop; privileged-container reports them.

export default defineRule({
  id: 'net-raw-capability',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    tags: ['security'],
    securitySeverity: 4.0,
    docs: {
      description:
        'Require every container of every role to drop NET_RAW (or ALL), which Docker and containerd grant by default and which allows crafting raw packets; Windows Pods are exempt.',
      remediation:
        'Add `NET_RAW` (or `ALL`) to `securityContext.capabilities.drop`, and do not add it back; `ping` works without it where `net.ipv4.ping_group_range` allows (it is a safe sysctl).',
      rationale:
        'Docker and containerd grant NET_RAW by default (CRI-O does not), which lets a process craft raw packets: ARP and DNS spoofing against other Pods on the node. The rule follows the runtime\'s order (`add: [ALL]` grants all, `drop: [ALL]` removes all, named adds come back, named drops go last). Every role is checked, as each container has its own capabilities; privileged containers are privileged-container\'s findings. Off by default: most workloads that follow restricted practice drop ALL anyway, and the rest rarely need to be told twice. Windows Pods are exempt.',
    },
    messages: {
      notDropped:
        '{{role}} "{{container}}" keeps NET_RAW, granted by the runtime by default: it can craft raw packets (ARP or DNS spoofing on the Pod network). Drop NET_RAW or ALL.',
      added: '{{role}} "{{container}}" adds {{capability}}: it can craft raw packets (ARP or DNS spoofing on the Pod network).',
      addedAll: '{{role}} "{{container}}" adds {{capability}}, NET_RAW among them: it can craft raw packets (ARP or DNS spoofing on the Pod network).',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (isWindowsPod(pod)) return;
    for (const container of pod.containers) {
      if (containerSecurityContext(container)?.privileged === true) continue;
      if (!keepsDefaultCapability(container, 'NET_RAW')) continue;
      const data = { role: CONTAINER_ROLE_LABELS[container.role], container: container.name };
      const adding = addedCapabilities(container).find((entry) => entry.name === 'NET_RAW' || entry.name === 'ALL');
      if (adding) report({ path: adding.path, messageId: adding.name === 'ALL' ? 'addedAll' : 'added', data: { ...data, capability: adding.text } });
      else report({ path: dropListPath(container), messageId: 'notDropped', data });
    }
  },
});
