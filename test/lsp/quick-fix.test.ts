import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defineRule } from '../../src/engine/define-rule.js';
import { configureRules } from '../../src/engine/rule-settings.js';
import { inProcessServer, PULL_CLIENT, PUSH_CLIENT, type LspClient } from '../helpers/lsp-client.js';

// A rule that offers a safe edit, as schema validation will for a misspelled field value.
const pullPolicyCase = defineRule({
  id: 'pull-policy-case',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: { description: 'Test rule: imagePullPolicy is case-sensitive.', remediation: 'Write Always, IfNotPresent or Never.' },
    messages: { wrongCase: 'imagePullPolicy "{{value}}" must be written "{{fixed}}".' },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      const value = container.spec.imagePullPolicy;
      const fixed = ['Always', 'IfNotPresent', 'Never'].find((policy) => typeof value === 'string' && policy !== value && policy.toLowerCase() === value.toLowerCase());
      if (!fixed || typeof value !== 'string') continue;
      report({
        path: [...container.path, 'imagePullPolicy'],
        messageId: 'wrongCase',
        data: { value, fixed },
        deprecated: value === 'always',
        fix: { title: `Change to ${fixed}`, path: [...container.path, 'imagePullPolicy'], text: fixed },
      });
    }
  },
});

const TEXT = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: web
      image: nginx:1.27
      imagePullPolicy: always
  restartPolicy: Never # a one-off Pod: no probe findings with the default rules
`;
const uri = 'file:///workspace/pod.yaml';

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  dispose = undefined;
});

async function start(options: Parameters<typeof inProcessServer>[0], capabilities = PULL_CLIENT): Promise<LspClient> {
  const server = inProcessServer(options);
  dispose = server.dispose;
  await server.client.initialize(capabilities);
  await server.client.connection.sendNotification('initialized', {});
  return server.client;
}

const pull = async (client: LspClient): Promise<Diagnostic[]> => {
  const report = (await client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  return report.kind === 'full' ? report.items : [];
};

describe('quick fixes and settings in the language server', () => {
  it('turns a finding fix into a preferred quick fix whose edit resolves the finding', async () => {
    const client = await start({ settingsForDocument: () => ({ rules: configureRules([pullPolicyCase]), kubernetesVersion: '1.36' }) });
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });

    const [diagnostic, ...rest] = await pull(client);
    expect(rest).toEqual([]);
    // A rule without a published page gets no docs link; a deprecated field is tagged.
    expect(diagnostic).toEqual({
      range: { start: { line: 7, character: 23 }, end: { line: 7, character: 29 } },
      severity: 1,
      code: 'pull-policy-case',
      source: 'podlint',
      message: 'imagePullPolicy "always" must be written "Always".',
      tags: [2],
    });

    // The cursor sits inside the value; the client sends no diagnostics (as some editors do).
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 7, character: 25 }, end: { line: 7, character: 25 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    expect(actions.map((action) => [action.title, action.isPreferred ?? false])).toEqual([
      ['Change to Always', true],
      ['Disable pull-policy-case for this line', false],
      ['Disable pull-policy-case for this file', false],
    ]);
    const fix = actions[0]!;
    expect(fix.diagnostics).toEqual([diagnostic]);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    expect(change).toEqual({ textDocument: { uri, version: 1 }, edits: [{ range: diagnostic!.range, newText: 'Always' }] });

    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, TEXT), change.edits as TextEdit[]);
    expect(fixed).toContain('      imagePullPolicy: Always\n');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: fixed }] });
    expect(await pull(client)).toEqual([]);

    // Only quick fixes are offered: a client asking for refactorings gets none.
    const refactors = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [], only: ['refactor'] },
    });
    expect(refactors).toEqual([]);
  });

  it('uses plain edits for clients without versioned edits, and no comment actions for JSON', async () => {
    const client = await start({ settingsForDocument: () => ({ rules: configureRules([pullPolicyCase]), kubernetesVersion: '1.36' }) }, PUSH_CLIENT);
    const published = client.nextPublished(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT } });
    const [diagnostic] = (await published).diagnostics;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic!.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    expect(actions[0]).toEqual({
      title: 'Change to Always',
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [diagnostic],
      edit: { changes: { [uri]: [{ range: diagnostic!.range, newText: 'Always' }] } },
    });

    // kubectl reads a file that starts with { as JSON, where a comment is a syntax error.
    const jsonUri = 'file:///workspace/pod.json';
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a', image: 'nginx:1.27', imagePullPolicy: 'never' }] } }, null, 2);
    const jsonPublished = client.nextPublished(jsonUri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: jsonUri, languageId: 'json', version: 1, text: json } });
    const [jsonDiagnostic] = (await jsonPublished).diagnostics;
    expect(jsonDiagnostic?.message).toBe('imagePullPolicy "never" must be written "Never".');
    const jsonActions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: jsonUri },
      range: jsonDiagnostic!.range,
      context: { diagnostics: [jsonDiagnostic] },
    })) as CodeAction[];
    expect(jsonActions.map((action) => action.title)).toEqual(['Change to Never']);
  });

  it('says once that the configuration is broken, and lints with the defaults meanwhile', async () => {
    const client = await start({
      settingsForDocument: () => {
        throw new Error('.podlint.yaml: rules.latest-image-tag must be a severity.');
      },
    });
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: TEXT.replace('nginx:1.27', 'nginx') },
    });
    expect((await pull(client)).map((d) => d.code)).toContain('latest-image-tag');
    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${TEXT.replace('nginx:1.27', 'nginx')}\n` }] });
    expect((await pull(client)).map((d) => d.code)).toContain('latest-image-tag');
    await client.waitFor(() => client.messages.length > 0, 'an error message');
    expect(client.messages).toEqual([
      { type: 1, message: 'podlint: .podlint.yaml: rules.latest-image-tag must be a severity. Using the built-in defaults until it is fixed.' },
    ]);
  });
});
