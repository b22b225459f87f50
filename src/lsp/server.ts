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
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/finding.js';
import type { LintSettings } from '../engine/lint-file.js';
import { codeActionsFor } from './code-actions.js';
import { Debouncer } from './debounce.js';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics.js';
import { lintDocument } from './lint-document.js';
import { CONFIG_FILE_GLOB, isConfigFile, settingsForDocument, type SettingsProvider } from './settings.js';

/** How long edits must pause before a pushed re-validation; pulling clients pace themselves. */
export const DEFAULT_DEBOUNCE_MS = 200;

export interface LanguageServerOptions {
  /** Resolves a document's settings; the workspace configuration by default. */
  readonly settingsForDocument?: SettingsProvider;
  /** Push-mode debounce; a client's `initializationOptions.debounceMs` overrides it. */
  readonly debounceMs?: number;
  /** Reported to the client as `serverInfo.version`. */
  readonly version?: string;
}

/** What a document linted to, for one version of its text and one generation of the settings. */
interface LintResult {
  readonly version: number;
  readonly generation: number;
  readonly findings: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Serves podlint's findings over a language server connection: diagnostics for open documents
 * (pulled when the client supports `textDocument/diagnostic`, pushed otherwise) and code actions.
 * Every document is linted in memory from the editor's text, at most once per version.
 */
export function startLanguageServer(connection: Connection, options: LanguageServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const resolveSettings = options.settingsForDocument ?? settingsForDocument;
  const results = new Map<string, LintResult>();
  const settingsCache = new Map<string, LintSettings>();
  let debouncer = new Debouncer(options.debounceMs ?? DEFAULT_DEBOUNCE_MS);
  let client: ClientCapabilities = {};
  let pull = false;
  // Bumped when a configuration file changes: every cached result and setting is stale then.
  let generation = 0;
  let reportedSettingsError = -1;

  connection.onInitialize((params): InitializeResult => {
    client = params.capabilities;
    pull = client.textDocument?.diagnostic !== undefined;
    const debounceMs = initializationDebounce(params.initializationOptions);
    if (debounceMs !== undefined) debouncer = new Debouncer(debounceMs);
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
    // Clients that cannot register watchers dynamically are configured to send these themselves.
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }] })
        .catch((error: unknown) => connection.console.warn(`podlint: cannot watch configuration files: ${describe(error)}`));
    }
  });

  connection.onShutdown(() => debouncer.dispose());

  function settingsFor(uri: string): LintSettings {
    const cached = settingsCache.get(uri);
    if (cached) return cached;
    let settings: LintSettings;
    try {
      settings = resolveSettings(uri);
    } catch (error) {
      // A broken configuration is the user's to fix: say so once, and lint with the defaults meanwhile.
      if (reportedSettingsError !== generation) {
        reportedSettingsError = generation;
        // A notification, not a request: nothing waits on the user to dismiss it.
        void connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Error,
          message: `podlint: ${describe(error)} Using the built-in defaults until it is fixed.`,
        });
      }
      settings = settingsForDocument(uri);
    }
    settingsCache.set(uri, settings);
    return settings;
  }

  function lint(document: TextDocument): LintResult {
    const cached = results.get(document.uri);
    if (cached && cached.version === document.version && cached.generation === generation) return cached;
    let findings: readonly Finding[];
    try {
      findings = lintDocument(document.uri, document.getText(), settingsFor(document.uri));
    } catch (error) {
      // podlint's own failure: keep serving, and leave a trace where the client shows server logs.
      connection.console.error(`podlint: linting ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      findings = [];
    }
    const result = { version: document.version, generation, findings, diagnostics: findings.map(toDiagnostic) };
    results.set(document.uri, result);
    return result;
  }

  function publish(document: TextDocument): void {
    const { diagnostics } = lint(document);
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [...diagnostics] });
  }

  documents.onDidOpen(({ document }) => {
    if (!pull) publish(document);
  });

  documents.onDidChangeContent(({ document }) => {
    if (pull || results.get(document.uri)?.version === document.version) return;
    const { uri } = document;
    debouncer.schedule(uri, () => {
      const latest = documents.get(uri);
      if (latest) publish(latest);
    });
  });

  documents.onDidClose(({ document }) => {
    debouncer.cancel(document.uri);
    results.delete(document.uri);
    settingsCache.delete(document.uri);
    if (!pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  documents.onDidSave(({ document }) => {
    if (isConfigFile(document.uri)) settingsChanged();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((change) => isConfigFile(change.uri))) settingsChanged();
  });

  connection.onDidChangeConfiguration(() => settingsChanged());

  function settingsChanged(): void {
    generation++;
    settingsCache.clear();
    if (pull) {
      if (client.workspace?.diagnostics?.refreshSupport) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.warn(`podlint: diagnostic refresh failed: ${describe(error)}`));
      }
      return;
    }
    for (const document of documents.all()) {
      debouncer.cancel(document.uri);
      publish(document);
    }
  }

  connection.languages.diagnostics.on((params): DocumentDiagnosticReport => {
    const uri = textDocumentUri(params);
    const document = documents.get(uri);
    // Only open documents are linted: their text is the editor's, not the disk's.
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const result = lint(document);
    const resultId = `${result.generation}:${result.version}`;
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: [...result.diagnostics] };
  });

  connection.onCodeAction((params) => {
    const uri = textDocumentUri(params);
    if (!isRange(params.range) || !Array.isArray(params.context?.diagnostics)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction needs a range and a context with diagnostics.');
    }
    const document = documents.get(uri);
    if (!document) return [];
    const versionedEdits = client.workspace?.workspaceEdit?.documentChanges === true;
    return codeActionsFor(document, lint(document).findings, params, { versionedEdits });
  });

  documents.listen(connection);
  connection.listen();
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

function initializationDebounce(initializationOptions: unknown): number | undefined {
  const value = (initializationOptions as { debounceMs?: unknown } | null | undefined)?.debounceMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
