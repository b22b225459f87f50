import { defineRule, type PodRuleContext } from '../src/engine/define-rule.js';
import { asObject, asString } from '../src/json.js';
import { CONTAINER_ROLE_LABELS, type ContainerView } from '../src/k8s/pod-view.js';
import { asBoolean, asInteger, effectiveSetting, isWindowsPod, usesUserNamespace } from '../src/k8s/security-context.js';

// runAsNonRoot and runAsUser are resolved per container, the container's value overriding the
// Pod's, as the kubelet does. Every role runs a process with these settings, so every role counts.

/** The ids of meta.messages, for the helpers below (the source check keeps the two in step). */
type MessageId =
  | 'unset'
  | 'rootUser'
  | 'allowsRoot'
  | 'conflict'
  | 'windowsUnset'
  | 'windowsAdministrator';
type Context = PodRuleContext<MessageId>;

export default defineRule({
  id: 'run-as-root',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    tags: ['security'],
    securitySeverity: 6.0,
    docs: {
      description:
        'Require every container of every role (containers, init containers, sidecars, ephemeral) to be guaranteed non-root by runAsNonRoot: true or a non-zero runAsUser, its own or the Pod\'s; Pods with hostUsers: false are exempt.',
      remediation:
        'Set `runAsNonRoot: true` (and a non-zero `runAsUser` when the image has no numeric USER) in the Pod\'s `securityContext`, and override it only in the containers that must differ. On Windows, set `runAsNonRoot: true` or a `windowsOptions.runAsUserName` other than ContainerAdministrator.',
      rationale:
        'Root in a container is root on the node unless the Pod runs in a user namespace, so a container escape is a node compromise. Only `runAsNonRoot: true` (enforced by the kubelet against the image\'s user) or a non-zero `runAsUser` guarantee otherwise; each is resolved as the kubelet does, the container\'s value overriding the Pod\'s. Every role is checked, since every container runs a process. `runAsNonRoot: true` with `runAsUser: 0`, from either level, is an error: the kubelet refuses to start the container. Pods with `hostUsers: false` are exempt from the rest, their root being an unprivileged user of the node. On Windows the rule asks for `runAsNonRoot: true` or a `runAsUserName` other than ContainerAdministrator, as Kubernetes forbids `runAsUser` on Windows Pods.',
    },
    messages: {
      unset:
        '{{role}} "{{container}}" may run as root: neither it nor the Pod sets runAsNonRoot: true or a non-zero runAsUser, so the image\'s USER decides.',
      rootUser: '{{role}} "{{container}}" runs as root: runAsUser is 0 in the {{source}} securityContext.',
      allowsRoot:
        '{{role}} "{{container}}" may run as root: runAsNonRoot is false in the {{source}} securityContext and no non-zero runAsUser is set.',
      conflict:
        '{{role}} "{{container}}" will not start: runAsNonRoot is true but runAsUser is 0, and the kubelet refuses it ("container\'s runAsUser breaks non-root policy").',
      windowsUnset:
        '{{role}} "{{container}}" may run as ContainerAdministrator: neither it nor the Pod sets runAsNonRoot: true or a windowsOptions.runAsUserName.',
      windowsAdministrator:
        '{{role}} "{{container}}" runs as ContainerAdministrator, the administrator of the Windows container.',
    },
    defaultOptions: {},
  },
  check(context) {
    const { pod } = context;
    for (const container of pod.containers) {
      if (isWindowsPod(pod)) checkWindows(context, container);
      else checkLinux(context, container);
    }
  },
});

function labels(container: ContainerView) {
  return { role: CONTAINER_ROLE_LABELS[container.role], container: container.name };
}

function checkLinux({ pod, report }: Context, container: ContainerView): void {
  const nonRoot = effectiveSetting(pod, container, 'runAsNonRoot', asBoolean);
  const user = effectiveSetting(pod, container, 'runAsUser', asInteger);
  const data = labels(container);
  if (user?.value === 0) {
    if (nonRoot?.value === true) report({ path: user.path, messageId: 'conflict', data, severity: 'error' });
    else if (!usesUserNamespace(pod)) report({ path: user.path, messageId: 'rootUser', data: { ...data, source: sourceLabel(user.from) } });
    return;
  }
  // A user namespace maps root in the Pod to an unprivileged user of the node.
  if (nonRoot?.value === true || (user !== undefined && user.value > 0) || usesUserNamespace(pod)) return;
  if (nonRoot?.value === false) report({ path: nonRoot.path, messageId: 'allowsRoot', data: { ...data, source: sourceLabel(nonRoot.from) } });
  else report({ path: [...container.path, 'securityContext', 'runAsNonRoot'], messageId: 'unset', data });
}

function checkWindows({ pod, report }: Context, container: ContainerView): void {
  const nonRoot = effectiveSetting(pod, container, 'runAsNonRoot', asBoolean);
  const userName = effectiveSetting(pod, container, 'windowsOptions', (value) => asString(asObject(value)?.runAsUserName));
  if (userName && userName.value.toLowerCase() === 'containeradministrator') {
    report({ path: [...userName.path, 'runAsUserName'], messageId: 'windowsAdministrator', data: labels(container) });
    return;
  }
  if (nonRoot?.value === true || userName !== undefined) return;
  report({ path: [...container.path, 'securityContext', 'runAsNonRoot'], messageId: 'windowsUnset', data: labels(container) });
}

function sourceLabel(from: 'container' | 'pod'): string {
  return from === 'container' ? "container's" : "Pod's";
}
