import { describe, expect, it } from 'vitest';
import { runMain } from '../helpers/main-run.js';
import { repoWorkspace } from '../helpers/workspace.js';

const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata: { name: w }\nspec: { size: 3 }\n';

// Errors raised below the CLI (plain error classes of k8s/, validate/) reach the user as usage
// errors: exit 2, one line.
describe('usage errors from the stages', () => {
  const dir = repoWorkspace({
    'widget.yaml': WIDGET,
    'schemas/widget-example.com-v1.json': JSON.stringify({ type: 'object', properties: { spec: { type: 'no-such-type' } } }),
  });

  it.each([
    [['--kubernetes-version', '1.20', 'widget.yaml'], 'podlint: Unsupported Kubernetes version "1.20"; use one of: 1.34, 1.35, 1.36.\n'],
    [['--schema-dir', 'none', 'widget.yaml'], 'podlint: --schema-dir none: no such file or directory.\n'],
    [['--pod-template-path', 'Widget', 'widget.yaml'], 'podlint: --pod-template-path needs <apiVersion>/<kind>=<path>, for example example.com/v1/MyKind=spec.template (got "Widget").\n'],
  ])('%j', async (args, stderr) => {
    expect(await runMain(args, { cwd: dir })).toMatchObject({ status: 2, stdout: '', stderr });
  });

  it('includes a --schema-dir schema that fails to compile on first use, mid-run', async () => {
    const run = await runMain(['--schema-dir', 'schemas', 'widget.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^podlint: schemas\/widget-example\.com-v1\.json: not a usable JSON Schema: .+\n$/);
  });
});
