import { parseArgs } from 'node:util';
import type { RuleSetting } from '../engine/rule-settings.js';
import { isRuleSeverity, type Severity } from '../engine/severity.js';
import { INPUT_OPTIONS } from './inputs.js';
import { UsageError } from './usage-error.js';

export { UsageError };

export interface CliOptions {
  readonly command: 'lint' | 'help' | 'version' | 'list-rules' | 'print-config';
  readonly paths: readonly string[];
  readonly format: string;
  readonly outputFile: string | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  readonly color: boolean | undefined;
  readonly stdinFilename: string | undefined;
  readonly ignorePatterns: readonly string[];
  readonly gitignore: boolean;
  readonly kubernetesVersion: string | undefined;
  readonly schemaDirs: readonly string[];
  readonly podTemplatePaths: readonly string[];
  readonly debug: boolean;
  /** Also write a SARIF report to this file (`--sarif-file`). */
  readonly sarifFile: string | undefined;
  readonly sarifCategory: string | undefined;
  /** Append the Markdown job summary to this file; GITHUB_STEP_SUMMARY when not given. */
  readonly summaryFile: string | undefined;
  /** Findings at or over this severity make the exit code 1 (error when not given). */
  readonly failLevel: Severity | undefined;
  /** `--config FILE`: use this configuration for every file instead of searching. */
  readonly configFile: string | undefined;
  /** `--print-config FILE`: print the configuration resolved for FILE. */
  readonly printConfigFor: string | undefined;
  /** `--rule id=severity`, repeatable; wins over every configuration file. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly reportUnusedDirectives: boolean;
  readonly includeSuppressed: boolean;
}

export const HELP = `Usage: podlint [options] [paths or globs ...]
       podlint lsp --stdio          Run the language server for editors (docs/editors.md)
       podlint resources [paths]    Show effective requests, limits, QoS class and totals (--help)

Lints Kubernetes Pod and workload manifests (YAML or JSON). Paths default to the current
directory; "-" reads standard input.

Options:
  -f, --format <name>          Output format: stylish (default), json, sarif, github, unix
  -o, --output-file <file>     Write the report to a file instead of standard output
      --max-warnings <n>       Exit with 1 when there are more than n warnings
      --fail-level <severity>  Exit with 1 on findings at or over: error (default), warning, info
      --sarif-file <file>      Also write a SARIF report to this file
      --sarif-category <id>    SARIF automationDetails.id, to tell several uploads apart on GitHub
      --summary <file>         Append a Markdown job summary to this file (default: $GITHUB_STEP_SUMMARY
                               when set; an empty value writes none)
      --quiet                  Print errors only (the exit code and side reports still count all)
      --color / --no-color     Force colour on or off (default: on for a terminal; NO_COLOR, FORCE_COLOR)
      --stdin-filename <name>  The file name to report for standard input
      --ignore-pattern <glob>  Skip files matching this gitignore-style pattern (repeatable)
      --no-gitignore           Do not read .gitignore files
      --kubernetes-version <v> Kubernetes version to check against: 1.34, 1.35, 1.36 (default)
      --schema-dir <dir>       JSON Schemas or CRD manifests for custom kinds (repeatable)
      --pod-template-path <k=p> Where a custom kind keeps its pod template, so pod rules apply:
                               example.com/v1/MyKind=spec.template (repeatable)
  -c, --config <file>          Use this configuration file for every file (default: the nearest
                               .podlint.yaml, .podlint.yml or .podlint.json up to the repository root)
      --print-config <file>    Print the configuration resolved for a file, as JSON
      --rule <id=severity>     Set a rule's severity (off, info, warning, error); repeatable
      --report-unused-directives  Report suppression directives and annotations that suppress nothing
      --include-suppressed     Show suppressed findings too (they are still not counted)
      --list-rules             List the rules with their default severity and description
      --debug                  Print stack traces for podlint's own failures
  -h, --help                   Show this help
  -v, --version                Show the version

Exit codes: 0 clean, 1 findings at or over --fail-level (or warnings over --max-warnings), 2 usage error,
unusable configuration or internal failure.
`;

export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      allowNegative: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        ...INPUT_OPTIONS,
        'kubernetes-version': { type: 'string' },
        'schema-dir': { type: 'string', multiple: true, default: [] },
        'list-rules': { type: 'boolean', default: false },
        debug: { type: 'boolean', default: false },
        'fail-level': { type: 'string' },
        'sarif-file': { type: 'string' },
        'sarif-category': { type: 'string' },
        summary: { type: 'string' },
        'print-config': { type: 'string' },
        rule: { type: 'string', multiple: true, default: [] },
        'report-unused-directives': { type: 'boolean', default: false },
        'include-suppressed': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const command = values.help
    ? 'help'
    : values.version
      ? 'version'
      : values['list-rules']
        ? 'list-rules'
        : values['print-config'] !== undefined
          ? 'print-config'
          : 'lint';
  return {
    command,
    paths: positionals,
    format: values.format,
    outputFile: values['output-file'],
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    quiet: values.quiet,
    color: values.color,
    stdinFilename: values['stdin-filename'],
    ignorePatterns: values['ignore-pattern'],
    gitignore: values.gitignore,
    kubernetesVersion: values['kubernetes-version'],
    schemaDirs: values['schema-dir'],
    podTemplatePaths: values['pod-template-path'],
    debug: values.debug,
    sarifFile: values['sarif-file'],
    sarifCategory: values['sarif-category'],
    summaryFile: values.summary,
    failLevel: parseFailLevel(values['fail-level']),
    configFile: values.config,
    printConfigFor: values['print-config'],
    rules: parseRuleFlags(values.rule),
    reportUnusedDirectives: values['report-unused-directives'],
    includeSuppressed: values['include-suppressed'],
  };
}

function parseRuleFlags(flags: readonly string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const match = /^([^=\s]+)=(\S+)$/.exec(flag.trim());
    if (!match || !isRuleSeverity(match[2])) {
      throw new UsageError(`--rule needs <rule-id>=<off|info|warning|error>, got "${flag}".`);
    }
    rules[match[1]!] = match[2];
  }
  return rules;
}

function parseFailLevel(value: string | undefined): Severity | undefined {
  if (value === undefined || value === 'error' || value === 'warning' || value === 'info') return value;
  throw new UsageError(`--fail-level needs one of error, warning, info, got "${value}".`);
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a non-negative integer, got "${value}".`);
  return Number(value);
}
