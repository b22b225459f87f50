import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientCapabilities, Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../helpers/cli.js';
import { PULL_CLIENT, PUSH_CLIENT, spawnServer, type LspClient, type SpawnedServer } from '../helpers/lsp-client.js';
import { repoWorkspace } from '../helpers/workspace.js';

// The language server with the workspace's configuration: the same files, found the same way, as
// the CLI uses, read again when they change. Every test runs the built server over stdio, in a
// temporary repository (its .git stops the configuration search there).

// A Pod hardened against the default rules but for: an untagged image (latest-image-tag, warning),
// a privileged container (privileged-container, error) and a container restartPolicy, which
// Kubernetes 1.34 rejects and 1.35 and later accept (init-container-restart-policy).
const POD = `apiVersion: v1
kind: Pod
metadata: { name: job }
spec:
  containers:
    - name: shell
      image: busybox
      restartPolicy: Never
      securityContext: { privileged: true, readOnlyRootFilesystem: true }
      resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 64Mi } }
  securityContext: { runAsNonRoot: true }
  restartPolicy: Never
`;

// A custom kind with a CRD in test/fixtures/schema-dirs: three schema errors, and a pod template.
const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata: { name: w }
spec:
  size: "2"
  port: http
  mode: slow
  colour: red
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext: { privileged: true }
`;

const TESTED_RULES = new Set(['latest-image-tag', 'privileged-container', 'init-container-restart-policy', 'acme/no-shell']);

/** The diagnostics under test, as a reader checks them: rule, 1-based line, severity (1 error, 2 warning). */
function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.filter((diagnostic) => TESTED_RULES.has(String(diagnostic.code))).map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.range.start.line + 1} s${diagnostic.severity}`);
}

/** A diagnostic on a configuration file: 1-based line and column, and the message. */
function located(diagnostic: Diagnostic): string {
  return `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.message}`;
}

function fullItems(report: DocumentDiagnosticReport): Diagnostic[] {
  if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
  return report.items;
}

let server: SpawnedServer | undefined;
afterEach(() => {
  if (server && server.child.exitCode === null) server.child.kill();
  server = undefined;
});

async function start(capabilities: ClientCapabilities, root: string, initializationOptions: object = { debounceMs: 0 }): Promise<LspClient> {
  server = spawnServer();
  await server.client.initialize(capabilities, initializationOptions, root);
  await server.client.connection.sendNotification('initialized', {});
  return server.client;
}

function open(client: LspClient, uri: string, text: string, version = 1): Promise<void> {
  return client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
}

function replace(client: LspClient, uri: string, text: string, version: number): Promise<void> {
  return client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

function changed(client: LspClient, ...files: string[]): Promise<void> {
  return client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((file) => ({ uri: pathToFileURL(file).href, type: 2 })) });
}

/** Resolves after the server handled everything sent before (requests are answered in order of arrival). */
async function settled(client: LspClient, uri: string): Promise<void> {
  await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [] },
  });
}

async function shutDown(): Promise<void> {
  await server!.client.connection.sendRequest('shutdown');
  await server!.client.connection.sendNotification('exit');
  expect(await server!.exit).toBe(0);
  expect(server!.stderr()).toBe('');
}

describe('the language server and the workspace configuration', () => {
  it('applies .podlint.yaml (a rule off, a severity, kubernetesVersion) and publishes again when it changes', async () => {
    const root = repoWorkspace({
      '.podlint.yaml': 'kubernetesVersion: "1.34"\nrules:\n  latest-image-tag: off\n  privileged-container: warning\n',
    });
    const uri = pathToFileURL(path.join(root, 'k8s', 'pod.yaml')).href;
    const client = await start(PUSH_CLIENT, root);

    const opened = client.nextPublished(uri);
    await open(client, uri, POD);
    const first = await opened;
    expect(brief(first.diagnostics)).toEqual(['init-container-restart-policy 8 s1', 'privileged-container 9 s2']);
    expect(first.diagnostics.find((diagnostic) => diagnostic.code === 'init-container-restart-policy')?.message).toMatch(/^Container "shell" sets restartPolicy, which Kubernetes 1\.34 allows/);

    // The configuration is edited on disk: the client's watcher tells the server, which publishes again.
    writeFileSync(path.join(root, '.podlint.yaml'), 'rules:\n  privileged-container: off\n');
    const republished = client.nextPublished(uri);
    await changed(client, path.join(root, '.podlint.yaml'));
    const second = await republished;
    expect(second.version).toBe(1);
    expect(brief(second.diagnostics)).toEqual(['latest-image-tag 7 s2']);

    // Suppression directives in the document work with the configuration's settings.
    const suppressed = client.nextPublished(uri);
    await replace(client, uri, POD.replace('      image: busybox\n', '      # podlint-disable-next-line latest-image-tag -- pinned by the registry\n      image: busybox\n'), 2);
    const third = await suppressed;
    expect(third.version).toBe(2);
    expect(brief(third.diagnostics)).toEqual([]);
    expect(client.messages).toEqual([]);
    await shutDown();
  });

  it('says once that a configuration is broken, lints with the defaults meanwhile, and applies it once fixed', async () => {
    const root = repoWorkspace({ '.podlint.yaml': 'rules:\n  latest-image-tagg: off\n' });
    const configFile = path.join(root, '.podlint.yaml');
    const uri = pathToFileURL(path.join(root, 'pod.yaml')).href;
    const client = await start(PUSH_CLIENT, root);

    const opened = client.nextPublished(uri);
    await open(client, uri, POD);
    expect(brief((await opened).diagnostics)).toEqual(['latest-image-tag 7 s2', 'privileged-container 9 s1']);
    await client.waitFor(() => client.messages.length > 0, 'a message about the configuration');
    const message = {
      type: 1,
      message: 'podlint: the configuration cannot be used: .podlint.yaml:2:3: Unknown rule "latest-image-tagg"; did you mean "latest-image-tag"? Using the built-in defaults until it is fixed.',
    };
    expect(client.messages).toEqual([message]);

    // Typing, and the same broken file saved again: still one message.
    const typed = client.nextPublished(uri);
    await replace(client, uri, `${POD}\n`, 2);
    expect(brief((await typed).diagnostics)).toEqual(['latest-image-tag 7 s2', 'privileged-container 9 s1']);
    const resaved = client.nextPublished(uri);
    await changed(client, configFile);
    await resaved;
    await settled(client, uri);
    expect(client.messages).toEqual([message]);

    // Another mistake is another message; the server is still serving.
    writeFileSync(configFile, 'kubernetesVersion: 1.35\n');
    const again = client.nextPublished(uri);
    await changed(client, configFile);
    await again;
    await client.waitFor(() => client.messages.length > 1, 'a second message');
    expect(client.messages[1]).toEqual({
      type: 1,
      message: 'podlint: the configuration cannot be used: .podlint.yaml:1:20: kubernetesVersion must be a string (quote it: "1.35"). Using the built-in defaults until it is fixed.',
    });

    // Fixed: applied, and no more messages.
    writeFileSync(configFile, 'rules:\n  latest-image-tag: off\n');
    const fixed = client.nextPublished(uri);
    await changed(client, configFile);
    expect(brief((await fixed).diagnostics)).toEqual(['privileged-container 9 s1']);
    await settled(client, uri);
    expect(client.messages).toHaveLength(2);
    await shutDown();
  });

  it('shows an open configuration file its problems where they are, as typed; saving it asks pull clients to pull again', async () => {
    // Overrides and ignorePatterns are relative to the file that holds them.
    const BROKEN = 'extends: ./base/team.yaml\nrules:\n  privileged-container: warnin\nignorePatterns: ["vendor/**"]\noverrides:\n  - files: "prod/**"\n    rules: { latest-image-tag: error }\n';
    const root = repoWorkspace({
      '.podlint.yaml': BROKEN,
      'base/team.yaml': 'rules:\n  latest-image-tag: off\n',
    });
    const configFile = path.join(root, '.podlint.yaml');
    const configUri = pathToFileURL(configFile).href;
    const podUri = pathToFileURL(path.join(root, 'pod.yaml')).href;
    const prodUri = pathToFileURL(path.join(root, 'prod', 'pod.yaml')).href;
    const vendorUri = pathToFileURL(path.join(root, 'vendor', 'pod.yaml')).href;
    const untitledUri = 'untitled:Untitled-1';
    const client = await start(PULL_CLIENT, root);
    const pull = async (uri: string) => fullItems((await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport);

    await open(client, configUri, BROKEN);
    await open(client, podUri, POD);
    expect((await pull(configUri)).map(located)).toEqual([
      '3:25 rules.privileged-container must be one of "off", "info", "warning", "error" (got "warnin").',
    ]);
    expect((await pull(configUri))[0]).toMatchObject({ severity: 1, source: 'podlint' });
    // The broken configuration is not used; the open file says why, so no message besides.
    expect(brief(await pull(podUri))).toEqual(['latest-image-tag 7 s2', 'privileged-container 9 s1']);

    // Fixed in the editor, not yet saved: the file is fine, the documents keep the saved settings.
    const fixedText = BROKEN.replace('warnin\n', 'warning\n');
    await replace(client, configUri, fixedText, 2);
    expect(await pull(configUri)).toEqual([]);
    expect(brief(await pull(podUri))).toEqual(['latest-image-tag 7 s2', 'privileged-container 9 s1']);

    // Saved: the client is asked to pull again, and every document gets the settings that apply to it.
    writeFileSync(configFile, fixedText);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri: configUri } });
    await client.waitFor(() => client.refreshRequests === 1, 'a diagnostic refresh request');
    expect(brief(await pull(podUri))).toEqual(['privileged-container 9 s2']);
    await open(client, prodUri, POD);
    expect(brief(await pull(prodUri))).toEqual(['latest-image-tag 7 s1', 'privileged-container 9 s2']);
    await open(client, vendorUri, POD);
    expect(await pull(vendorUri)).toEqual([]);
    // A buffer that is no file yet gets the workspace root's configuration.
    await open(client, untitledUri, POD);
    expect(brief(await pull(untitledUri))).toEqual(['privileged-container 9 s2']);
    expect(client.messages).toEqual([]);

    // The extended file lies outside the configuration glob: the server watches it too.
    await client.waitFor(() => client.registrations.length >= 2, 'a watcher for the extended file');
    expect(client.registrations[1]).toMatchObject({
      method: 'workspace/didChangeWatchedFiles',
      registerOptions: { watchers: [{ globPattern: `${path.join(root, 'base', 'team.yaml').split(path.sep).join('/')}` }] },
    });
    writeFileSync(path.join(root, 'base', 'team.yaml'), 'rules: {}\n');
    await changed(client, path.join(root, 'base', 'team.yaml'));
    await client.waitFor(() => client.refreshRequests === 2, 'a refresh after the extended file changed');
    expect(brief(await pull(podUri))).toEqual(['latest-image-tag 7 s2', 'privileged-container 9 s2']);

    // A mistake in the extended file: the open configuration names it at its top, the documents get the defaults.
    writeFileSync(path.join(root, 'base', 'team.yaml'), 'rules:\n  no-such-rule: off\n');
    await changed(client, path.join(root, 'base', 'team.yaml'));
    await client.waitFor(() => client.refreshRequests === 3, 'a refresh after the extended file broke');
    expect((await pull(configUri)).map(located)).toEqual(['1:1 base/team.yaml:2:3: Unknown rule "no-such-rule".']);
    expect(brief(await pull(podUri))).toEqual(['latest-image-tag 7 s2', 'privileged-container 9 s1']);
    expect(client.messages).toEqual([]);
    await shutDown();
  });

  it('takes a configuration file, schema directories and pod template paths as initialization options, as the CLI takes them as flags', async () => {
    const root = repoWorkspace({
      'crds/widgets.yaml': readFileSync(path.join(REPO_ROOT, 'test/fixtures/schema-dirs/crds/widgets.yaml')),
      'team/podlint.yaml': 'podTemplatePaths:\n  example.com/v1/Widget: spec.template\n',
      // Not used: the configFile option names the file for every document.
      '.podlint.yaml': 'rules:\n  privileged-container: off\n',
    });
    const uri = pathToFileURL(path.join(root, 'widget.yaml')).href;
    const client = await start(PUSH_CLIENT, root, {
      debounceMs: 0,
      configFile: 'team/podlint.yaml',
      schemaDirs: ['crds'],
      podTemplatePaths: 'example.com/v1/Widget=spec.template',
    });
    const published = client.nextPublished(uri);
    await open(client, uri, WIDGET);
    const codes = (await published).diagnostics.map((diagnostic) => `${String(diagnostic.code)} ${diagnostic.range.start.line + 1}`);
    expect(codes.filter((code) => /^(schema-validation|privileged-container|unknown-kind) /.test(code))).toEqual([
      'schema-validation 5',
      'schema-validation 7',
      'schema-validation 8',
      'privileged-container 14',
    ]);
    // A bad option is said, and the server starts without it.
    expect(client.messages).toEqual([{ type: 2, message: 'podlint: initializationOptions.podTemplatePaths must be a list of strings (got "example.com/v1/Widget=spec.template").' }]);
    await shutDown();
  });

  it('loads custom rule modules, and loads them again when they change', async () => {
    const rule = (message: string) => `export default {
  id: 'acme/no-shell',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    docs: { description: 'No container named shell.', remediation: 'Rename it.' },
    messages: { shell: ${JSON.stringify(message)} },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) if (container.name === 'shell') report({ path: [...container.path, 'name'], messageId: 'shell' });
  },
};
`;
    const root = repoWorkspace({
      '.podlint.yaml': 'customRules: ["./policies/*.mjs"]\nrules:\n  latest-image-tag: off\n',
      'policies/no-shell.mjs': rule('A container named shell.'),
    });
    const uri = pathToFileURL(path.join(root, 'pod.yaml')).href;
    const client = await start({ ...PUSH_CLIENT, workspace: { ...PUSH_CLIENT.workspace, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } }, root);

    const opened = client.nextPublished(uri);
    await open(client, uri, POD);
    const first = (await opened).diagnostics.find((diagnostic) => diagnostic.code === 'acme/no-shell');
    expect(first).toMatchObject({ message: 'A container named shell.', severity: 2, range: { start: { line: 5, character: 12 } } });
    // Custom rules have no published page to link to.
    expect(first?.codeDescription).toBeUndefined();

    // The rule directory is watched with a pattern relative to it.
    await client.waitFor(() => client.registrations.length >= 2, 'a watcher for the rule modules');
    expect(client.registrations[1]).toMatchObject({
      registerOptions: { watchers: [{ globPattern: { baseUri: pathToFileURL(path.join(root, 'policies')).href, pattern: '**/*.{js,mjs,cjs,ts,mts,cts}' } }] },
    });

    writeFileSync(path.join(root, 'policies', 'no-shell.mjs'), rule('Still a container named shell.'));
    const republished = client.nextPublished(uri);
    await changed(client, path.join(root, 'policies', 'no-shell.mjs'));
    expect((await republished).diagnostics.find((diagnostic) => diagnostic.code === 'acme/no-shell')?.message).toBe('Still a container named shell.');
    await shutDown();
  });

  it('never publishes a result overtaken by an edit or a configuration change while the settings load', async () => {
    // A rule module that takes a while to import, as one with heavy dependencies does.
    const slowRule = `await new Promise((resolve) => setTimeout(resolve, 400));
export default {
  id: 'acme/no-shell',
  meta: {
    type: 'problem', defaultSeverity: 'warning', defaultOptions: {},
    docs: { description: 'No container named shell.', remediation: 'Rename it.' },
    messages: { shell: 'A container named shell.' },
  },
  check({ pod, report }) {
    for (const container of pod.containers) if (container.name === 'shell') report({ path: [...container.path, 'name'], messageId: 'shell' });
  },
};
`;
    const root = repoWorkspace({ '.podlint.yaml': 'customRules: ["./policies/*.mjs"]\n', 'policies/slow.mjs': slowRule });
    const configFile = path.join(root, '.podlint.yaml');
    const uri = pathToFileURL(path.join(root, 'pod.yaml')).href;
    const client = await start(PUSH_CLIENT, root);

    // Opened, and edited before the settings are ready: only the edit's result is published.
    const published = client.nextPublished(uri);
    await open(client, uri, POD);
    await replace(client, uri, POD.replace('image: busybox', 'image: busybox:1.37'), 2);
    const first = await published;
    expect(first.version).toBe(2);
    expect(brief(first.diagnostics)).toEqual(['acme/no-shell 6 s2', 'privileged-container 9 s1']);
    await settled(client, uri);
    expect(client.publishedFor(uri).map((params) => params.version)).toEqual([2]);

    // The module changes (it is imported again, as slowly), and before that is done the
    // configuration changes too: the run for the first change is dropped, the second published.
    writeFileSync(path.join(root, 'policies', 'slow.mjs'), slowRule.replace("'A container named shell.'", "'Renamed: a container named shell.'"));
    const next = client.nextPublished(uri, 1);
    await changed(client, path.join(root, 'policies', 'slow.mjs'));
    writeFileSync(configFile, 'customRules: ["./policies/*.mjs"]\nrules:\n  privileged-container: off\n');
    await changed(client, configFile);
    const reconfigured = await next;
    expect(brief(reconfigured.diagnostics)).toEqual(['acme/no-shell 6 s2']);
    expect(reconfigured.diagnostics[0]?.message).toBe('Renamed: a container named shell.');
    await settled(client, uri);
    expect(client.publishedFor(uri)).toHaveLength(2);
    await shutDown();
  });
});
