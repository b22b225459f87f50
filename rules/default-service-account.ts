import { defineRule } from '../src/engine/define-rule.js';
import { asString } from '../src/json.js';

// A Pod-level setting: every container of every role gets the service account's token mounted.

export default defineRule({
  id: 'default-service-account',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'off',
    tags: ['security'],
    securitySeverity: 3.0,
    docs: {
      description:
        "Report Pods that run as their namespace's default service account with its API token mounted, so every workload of the namespace shares one identity and its permissions.",
      remediation:
        'Create a service account for the workload, grant it only what it needs, and set `serviceAccountName`; a workload that never calls the Kubernetes API can set `automountServiceAccountToken: false` instead.',
      rationale:
        'Every Pod of a namespace that names no service account runs as `default`, so any permission granted to it is granted to all of them, and its token is mounted in every container (every role) unless `automountServiceAccountToken: false`. The deprecated `serviceAccount` field is read as Kubernetes reads it, only when `serviceAccountName` is empty. Off by default: many workloads never call the API, and the token\'s permissions, not its presence, are the risk.',
    },
    messages: {
      implicit: 'The Pod runs as the default service account, with its token mounted: it sets no serviceAccountName.',
      explicit: 'The Pod runs as the default service account, with its token mounted.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (pod.spec.automountServiceAccountToken === false) return;
    // serviceAccount is the deprecated alias, used only when serviceAccountName is empty.
    for (const field of ['serviceAccountName', 'serviceAccount']) {
      const name = asString(pod.spec[field]);
      if (name === undefined || name === '') continue;
      if (name === 'default') report({ path: [...pod.specPath, field], messageId: 'explicit' });
      return;
    }
    report({ path: [...pod.specPath, 'serviceAccountName'], messageId: 'implicit' });
  },
});
