import { format, parseArgs } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { startLanguageServer } from '../lsp/server.js';
import type { CliIO } from './main.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './package-info.js';

export const LSP_HELP = `Usage: podlint lsp [--stdio]

Runs podlint as a language server on standard input and output (the default, and the only
transport; --stdio is accepted because editors pass it). Editors show podlint's findings as
diagnostics and offer its fixes and disable comments as code actions. See docs/editors.md.

Options:
      --stdio       Talk LSP over standard input and output
      --clientProcessId <pid>  Exit when this process is gone (passed by some editors)
  -h, --help        Show this help
`;

/**
 * `podlint lsp`: serves until the client sends `exit` or closes the connection; the language
 * server library ends the process then (0 after `shutdown`, 1 without). Resolves only for --help.
 */
export async function runLsp(argv: readonly string[], io: CliIO): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        stdio: { type: 'boolean', default: false },
        clientProcessId: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`lsp: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (values.help) {
    io.stdout(LSP_HELP);
    return 0;
  }
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  routeConsole(connection);
  // A bug must not take the editor's server down with it: log, and keep serving.
  process.on('uncaughtException', (error) => connection.console.error(`podlint: uncaught error: ${error.stack ?? error.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`podlint: unhandled rejection: ${format(reason)}`));
  startLanguageServer(connection, { version: packageVersion() });
  return new Promise<number>(() => {});
}

/** Standard output carries the protocol: anything printed goes to the client's log instead. */
function routeConsole(connection: Connection): void {
  const send = (level: 'log' | 'info' | 'warn' | 'error') => (...args: unknown[]) => connection.console[level](format(...args));
  console.log = send('log');
  console.info = send('info');
  console.debug = send('log');
  console.warn = send('warn');
  console.error = send('error');
  console.trace = send('log');
}
