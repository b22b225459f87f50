import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A temporary directory with the given files; `.git` makes it a repository root. */
export function workspace(files: Record<string, string | Buffer>, prefix = 'podlint-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

// Manifests shared by the CLI and report tests. Each is hardened against every default rule but the
// one it is about, so a test sees only the findings it names; a new default rule that fires on
// them is caught here, in one place. They are one-off Pods (restartPolicy Never), which the probe
// rules leave alone.

/** A privileged container: privileged-container (error) and the privilege-escalation it implies. */
export const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata: { name: debug, namespace: ops }
spec:
  containers:
    - name: shell
      image: busybox:1.37
      securityContext: { privileged: true, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
  securityContext: { runAsNonRoot: true }
  restartPolicy: Never
`;

/** An image without a tag: latest-image-tag (warning) only. */
export const UNTAGGED_POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: web
      image: nginx
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
  securityContext: { runAsNonRoot: true }
  restartPolicy: Never
`;

/** No finding at all. */
export const CLEAN_POD = `apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers:
    - name: web
      image: nginx:1.27
      securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
  securityContext: { runAsNonRoot: true }
  restartPolicy: Never
`;

/**
 * A temporary directory outside the project with the given files. It holds `.git` unless told
 * not to, so the configuration search stops there and never finds a file of the machine's.
 */
export function repoWorkspace(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'podlint-ws-'));
  if (options.git ?? true) mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}
