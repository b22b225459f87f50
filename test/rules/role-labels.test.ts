import { describe, expect, it } from 'vitest';
import { runRules } from '../helpers/rule-run.js';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  initContainers:
    - name: setup
      image: busybox
    - name: proxy
      image: envoy:latest
      restartPolicy: Always
  containers:
    - name: app
      image: nginx:latest
  ephemeralContainers:
    - name: debug
      image: busybox:latest
`;

describe('messages name the container role', () => {
  it('latest-image-tag', () => {
    expect(runRules(POD, ['latest-image-tag']).map((seen) => seen.message)).toEqual([
      'Init container "setup" has no tag on "busybox", which means latest.',
      'Sidecar container "proxy" uses the mutable tag latest of "envoy:latest".',
      'Container "app" uses the mutable tag latest of "nginx:latest".',
      'Ephemeral container "debug" uses the mutable tag latest of "busybox:latest".',
    ]);
  });

  it('missing-startup-probe', () => {
    expect(runRules(POD, ['missing-startup-probe']).map((seen) => seen.message)).toEqual([
      'Sidecar container "proxy" has no startupProbe: the containers after it start as soon as it runs, not when it is ready to serve them.',
      'Container "app" has no startupProbe: its liveness probe starts counting while it is still starting up.',
    ]);
  });
});
