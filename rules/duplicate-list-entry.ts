import { defineRule } from '../src/engine/define-rule.js';
import { formatPath } from '../src/path.js';
import { duplicateEntries } from '../src/validate/duplicate-entries.js';
import { validateObject } from '../src/validate/validate-object.js';

export default defineRule({
  id: 'duplicate-list-entry',
  meta: {
    type: 'problem',
    scope: 'object',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid two entries with the same keys in a list that Kubernetes merges by key (x-kubernetes-list-map-keys), such as two volumes with one name: an error where the API server rejects it, a warning where it accepts it.',
      remediation: 'Remove or rename one of the two entries; Kubernetes keeps one entry per key.',
    },
    messages: {
      rejected: '{{path}}: Duplicate value: {{value}} (first on line {{line}}).',
      warned: '{{path}}: duplicate {{value}} (first on line {{line}}); the API server accepts it with a warning.',
      merged: '{{path}}: duplicate {{value}} (first on line {{line}}); entries are merged by key, and server-side apply rejects the list.',
    },
    defaultOptions: {},
  },
  check({ object, kubernetesVersion, customSchemas, report, lineOf }) {
    const validation = validateObject(object, { kubernetesVersion, customSchemas });
    for (const duplicate of duplicateEntries(validation)) {
      const single = duplicate.keys.length === 1;
      // One key: point at it (`spec.volumes[1].name`), as Kubernetes does; several: at the entry.
      const path = single ? [...duplicate.path, duplicate.keys[0]!] : duplicate.path;
      const value = single
        ? JSON.stringify(duplicate.values[0])
        : `{${duplicate.keys.map((key, index) => `${key}: ${JSON.stringify(duplicate.values[index])}`).join(', ')}}`;
      report({
        path,
        messageId: duplicate.handling === 'rejected' ? 'rejected' : duplicate.handling === 'warned' ? 'warned' : 'merged',
        // Only a rejected list is an error; the others are accepted upstream.
        ...(duplicate.handling === 'rejected' ? {} : { severity: 'warning' as const }),
        data: { path: formatPath(path), value, line: lineOf(duplicate.firstPath) },
      });
    }
  },
});
