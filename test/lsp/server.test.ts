import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runCli } from '../helpers/cli.js';
import { PULL_CLIENT, PUSH_CLIENT, spawnServer, type SpawnedServer } from '../helpers/lsp-client.js';
import { repoWorkspace } from '../helpers/workspace.js';

// Flip to true once suppression directives (issue 7) are in the engine: the diagnostic a
// "Disable ... for this line" action targets must then disappear after the edit.
const SUPPRESSION_DIRECTIVES_LANDED = true;

const DOCS = 'https://github.com/podlint/podlint/blob/main/docs/rules';

// Three findings in two documents; the emoji (two UTF-16 code units) shifts the second one's column.
const MANIFEST = `# Two workloads in one file.
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: app
          image: nginx:latest
        - { name: "🚀proxy", image: envoyproxy/envoy }
---
apiVersion: v1
kind: Pod
metadata: { name: debug }
spec:
  containers:
    - name: shell
      image: busybox:1.37
      securityContext:
        privileged: true
`;

// A repository of its own: the configuration search stops at its .git, never finding the machine's.
const dir = repoWorkspace({});
const uri = pathToFileURL(path.join(dir, 'workloads.yaml')).href;

/** A diagnostic as a reader checks it: rule, 0-based start and end, severity. */
function brief(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${String(diagnostic.code)} ${start.line}:${start.character}-${end.line}:${end.character} s${diagnostic.severity}`;
}

function fullItems(report: DocumentDiagnosticReport): Diagnostic[] {
  if (report.kind !== 'full') throw new Error(`expected a full report, got ${report.kind}`);
  return report.items;
}

// The server's mechanics are under test, not the rule set: keep to the findings of these rules,
// so rules added to the defaults (run-as-root on every container...) do not move the goalposts.
const TESTED_RULES = new Set(['yaml-syntax', 'latest-image-tag', 'privileged-container']);
function tested(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => TESTED_RULES.has(String(diagnostic.code)));
}

let server: SpawnedServer | undefined;
afterEach(() => {
  if (server && server.child.exitCode === null) server.child.kill();
  server = undefined;
});

describe('podlint lsp --stdio, driven by a real LSP client', () => {
  it('pulls diagnostics, updates them on edits, offers and applies a disable action, and shuts down cleanly', async () => {
    server = spawnServer();
    const { client } = server;
    const connection = client.connection;

    const init = await client.initialize(PULL_CLIENT, undefined, dir);
    expect(init.capabilities.diagnosticProvider).toEqual({ identifier: 'podlint', interFileDependencies: false, workspaceDiagnostics: false });
    expect(init.capabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix'] });
    expect(init.serverInfo?.name).toBe('podlint');
    await connection.sendNotification('initialized', {});
    await client.waitFor(() => client.registrations.length > 0, 'the configuration watcher');
    expect(client.registrations).toEqual([
      expect.objectContaining({ method: 'workspace/didChangeWatchedFiles', registerOptions: { watchers: [{ globPattern: '**/.podlint.{yaml,yml,json}' }] } }),
    ]);

    let document = TextDocument.create(uri, 'yaml', 1, MANIFEST);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: MANIFEST } });
    const pull = (previousResultId?: string) =>
      connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) }) as Promise<DocumentDiagnosticReport>;

    const first = await pull();
    const items = tested(fullItems(first));
    expect(items.map(brief)).toEqual([
      'latest-image-tag 11:17-11:29 s2',
      'latest-image-tag 12:36-12:52 s2',
      'privileged-container 22:20-22:24 s1',
    ]);
    expect(items[1]).toEqual({
      range: { start: { line: 12, character: 36 }, end: { line: 12, character: 52 } },
      severity: 2,
      code: 'latest-image-tag',
      codeDescription: { href: `${DOCS}/latest-image-tag.md` },
      source: 'podlint',
      message: 'Container "🚀proxy" has no tag on "envoyproxy/envoy", which means latest.',
    });
    // Nothing changed: the client keeps what it has.
    const resultId = first.kind === 'full' ? first.resultId : undefined;
    expect(await pull(resultId)).toEqual({ kind: 'unchanged', resultId });

    // Pin the first image (an incremental edit) and add a line at the top: findings move and go.
    const changes = [
      { range: { start: { line: 11, character: 23 }, end: { line: 11, character: 29 } }, text: '1.27' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# Reviewed.\n' },
    ];
    document = TextDocument.update(document, changes, 2);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: changes });
    const afterEdit = tested(fullItems(await pull(resultId)));
    expect(afterEdit.map(brief)).toEqual(['latest-image-tag 13:36-13:52 s2', 'privileged-container 23:20-23:24 s1']);

    // The editor asks for actions where the privileged finding is, passing the diagnostic it shows.
    const privileged = afterEdit[1]!;
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: privileged.range,
      context: { diagnostics: [privileged], triggerKind: 1 },
    })) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual([
      'Disable privileged-container for this line',
      'Disable privileged-container for this file',
    ]);
    expect(actions.map((action) => action.kind)).toEqual(['quickfix', 'quickfix']);
    expect(actions[0]!.diagnostics).toEqual([privileged]);
    const [lineEdit, fileEdit] = actions.map((action) => action.edit!.documentChanges![0] as TextDocumentEdit);
    expect(lineEdit).toEqual({
      textDocument: { uri, version: 2 },
      edits: [{ range: { start: { line: 23, character: 0 }, end: { line: 23, character: 0 } }, newText: '        # podlint-disable-next-line privileged-container\n' }],
    });
    // The file directive goes below the leading comment block, before the first document's YAML.
    expect(fileEdit!.edits).toEqual([
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '# podlint-disable-file privileged-container\n' },
    ]);

    // Apply the line action as the editor would, and send the result back.
    const edited = TextDocument.applyEdits(document, lineEdit!.edits as TextEdit[]);
    expect(edited.split('\n').slice(22, 25)).toEqual([
      '      securityContext:',
      '        # podlint-disable-next-line privileged-container',
      '        privileged: true',
    ]);
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: edited }] });
    const afterAction = tested(fullItems(await pull())).map(brief);
    if (SUPPRESSION_DIRECTIVES_LANDED) {
      expect(afterAction).toEqual(['latest-image-tag 13:36-13:52 s2']);
    } else {
      // Re-linted from the new text: the finding moved down with its line.
      expect(afterAction).toEqual(['latest-image-tag 13:36-13:52 s2', 'privileged-container 24:20-24:24 s1']);
    }

    // A configuration change makes the server ask the client to pull again.
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.podlint.yaml')).href, type: 2 }] });
    await client.waitFor(() => client.refreshRequests === 1, 'a diagnostic refresh request');

    expect(await connection.sendRequest('shutdown')).toBeNull();
    await connection.sendNotification('exit');
    expect(await server.exit).toBe(0);
    expect(server.stderr()).toBe('');
  });

  it('pushes diagnostics to a client without pull support: debounced on change, again on a config change, cleared on close', async () => {
    server = spawnServer();
    const { client } = server;
    const connection = client.connection;
    const init = await client.initialize(PUSH_CLIENT, { debounceMs: 300 }, dir);
    expect(init.capabilities.diagnosticProvider).toBeUndefined();
    await connection.sendNotification('initialized', {});

    const opened = client.nextPublished(uri);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: MANIFEST } });
    const onOpen = await opened;
    expect(onOpen.version).toBe(1);
    expect(tested(onOpen.diagnostics).map(brief)).toEqual([
      'latest-image-tag 11:17-11:29 s2',
      'latest-image-tag 12:36-12:52 s2',
      'privileged-container 22:20-22:24 s1',
    ]);

    // Three quick edits: one re-validation, for the last version.
    const typing = client.nextPublished(uri);
    // `privileged: true` → false → true → false, each replacing the previous value.
    const edit = (version: number, oldText: string, text: string) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: 22, character: 20 }, end: { line: 22, character: 20 + oldText.length } }, text }],
      });
    await edit(2, 'true', 'false');
    await edit(3, 'false', 'true');
    await edit(4, 'true', 'false');
    const debounced = await typing;
    expect(debounced.version).toBe(4);
    expect(tested(debounced.diagnostics).map(brief)).toEqual(['latest-image-tag 11:17-11:29 s2', 'latest-image-tag 12:36-12:52 s2']);
    expect(client.publishedFor(uri).map((params) => params.version)).toEqual([1, 4]);

    // An unrelated file changing does nothing; the configuration changing re-validates at once.
    const revalidated = client.nextPublished(uri);
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'other.yaml')).href, type: 2 }] });
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.podlint.json')).href, type: 1 }] });
    expect((await revalidated).version).toBe(4);
    // A request answered after both notifications were handled: exactly one re-validation came.
    await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: onOpen.diagnostics[0]!.range, context: { diagnostics: [] } });
    expect(client.publishedFor(uri)).toHaveLength(3);

    const closed = client.nextPublished(uri);
    await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect(await closed).toEqual({ uri, diagnostics: [] });

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await server.exit).toBe(0);
  });

  it('answers bad requests with errors and reports bad YAML, without ever exiting', async () => {
    server = spawnServer();
    const { client, child } = server;
    const connection = client.connection;
    await client.initialize(PUSH_CLIENT, { debounceMs: 0 });
    await connection.sendNotification('initialized', {});

    await expect(connection.sendRequest('textDocument/codeAction', { textDocument: { uri } })).rejects.toMatchObject({ code: -32602 });
    await expect(connection.sendRequest('textDocument/diagnostic', 'nonsense')).rejects.toMatchObject({ code: -32602 });
    await expect(connection.sendRequest('podlint/noSuchMethod', {})).rejects.toMatchObject({ code: -32601 });
    // A frame that is not JSON at all, then a notification with garbage params.
    child.stdin.write('Content-Length: 7\r\n\r\n{oops!}');
    await connection.sendNotification('textDocument/didOpen', { textDocument: 42 });

    // A manifest that does not parse gets its yaml-syntax diagnostic; its valid document is linted.
    const broken = pathToFileURL(path.join(dir, 'broken.yaml')).href;
    const brokenText = 'apiVersion: v1\nkind: Pod\nmetadata: { name: a\n---\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - { name: b, image: nginx }\n';
    const published = client.nextPublished(broken);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: broken, languageId: 'yaml', version: 1, text: brokenText } });
    expect(tested((await published).diagnostics).map((d) => `${brief(d)} ${d.message}`)).toEqual([
      'yaml-syntax 3:0-3:1 s1 YAML syntax error: Flow map in block collection must be sufficiently indented and end with a }',
      'latest-image-tag 8:24-8:29 s2 Container "b" has no tag on "nginx", which means latest.',
    ]);

    // YAML that is not a manifest is not podlint's to judge, even broken.
    const compose = pathToFileURL(path.join(dir, 'compose.yaml')).href;
    const composePublished = client.nextPublished(compose);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: compose, languageId: 'yaml', version: 1, text: 'services:\n  web: [\n' } });
    expect((await composePublished).diagnostics).toEqual([]);

    // Still serving after all of it.
    const report = (await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: broken } })) as DocumentDiagnosticReport;
    expect(tested(fullItems(report)).map((d) => d.code)).toEqual(['yaml-syntax', 'latest-image-tag']);
    expect(child.exitCode).toBeNull();

    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    expect(await server.exit).toBe(0);
  });

  it('runs as podlint-language-server, and exits 1 when told to exit without a shutdown', async () => {
    server = spawnServer('bin/podlint-language-server.js', ['--stdio']);
    const init = await server.client.initialize(PUSH_CLIENT);
    expect(init.serverInfo).toEqual({ name: 'podlint', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    await server.client.connection.sendNotification('exit');
    expect(await server.exit).toBe(1);
  });

  it('treats unknown lsp options as a usage error and prints help on request', () => {
    const bad = runCli(['lsp', '--tcp']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^podlint: lsp: Unknown option '--tcp'/);
    const help = runCli(['lsp', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: podlint lsp [--stdio]');
  });
});
