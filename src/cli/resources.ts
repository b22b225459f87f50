// `podlint resources [paths]`: what the objects' Pods ask for, per object and per namespace.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigResolver } from '../config/resolve-config.js';
import type { PodTemplatePaths } from '../k8s/kinds.js';
import type { LoadedFile } from '../load/types.js';
import { formatResourcesJson } from '../report/resources-json.js';
import { formatResourcesMarkdown } from '../report/resources-markdown.js';
import { ResourceReportBuilder, type ResourceReport } from '../report/resources-report.js';
import { formatResourcesTable } from '../report/resources-table.js';
import type { CliIO } from './main.js';
import { configuredInputs, INPUT_OPTIONS } from './inputs.js';
import { UsageError } from './usage-error.js';
import { parsePodTemplatePaths } from './schema-options.js';

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
  -c, --config <file>          Use this configuration file for every file (default: the nearest
                               .podlint.yaml, as for linting); its ignorePatterns and
                               podTemplatePaths apply
      --pod-template-path <k=p> Where a custom kind keeps its pod template:
                               example.com/v1/MyKind=spec.template (repeatable)
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
        ...INPUT_OPTIONS,
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

  // The configuration that lint would use for each file: which files it ignores, where custom
  // kinds keep their pod template. Rule settings play no part here.
  const templatePaths = values['pod-template-path'];
  const resolver = new ConfigResolver(io.cwd, {
    ...(values.config !== undefined ? { configFile: values.config } : {}),
    ...(templatePaths.length > 0 ? { podTemplatePaths: parsePodTemplatePaths(templatePaths) } : {}),
  });
  const builder = new ResourceReportBuilder();
  const add = (file: LoadedFile, podTemplatePaths: PodTemplatePaths) => {
    // Documents that do not parse, and values Kubernetes cannot decode, are left out: say so.
    for (const problem of file.problems) {
      io.stderr(`podlint resources: ${file.filePath}:${problem.range.start.line + 1}:${problem.range.start.column + 1}: ${problem.ruleId}: ${problem.message}\n`);
    }
    builder.add(file, podTemplatePaths);
  };
  const selection = { paths: positionals, stdinFilename: values['stdin-filename'], ignorePatterns: values['ignore-pattern'], gitignore: values.gitignore };
  for (const input of await configuredInputs(selection, resolver, io)) add(input.load(), input.config.podTemplatePaths);

  const report = builder.report();
  for (const ignored of report.ignored) {
    io.stderr(`podlint resources: ${ignored.filePath}:${ignored.line}:${ignored.column}: value left out: ${ignored.message}\n`);
  }

  const output = format(report);
  const text = output.endsWith('\n') ? output : `${output}\n`;
  if (values['output-file'] !== undefined) writeFileSync(path.resolve(io.cwd, values['output-file']), text);
  else io.stdout(text);
  return 0;
}
