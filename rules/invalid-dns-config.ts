import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject } from '../src/json.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';

// Linux libc reads at most three nameservers (MAXNS); the API server enforces the same limit.
const MAX_NAMESERVERS = 3;

export default defineRule({
  id: 'invalid-dns-config',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require the DNS settings the API server accepts: with dnsPolicy None, a dnsConfig with at least one nameserver; and never more than three nameservers.',
      remediation:
        'With `dnsPolicy: None`, add `dnsConfig.nameservers` (one to three addresses); otherwise keep dnsConfig to three nameservers at most.',
      rationale:
        'With dnsPolicy None the Pod has no DNS settings of its own: its resolv.conf is made from dnsConfig alone, so the API server requires one with a nameserver. Three is the number of nameservers the C library\'s resolver reads.',
    },
    messages: {
      noDnsConfig:
        'dnsPolicy None takes the Pod\'s DNS settings from dnsConfig alone, and there is no dnsConfig: the Pod would have no resolver. {{rejection}}: {{error}}.',
      noNameservers:
        'dnsPolicy None takes the nameservers from dnsConfig, which lists none: the Pod would have no resolver. {{rejection}}: {{error}}.',
      tooManyNameservers:
        'dnsConfig lists {{count}} nameservers; the resolver reads at most 3. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    const configPath = [...pod.specPath, 'dnsConfig'];
    const nameserversPath = [...configPath, 'nameservers'];
    const dnsConfig = asObject(pod.spec.dnsConfig);
    const nameservers = asArray(dnsConfig?.nameservers);
    if (pod.spec.dnsPolicy === 'None') {
      if (!dnsConfig) {
        report({
          path: [...pod.specPath, 'dnsPolicy'],
          messageId: 'noDnsConfig',
          data: { rejection: rejection(pod), error: `${kubernetesPath(pod, configPath)}: Required value: must provide \`dnsConfig\` when \`dnsPolicy\` is None` },
        });
        return;
      }
      if (nameservers.length === 0) {
        report({
          path: dnsConfig.nameservers === undefined ? configPath : nameserversPath,
          target: 'key',
          messageId: 'noNameservers',
          data: { rejection: rejection(pod), error: `${kubernetesPath(pod, nameserversPath)}: Required value: must provide at least one DNS nameserver when \`dnsPolicy\` is None` },
        });
        return;
      }
    }
    if (nameservers.length > MAX_NAMESERVERS) {
      // The value as the API server prints a list (JSON, per apimachinery's field errors).
      report({
        path: [...nameserversPath, MAX_NAMESERVERS],
        messageId: 'tooManyNameservers',
        data: {
          count: nameservers.length,
          rejection: rejection(pod),
          error: `${kubernetesPath(pod, nameserversPath)}: Invalid value: ${JSON.stringify(nameservers)}: must not have more than ${MAX_NAMESERVERS} nameservers`,
        },
      });
    }
  },
});
