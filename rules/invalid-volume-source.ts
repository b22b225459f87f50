import { defineRule } from '../src/engine/define-rule.js';
import { asArray, asObject, asString } from '../src/json.js';
import { kubernetesPath, rejection } from '../src/k8s/kubernetes-errors.js';
import type { Path } from '../src/path.js';

/**
 * The volume sources in the order the API server counts them (validateVolumeSource), with the
 * field name its errors print: two of them are misspelled there (`cephFS`, `downwarAPI`), and the
 * quoted error keeps Kubernetes' spelling.
 */
const VOLUME_SOURCES: readonly (readonly [field: string, printed: string])[] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

export default defineRule({
  id: 'invalid-volume-source',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require every volume of a pod spec to have exactly one source (emptyDir, configMap, secret, persistentVolumeClaim, projected, ...); a source written with no value (`emptyDir:`) is none.',
      remediation:
        'Give the volume one source; for an empty directory write `emptyDir: {}`, not `emptyDir:`; split a volume with two sources into two volumes.',
      rationale:
        'The API server counts the sources in a fixed order and rejects the second and every later one, or the volume when it has none. YAML reads `emptyDir:` with nothing after it as null, and Kubernetes drops a null field, so such a volume has no source at all, a frequent mistake. The quoted errors keep the field names Kubernetes prints, `cephFS` and `downwarAPI` included.',
    },
    messages: {
      noSource:
        'Volume "{{volume}}" has no source (emptyDir, configMap, secret, persistentVolumeClaim...), so Kubernetes cannot tell what to mount. {{rejection}}: {{error}}.',
      nullSource:
        'Volume "{{volume}}" has {{source}} with no value, which YAML reads as null and Kubernetes as no source at all; write `{{source}}: {}` for the defaults. {{rejection}}: {{error}}.',
      secondSource: 'Volume "{{volume}}" has {{source}} besides {{first}}; a volume has exactly one source. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report }) {
    asArray(pod.spec.volumes).forEach((item, index) => {
      const volume = asObject(item);
      if (!volume) return;
      const path: Path = [...pod.specPath, 'volumes', index];
      const data = { volume: asString(volume.name) ?? `#${index}`, rejection: rejection(pod) };
      const sources = VOLUME_SOURCES.filter(([field]) => volume[field] !== undefined && volume[field] !== null);
      const [first, ...others] = sources;
      if (!first) {
        const written = VOLUME_SOURCES.find(([field]) => field in volume);
        const error = `${kubernetesPath(pod, path)}: Required value: must specify a volume type`;
        if (written) report({ path: [...path, written[0]], target: 'key', messageId: 'nullSource', data: { ...data, source: written[0], error } });
        // On the volume's name when it has one: the line that says which volume it is.
        else report({ path: typeof volume.name === 'string' ? [...path, 'name'] : path, messageId: 'noSource', data: { ...data, error } });
        return;
      }
      for (const [field, printed] of others) {
        report({
          path: [...path, field],
          target: 'key',
          messageId: 'secondSource',
          data: { ...data, source: field, first: first[0], error: `${kubernetesPath(pod, [...path, printed])}: Forbidden: may not specify more than 1 volume type` },
        });
      }
    });
  },
});
