import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { DiscoverError, discoverFiles } from '../discover/discover.js';
import type { Finding } from '../engine/finding.js';
import { configureRules, RuleSettingsError } from '../engine/rule-settings.js';
import { lintBytes, lintFiles } from '../lint.js';
import { FORMATTERS } from '../report/formatters.js';
import { fileResult, type FileResult } from '../report/results.js';
import { useColor } from './color.js';
import { listRules } from './list-rules.js';
import { HELP, parseCliOptions, UsageError, type CliOptions } from './options.js';
import { packageVersion } from './package-info.js';
import { resolveKubernetesVersion } from './kubernetes-version.js';
import { formatContextFor, writeSideReports } from './side-reports.js';
import { atLeast, type Severity } from '../engine/severity.js';
import { resolveSchemaSettings } from './schema-options.js';

/** Exit codes: 0 clean, 1 findings at or over the failing level, 2 usage error or internal failure. */
export const EXIT = { clean: 0, findings: 1, failure: 2 } as const;

export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly stdin: () => Buffer;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
  /** Sees the results of a lint run before the exit code is computed (the GitHub Action counts them). */
  readonly onResults?: (results: readonly FileResult[]) => void;
  /** The terminal's width, when standard output is one. */
  readonly columns?: number;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: () => readFileSync(0),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
};

/** Runs podlint with command-line arguments; resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  let options: CliOptions | undefined;
  try {
    // Subcommands come before the lint options; loaded on demand so a lint run does not pay for them.
    if (argv[0] === 'lsp') return await (await import('./lsp.js')).runLsp(argv.slice(1), io);
    // A directory of that name is linted as `./resources`.
    if (argv[0] === 'resources') return await (await import('./resources.js')).resourcesCommand(argv.slice(1), io);
    options = parseCliOptions(argv);
    switch (options.command) {
      case 'help':
        io.stdout(HELP);
        return EXIT.clean;
      case 'version':
        io.stdout(`${packageVersion()}\n`);
        return EXIT.clean;
      case 'list-rules':
        io.stdout(listRules(builtinRules, io.isTTY ? io.columns : undefined));
        return EXIT.clean;
      case 'lint':
        return await lint(options, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof DiscoverError || error instanceof RuleSettingsError) {
      io.stderr(`podlint: ${error.message}\n`);
    } else if (options?.debug) {
      io.stderr(`podlint: internal error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } else {
      io.stderr(`podlint: internal error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)\n`);
    }
    return EXIT.failure;
  }
}

async function lint(options: CliOptions, io: CliIO): Promise<number> {
  const formatter = FORMATTERS[options.format];
  if (!formatter) {
    throw new UsageError(`Unknown format "${options.format}"; use one of: ${Object.keys(FORMATTERS).join(', ')}.`);
  }
  const settings = {
    rules: configureRules(builtinRules),
    kubernetesVersion: resolveKubernetesVersion(options.kubernetesVersion),
    ...resolveSchemaSettings(options.schemaDirs, options.podTemplatePaths, io.cwd),
  };

  const readsStdin = options.paths.includes('-');
  if (readsStdin && options.paths.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other paths.');
  if (options.stdinFilename !== undefined && !readsStdin) throw new UsageError('--stdin-filename needs "-" among the paths.');

  let results: FileResult[];
  if (readsStdin) {
    const name = options.stdinFilename ?? '<stdin>';
    results = [lintBytes(name, path.resolve(io.cwd, name), io.stdin(), settings)];
  } else {
    const files = await discoverFiles(options.paths, {
      cwd: io.cwd,
      ignorePatterns: options.ignorePatterns,
      useGitignore: options.gitignore,
    });
    results = lintFiles(files, settings, io.cwd);
  }
  if (options.quiet) results = results.map(onlyErrors);

  const toFile = options.outputFile !== undefined;
  const context = formatContextFor(results, settings.rules, options, io, !toFile && useColor(options.color, io.isTTY, io.env));
  const output = formatter(results, context);
  if (toFile) writeFileSync(path.resolve(io.cwd, options.outputFile!), output.endsWith('\n') || output === '' ? output : `${output}\n`);
  else if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
  writeSideReports(results, context, options, io);
  io.onResults?.(results);

  return exitCode(results, options.maxWarnings, options.failLevel ?? 'error');
}

function onlyErrors(result: FileResult): FileResult {
  const errors: Finding[] = result.findings.filter((finding) => finding.severity === 'error');
  return fileResult(result.filePath, result.absolutePath, errors);
}

function exitCode(results: readonly FileResult[], maxWarnings: number | undefined, failLevel: Severity): number {
  const count = (severity: Severity) => results.reduce((sum, result) => sum + result[`${severity}Count`], 0);
  const warnings = count('warning');
  const failing = (['error', 'warning', 'info'] as const).filter((severity) => atLeast(severity, failLevel));
  if (failing.some((severity) => count(severity) > 0)) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT.findings;
  return EXIT.clean;
}
