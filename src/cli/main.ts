import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../config/config-error.js';
import { printConfig } from '../config/print-config.js';
import { CustomRuleError } from '../custom-rules/custom-rule-error.js';
import { DiscoverError } from '../discover/discover.js';
import { lintLoadedFile } from '../engine/lint-file.js';
import type { Finding } from '../engine/finding.js';
import { RuleSettingsError, type ConfiguredRule } from '../engine/rule-settings.js';
import { FORMATTERS } from '../report/formatters.js';
import { fileResult, type FileResult } from '../report/results.js';
import { useColor } from './color.js';
import { ConfigResolver } from '../config/resolve-config.js';
import { cliSettings, failsAtLevel } from './configured-run.js';
import { configuredInputs } from './inputs.js';
import { listRules } from './list-rules.js';
import { HELP, parseCliOptions, UsageError, type CliOptions } from './options.js';
import { SchemaDirError } from '../validate/custom-schemas.js';
import { packageVersion } from './package-info.js';
import { formatContextFor, summaryResources, writeSideReports } from './side-reports.js';
import type { Severity } from '../engine/severity.js';

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
      case 'print-config': {
        const file = path.resolve(io.cwd, options.printConfigFor!);
        io.stdout(printConfig(file, await new ConfigResolver(io.cwd, cliSettings(options, io.cwd)).forFile(file), io.cwd));
        return EXIT.clean;
      }
      case 'lint':
        return await lint(options, io);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr(`podlint: the configuration cannot be used:\n${error.format(io.cwd)}\n`);
    } else if (isUsageError(error)) {
      io.stderr(`podlint: ${error.message}\n`);
    } else if (options?.debug) {
      io.stderr(`podlint: internal error\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    } else {
      io.stderr(`podlint: internal error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)\n`);
    }
    return EXIT.failure;
  }
}

/** The mistakes of the user's that stop a run with exit 2 and one line, from any stage. */
function isUsageError(error: unknown): error is Error {
  return [UsageError, DiscoverError, RuleSettingsError, CustomRuleError, SchemaDirError].some((type) => error instanceof type);
}

async function lint(options: CliOptions, io: CliIO): Promise<number> {
  const formatter = FORMATTERS[options.format];
  if (!formatter) {
    throw new UsageError(`Unknown format "${options.format}"; use one of: ${Object.keys(FORMATTERS).join(', ')}.`);
  }
  // Settings are resolved per file: the nearest configuration file (or --config), then the flags.
  const resolver = new ConfigResolver(io.cwd, cliSettings(options, io.cwd));
  const failLevels = new Map<string, Severity>();
  const ran = new Map<string, ConfiguredRule>();
  const noteRules = (rules: readonly ConfiguredRule[]) => rules.forEach((configured) => ran.has(configured.rule.id) || ran.set(configured.rule.id, configured));

  const inputs = await configuredInputs(options, resolver, io);
  for (const { absolutePath, config } of inputs) {
    failLevels.set(absolutePath, config.failLevel);
    noteRules(config.settings.rules);
  }
  // The job summary's resources table is built from the files as they are loaded, not read again.
  const resources = summaryResources(options, io.env);
  const results: readonly FileResult[] = inputs.map((input) => {
    const file = input.load();
    resources?.onLoaded(file, input.config.settings);
    return fileResult(input.filePath, input.absolutePath, lintLoadedFile(file, input.config.settings));
  });
  const toFile = options.outputFile !== undefined;
  const context = {
    ...formatContextFor(results, [...ran.values()], options, io, !toFile && useColor(options.color, io.isTTY, io.env)),
    // Formatters leave suppressed findings out unless asked (SARIF then lists them with suppressions[]).
    ...(options.includeSuppressed ? { includeSuppressed: true } : {}),
  };
  // --quiet thins what the report prints, nothing else: the exit code, the counts the Action
  // reads, the SARIF file and the job summary see every finding.
  const output = formatter(options.quiet ? results.map(onlyErrors) : results, context);
  if (toFile) writeFileSync(path.resolve(io.cwd, options.outputFile!), output.endsWith('\n') || output === '' ? output : `${output}\n`);
  else if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);
  writeSideReports(results, context, options, io, resources?.report());
  io.onResults?.(results);

  return exitCode(results, options.maxWarnings, (file) => failLevels.get(file) ?? 'error');
}

function onlyErrors(result: FileResult): FileResult {
  const errors: Finding[] = result.findings.filter((finding) => finding.severity === 'error');
  return fileResult(result.filePath, result.absolutePath, errors);
}

/** Exit code 1 on a counted finding at or over its file's fail level (flag, configuration, or error). */
function exitCode(results: readonly FileResult[], maxWarnings: number | undefined, failLevelOf: (file: string) => Severity): number {
  const warnings = results.reduce((sum, result) => sum + result.warningCount, 0);
  if (failsAtLevel(results, failLevelOf)) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT.findings;
  return EXIT.clean;
}
