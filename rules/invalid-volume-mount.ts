import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { errorList, invalidValue, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import { localDescendingPathErrors } from '../src/k8s/value-formats.js';

export default defineRule({
  id: 'invalid-volume-mount',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require volume mounts the API server accepts, in containers of every role: a volume name and a mountPath, and a subPath or subPathExpr (not both) that is relative and does not climb out of the volume with `..`.',
      remediation:
        'Name the volume and the path to mount it at; write subPath relative to the volume\'s root (`config/app.yaml`, not `/config/app.yaml`), without `..`, and use subPathExpr only instead of subPath.',
      rationale:
        'These are the API server\'s checks, quoted in the finding. Its subPath and subPathExpr errors name the field without the mount\'s index (`volumeMounts.subPath`), as Kubernetes prints them. A mount naming a volume the Pod does not have is undeclared-volume-mount\'s finding, and two mounts at one path duplicate-mount-path\'s. Since Kubernetes 1.33 image volumes accept subPath, so that is not reported.',
    },
    messages: {
      required: 'A volume mount of {{role}} "{{container}}" has an empty {{field}}. {{rejection}}: {{error}}.',
      subPath: 'The {{field}} "{{value}}" of {{role}} "{{container}}" {{why}}. {{rejection}}: {{error}}.',
      bothSubPaths:
        'A volume mount of {{role}} "{{container}}" has both subPath and subPathExpr; use one of them. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      const data = { role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(), container: container.name, rejection: rejection(pod) };
      const listPath = [...container.path, 'volumeMounts'];
      asArray(container.spec.volumeMounts).forEach((item, index) => {
        const mount = asObject(item);
        if (!mount) return;
        const path = [...listPath, index];
        for (const field of ['name', 'mountPath'] as const) {
          // A missing field is a schema finding; an empty one is Kubernetes' "Required value".
          if (asString(mount[field]) !== '') continue;
          report({ path: [...path, field], messageId: 'required', data: { ...data, field, error: `${kubernetesPath(pod, [...path, field])}: Required value` } });
        }
        const subPath = asString(mount.subPath) ?? '';
        const subPathExpr = asString(mount.subPathExpr) ?? '';
        for (const [field, value] of [['subPath', subPath], ['subPathExpr', subPathExpr]] as const) {
          if (value === '') continue;
          const errors = localDescendingPathErrors(value);
          if (errors.length === 0) continue;
          report({
            path: [...path, field],
            messageId: 'subPath',
            data: {
              ...data,
              field,
              value,
              why: value.startsWith('/') ? 'is absolute; it must be relative to the root of the volume' : 'climbs out of the volume with ".."',
              error: errorList(errors.map((detail) => `${kubernetesPath(pod, [...listPath, field])}: ${invalidValue(value, detail)}`)),
            },
          });
        }
        if (subPath !== '' && subPathExpr !== '') {
          const exprPath = [...path, 'subPathExpr'];
          report({
            path: exprPath,
            target: 'key',
            messageId: 'bothSubPaths',
            data: { ...data, error: `${kubernetesPath(pod, exprPath)}: ${invalidValue(subPathExpr, 'subPathExpr and subPath are mutually exclusive')}` },
          });
        }
      });
    }
  },
});
