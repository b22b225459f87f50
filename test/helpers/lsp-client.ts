import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { startLanguageServer, type LanguageServerOptions } from '../../src/lsp/server.js';
import { REPO_ROOT } from './cli.js';

// A language client for tests, speaking LSP to the server the way an editor does: it records what
// the server pushes (diagnostics, messages, registrations, refresh requests) so tests can wait for it.

/** What a pull-capable editor (VS Code) announces. */
export const PULL_CLIENT: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true, dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      isPreferredSupport: true,
    },
  },
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
  },
};

/** What an editor that only takes pushed diagnostics announces (Helix, older Neovim). */
export const PUSH_CLIENT: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix'] } } },
  },
  workspace: { applyEdit: true },
};

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly logs: string[] = [];
  readonly registrations: unknown[] = [];
  refreshRequests = 0;
  private waiters: { test: () => boolean; resolve: () => void }[] = [];

  constructor(readonly connection: ProtocolConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.wake();
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => {
      this.messages.push(params);
      this.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
    });
    connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      this.wake();
      return null;
    });
    connection.listen();
  }

  initialize(capabilities: ClientCapabilities, initializationOptions?: unknown, rootDir?: string): Promise<InitializeResult> {
    const rootUri = rootDir ? pathToFileURL(rootDir).href : null;
    return this.connection.sendRequest('initialize', {
      processId: null,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(rootDir!) }] : null,
      capabilities,
      initializationOptions,
    }) as Promise<InitializeResult>;
  }

  /** Resolves once `test` holds, checking again after everything the server sends. */
  waitFor(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), timeoutMs);
      this.waiters.push({ test, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  /** The next diagnostics the server publishes for `uri` after the ones seen so far. */
  async nextPublished(uri: string, after = this.publishedFor(uri).length): Promise<PublishDiagnosticsParams> {
    await this.waitFor(() => this.publishedFor(uri).length > after, `diagnostics for ${uri}`);
    return this.publishedFor(uri)[after]!;
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((params) => params.uri === uri);
  }

  private wake(): void {
    const ready = this.waiters.filter((waiter) => waiter.test());
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve();
  }
}

export interface SpawnedServer {
  readonly client: LspClient;
  readonly child: ChildProcessWithoutNullStreams;
  readonly exit: Promise<number | null>;
  stderr(): string;
}

/** Starts the built server as an editor does: a child process speaking LSP over stdio. */
export function spawnServer(bin = 'bin/podlint.js', args: readonly string[] = ['lsp', '--stdio']): SpawnedServer {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, bin), ...args], { cwd: REPO_ROOT, stdio: 'pipe' });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  return { client: new LspClient(connection), child, exit, stderr: () => stderr };
}

/**
 * Runs the server in this process over in-memory streams, for tests that give it their own rules
 * or settings. Never send `exit` to it: the server library ends the process on exit.
 */
export function inProcessServer(options: LanguageServerOptions): { client: LspClient; dispose(): void } {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startLanguageServer(serverConnection, options);
  const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  return {
    client: new LspClient(connection),
    dispose() {
      connection.dispose();
      serverConnection.dispose();
    },
  };
}
