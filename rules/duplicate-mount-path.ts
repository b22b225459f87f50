import path from 'node:path';
import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { goQuote, kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import { CONTAINER_ROLE_LABELS } from '../src/k8s/pod-view.js';
import type { Path } from '../src/path.js';

export default defineRule({
  id: 'duplicate-mount-path',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Forbid two volume mounts of one container at the same path, or at the path of one of its volume devices (errors); warn about two spellings of one directory (`/data`, `/data/`).',
      remediation:
        'Mount each volume at its own path. To put several files in one directory, use a projected volume, or mount single files with subPath.',
    },
    messages: {
      duplicate:
        'Mount path "{{mountPath}}" of {{role}} "{{container}}" is already used by the mount at line {{line}}. {{rejection}}: {{error}}.',
      device:
        'Mount path "{{mountPath}}" of {{role}} "{{container}}" is the path of the volume device at line {{line}}. {{rejection}}: {{error}}.',
      sameDirectory:
        'Mount path "{{mountPath}}" of {{role}} "{{container}}" names the same directory as "{{other}}" at line {{line}}. Kubernetes compares the paths as written and accepts both, but only one volume can be mounted there; the other is hidden.',
    },
    defaultOptions: {},
  },
  check({ pod, report, lineOf }) {
    for (const container of pod.containers) {
      const data = { role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(), container: container.name, rejection: rejection(pod) };
      const devices = new Map<string, Path>();
      asArray(container.spec.volumeDevices).forEach((item, index) => {
        const devicePath = asString(asObject(item)?.devicePath);
        if (devicePath && !devices.has(devicePath)) devices.set(devicePath, [...container.path, 'volumeDevices', index, 'devicePath']);
      });
      const exact = new Map<string, Path>();
      const normalized = new Map<string, { path: Path; mountPath: string }>();
      asArray(container.spec.volumeMounts).forEach((item, index) => {
        const mountPath = asString(asObject(item)?.mountPath);
        if (!mountPath) return; // a missing mountPath is a schema finding
        const at = [...container.path, 'volumeMounts', index, 'mountPath'];
        const error = (detail: string) => `${kubernetesPath(pod, at)}: Invalid value: ${goQuote(mountPath)}: ${detail}`;
        const earlier = exact.get(mountPath);
        const device = devices.get(mountPath);
        const directory = normalized.get(directoryOf(mountPath));
        if (earlier) {
          report({ path: at, messageId: 'duplicate', data: { ...data, mountPath, line: lineOf(earlier), error: error('must be unique') } });
        } else if (directory) {
          report({
            path: at,
            messageId: 'sameDirectory',
            severity: 'warning',
            data: { ...data, mountPath, other: directory.mountPath, line: lineOf(directory.path) },
          });
        }
        if (device) {
          report({
            path: at,
            messageId: 'device',
            data: { ...data, mountPath, line: lineOf(device), error: error('must not already exist as a path in volumeDevices') },
          });
        }
        if (!earlier) exact.set(mountPath, at);
        if (!directory) normalized.set(directoryOf(mountPath), { path: at, mountPath });
      });
    }
  },
});

/** `/data/`, `/data//` and `/./data` are the directory `/data`. */
function directoryOf(mountPath: string): string {
  const normal = path.posix.normalize(mountPath);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}
