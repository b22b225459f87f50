import { defineRule } from '../src/engine/define-rule.js';
import { asString } from '../src/json.js';

// Kubernetes reads spec.serviceAccount only when serviceAccountName is empty (Convert_v1_PodSpec_To_core_PodSpec).

export default defineRule({
  id: 'deprecated-service-account',
  meta: {
    type: 'suggestion',
    defaultSeverity: 'warning',
    docs: {
      description: 'Report the deprecated spec.serviceAccount field, an alias of serviceAccountName that Kubernetes ignores when both are set.',
      remediation:
        'Rename `serviceAccount` to `serviceAccountName` (the quick fix does it when only the old field is set), or delete it when `serviceAccountName` is already there.',
      rationale:
        '`spec.serviceAccount` is the deprecated alias of `serviceAccountName`: Kubernetes copies it over only when `serviceAccountName` is empty, and ignores it otherwise, which makes a manifest that sets both to different names misleading. The finding is marked deprecated (editors strike it through). Its quick fix renames the key when only the old field is set; when both are, the old one must simply go.',
    },
    messages: {
      deprecated: 'serviceAccount is deprecated: use serviceAccountName.',
      redundant: 'serviceAccount is deprecated and adds nothing to serviceAccountName: remove it.',
      ignored: 'serviceAccount is deprecated and ignored: Kubernetes uses serviceAccountName "{{name}}", not "{{deprecated}}".',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    if (!Object.hasOwn(pod.spec, 'serviceAccount')) return;
    const path = [...pod.specPath, 'serviceAccount'];
    const deprecated = asString(pod.spec.serviceAccount) ?? '';
    const current = asString(pod.spec.serviceAccountName) ?? '';
    if (!Object.hasOwn(pod.spec, 'serviceAccountName')) {
      // Renaming the key keeps the value and the layout (the engine keeps a JSON key quoted).
      const fix = { title: 'Rename serviceAccount to serviceAccountName', path, target: 'key' as const, text: 'serviceAccountName' };
      report({ path, messageId: 'deprecated', deprecated: true, fix });
    } else if (current === '') {
      report({ path, messageId: 'deprecated', deprecated: true });
    } else if (deprecated === '' || deprecated === current) {
      report({ path, messageId: 'redundant', deprecated: true });
    } else {
      report({ path, messageId: 'ignored', data: { name: current, deprecated }, deprecated: true });
    }
  },
});
