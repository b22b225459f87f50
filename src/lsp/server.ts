import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding.js';
import { codeActionsFor } from './code-actions.js';
import { configDiagnostics } from './config-diagnostics.js';
import { Debouncer } from './debounce.js';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics.js';
import { initializationSettings } from './initialization-options.js';
import { lintDocument } from './lint-document.js';
import { LintResults, type LintOutcome, type LintResult } from './lint-results.js';
import { CONFIG_FILE_GLOB } from '../config/find-config.js';
import { documentPath, isConfigFile, type SettingsProvider } from './settings.js';
import { DependencyWatchers, dependencyWatchers } from './watchers.js';
import { WorkspaceConfig, type DocumentConfig } from './workspace-config.js';

/** How long edits must pause before a pushed re-validation; pulling clients pace themselves. */
export const DEFAULT_DEBOUNCE_MS = 200;

export interface LanguageServerOptions {
  /** Resolves a document's settings instead of the workspace configuration (embedders, tests). */
  readonly settingsForDocument?: SettingsProvider;
  /** Push-mode debounce; a client's `initializationOptions.debounceMs` overrides it. */
  readonly debounceMs?: number;
  /** Reported to the client as `serverInfo.version`. */
  readonly version?: string;
}

/**
 * Serves podlint's findings over a language server connection: diagnostics for open documents
 * (pulled when the client supports `textDocument/diagnostic`, pushed otherwise) and code actions.
 * Every document is linted in memory from the editor's text, at most once per version and
 * configuration, with the settings the workspace's configuration gives it, as the CLI would.
 */
export function startLanguageServer(connection: Connection, options: LanguageServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const results = new LintResults(compute, (uri) => documents.get(uri));
  const published = new Map<string, LintResult>();
  let workspace = new WorkspaceConfig(undefined, {}, options.settingsForDocument);
  let root: string | undefined;
  let debouncer = new Debouncer(options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  let client: ClientCapabilities = {};
  let pull = false;
  let startupProblems: readonly string[] = [];
  // The broken configuration last shown to the user, by configuration file: each is said once.
  const shownFailures = new Map<string, string>();
  const watchers = new DependencyWatchers(connection);

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    pull = client.textDocument?.diagnostic !== undefined;
    root = workspaceRoot(params);
    const initial = initializationSettings(params.initializationOptions, root);
    if (initial.debounceMs !== undefined) debouncer = new Debouncer(initial.debounceMs);
    startupProblems = initial.problems;
    workspace = new WorkspaceConfig(root, initial.cli, options.settingsForDocument);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(pull ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'podlint', ...(options.version ? { version: options.version } : {}) },
    };
  });

  connection.onInitialized(() => {
    for (const problem of startupProblems) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `podlint: ${problem}` });
    }
    // Clients that cannot register watchers dynamically are configured to send these themselves.
    if (canWatch()) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] })
        .catch((error: unknown) => connection.console.warn(`podlint: cannot watch configuration files: ${describe(error)}`));
    }
  });

  connection.onShutdown(() => debouncer.dispose());

  function canWatch(): boolean {
    return client.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  }

  /** Lints one document's text as it is now, with the settings of `generation`. */
  async function compute(document: TextDocument, generation: number): Promise<LintOutcome> {
    const { uri } = document;
    // Read before the first await: the document object changes in place with each edit.
    const text = document.getText();
    try {
      // A configuration file is checked as one, from the editor's text: it is no manifest.
      if (isConfigFile(uri)) {
        const filePath = documentPath(uri);
        return { findings: [], diagnostics: configDiagnostics(filePath, await workspace.checkConfigText(filePath, text)) };
      }
      const config = await workspace.forDocument(uri);
      // A configuration changed meanwhile: the run's result is stale, and so is what it says.
      if (generation === results.generation) noteConfig(config);
      const findings: readonly Finding[] = config.ignored ? [] : lintDocument(uri, text, config.settings);
      return { findings, diagnostics: findings.map(toDiagnostic) };
    } catch (error) {
      // podlint's own failure: keep serving, and leave a trace where the client shows server logs.
      connection.console.error(`podlint: linting ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { findings: [], diagnostics: [] };
    }
  }

  /**
   * Says once that a configuration is broken (unless its file is open: its diagnostics say it
   * there, where it can be fixed). One that works again is reported again when it next breaks.
   */
  function noteConfig(config: DocumentConfig): void {
    if (canWatch()) watchers.update(dependencyWatchers(workspace.watched(), root, relativePatterns()));
    const key = config.configFile ?? '';
    const { failure } = config;
    if (!failure) {
      shownFailures.delete(key);
      return;
    }
    if (shownFailures.get(key) === failure.message) return;
    shownFailures.set(key, failure.message);
    if (failure.configFile !== undefined && documents.all().some((open) => isConfigFile(open.uri) && documentPath(open.uri) === failure.configFile)) return;
    // A notification, not a request: nothing waits on the user to dismiss it.
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: failure.message });
  }

  function relativePatterns(): boolean {
    return client.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  }

  async function publish(document: TextDocument): Promise<void> {
    const result = await results.lint(document);
    // Stale: the newer text or configuration has its own publish coming.
    if (!results.isCurrent(result) || published.get(document.uri) === result) return;
    published.set(document.uri, result);
    void connection.sendDiagnostics({ uri: document.uri, version: result.version, diagnostics: [...result.diagnostics] });
  }

  documents.onDidOpen(({ document }) => {
    if (!pull) void publish(document);
  });

  documents.onDidChangeContent(({ document }) => {
    if (pull || published.get(document.uri)?.version === document.version) return;
    const { uri } = document;
    debouncer.schedule(uri, () => {
      const latest = documents.get(uri);
      if (latest) void publish(latest);
    });
  });

  documents.onDidClose(({ document }) => {
    debouncer.cancel(document.uri);
    results.forget(document.uri);
    published.delete(document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  documents.onDidSave(({ document }) => {
    const filePath = documentPath(document.uri);
    if (workspace.affectedBy(filePath)) settingsChanged([filePath]);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const changed = changes.map((change) => documentPath(change.uri)).filter((filePath) => workspace.affectedBy(filePath));
    if (changed.length > 0) settingsChanged(changed);
  });

  connection.onDidChangeConfiguration(() => settingsChanged([]));

  /** Configuration files changed: load them again, and lint every open document again. */
  function settingsChanged(changedFiles: readonly string[]): void {
    workspace.invalidate(changedFiles);
    results.invalidate();
    if (pull) {
      if (client.workspace?.diagnostics?.refreshSupport) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.warn(`podlint: diagnostic refresh failed: ${describe(error)}`));
      }
      return;
    }
    for (const document of documents.all()) {
      debouncer.cancel(document.uri);
      void publish(document);
    }
  }

  connection.languages.diagnostics.on(async (params): Promise<DocumentDiagnosticReport> => {
    const uri = textDocumentUri(params);
    const document = documents.get(uri);
    // Only open documents are linted: their text is the editor's, not the disk's.
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const result = await results.latest(document);
    const resultId = `${result.generation}:${result.version}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...result.diagnostics] };
  });

  connection.onCodeAction(async (params) => {
    const uri = textDocumentUri(params);
    if (!isRange(params.range) || !Array.isArray(params.context?.diagnostics)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction needs a range and a context with diagnostics.');
    }
    const document = documents.get(uri);
    if (!document) return [];
    const result = await results.latest(document);
    const versionedEdits = client.workspace?.workspaceEdit?.documentChanges === true;
    // The findings are for the text the edits are computed from: both are the latest.
    return codeActionsFor(document, result.findings, params, { versionedEdits });
  });

  documents.listen(connection);
  connection.listen();
}

/** The workspace's root directory: its first folder, else the root the client names. */
function workspaceRoot(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
  if (typeof uri === 'string') {
    const filePath = documentPath(uri);
    if (filePath !== uri) return filePath;
  }
  return typeof params.rootPath === 'string' && params.rootPath !== '' ? params.rootPath : undefined;
}

/** A request's `textDocument.uri`, or an InvalidParams error for the client that sent garbage. */
function textDocumentUri(params: unknown): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'The request needs textDocument.uri (a string).');
  return uri;
}

function isRange(value: unknown): boolean {
  const range = value as { start?: { line?: unknown; character?: unknown }; end?: { line?: unknown; character?: unknown } } | null;
  return (
    typeof range?.start?.line === 'number' &&
    typeof range.start.character === 'number' &&
    typeof range.end?.line === 'number' &&
    typeof range.end.character === 'number'
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
