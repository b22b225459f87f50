// `podlint resources [paths]`: what the objects' Pods ask for, per object and per namespace.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverFiles } from '../discover/discover.js';
import { loadBytes } from '../load/load-bytes.js';
import type { LoadedFile } from '../load/types.js';
import { formatResourcesJson } from '../report/resources-json.js';
import { formatResourcesMarkdown } from '../report/resources-markdown.js';
import { resourceReport, type ResourceReport } from '../report/resources-report.js';
import { formatResourcesTable } from '../report/resources-table.js';
import type { CliIO } from './main.js';
import { UsageError } from './options.js';

export const RESOURCES_HELP = `Usage: podlint resources [options] [paths or globs ...]

Shows what the Pods of each object ask for, as Kubernetes computes it: the QoS class, the
effective pod requests and limits (init containers, sidecars, pod-level resources and overhead
included), the replicas and the totals, then the grand total per namespace.

Options:
  -f, --format <name>          Output format: table (default), json, markdown
  -o, --output-file <file>     Write the report to a file instead of standard output
      --stdin-filename <name>  The file name to report for standard input ("-")
      --ignore-pattern <glob>  Skip files matching this gitignore-style pattern (repeatable)
      --no-gitignore           Do not read .gitignore files
  -h, --help                   Show this help

Exit codes: 0 report written, 2 usage error or internal failure.
`;

const FORMATS: Readonly<Record<string, (report: ResourceReport) => string>> = {
  table: formatResourcesTable,
  json: formatResourcesJson,
  markdown: (report) => formatResourcesMarkdown(report),
};

/** Runs `podlint resources` with the arguments after the subcommand; resolves to the exit code. */
export async function resourcesCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      allowNegative: true,
      options: {
        format: { type: 'string', short: 'f', default: 'table' },
        'output-file': { type: 'string', short: 'o' },
        'stdin-filename': { type: 'string' },
        'ignore-pattern': { type: 'string', multiple: true, default: [] },
        gitignore: { type: 'boolean', default: true },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(RESOURCES_HELP);
    return 0;
  }
  const format = FORMATS[values.format];
  if (!format) throw new UsageError(`Unknown format "${values.format}"; use one of: ${Object.keys(FORMATS).join(', ')}.`);

  const readsStdin = positionals.includes('-');
  if (readsStdin && positionals.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other paths.');
  if (values['stdin-filename'] !== undefined && !readsStdin) throw new UsageError('--stdin-filename needs "-" among the paths.');

  let files: LoadedFile[];
  if (readsStdin) {
    files = [safeLoad(values['stdin-filename'] ?? '<stdin>', io.stdin())];
  } else {
    const paths = await discoverFiles(positionals, { cwd: io.cwd, ignorePatterns: values['ignore-pattern'], useGitignore: values.gitignore });
    files = paths.map((file) => safeLoad(file, readFileSync(path.resolve(io.cwd, file))));
  }

  // Documents that do not parse, and values Kubernetes cannot decode, are left out: say so.
  for (const file of files) {
    for (const problem of file.problems) {
      io.stderr(`podlint resources: ${file.filePath}:${problem.range.start.line + 1}:${problem.range.start.column + 1}: ${problem.ruleId}: ${problem.message}\n`);
    }
  }
  const report = resourceReport(files);
  for (const ignored of report.ignored) {
    io.stderr(`podlint resources: ${ignored.filePath}:${ignored.line}:${ignored.column}: value left out: ${ignored.message}\n`);
  }

  const output = format(report);
  const text = output.endsWith('\n') ? output : `${output}\n`;
  if (values['output-file'] !== undefined) writeFileSync(path.resolve(io.cwd, values['output-file']), text);
  else io.stdout(text);
  return 0;
}

function safeLoad(filePath: string, bytes: Uint8Array): LoadedFile {
  try {
    return loadBytes(filePath, bytes);
  } catch (error) {
    // Absurdly deep nesting can exhaust the parser's stack; the file is skipped, the run goes on.
    const message = error instanceof Error ? error.message : String(error);
    const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 0 }, startOffset: 0, endOffset: 0 };
    return { ...loadBytes(filePath, new Uint8Array()), problems: [{ ruleId: 'yaml-syntax', message: `The file cannot be parsed: ${message}.`, range }] };
  }
}
