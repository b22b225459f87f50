import { randomUUID } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { main, type CliIO } from '../cli/main.js';
import type { FileResult } from '../report/results.js';

// The GitHub Action (action.yml): inputs come as INPUT_<NAME> variables, become podlint's own
// command line, and the counts go back as step outputs. One lint run writes the annotations (or
// the chosen format), the SARIF file and the job summary.

/** The inputs and outputs action.yml declares (a test keeps them in step). */
export const ACTION_INPUTS = ['paths', 'config', 'format', 'sarif-file', 'sarif-category', 'kubernetes-version', 'fail-level', 'max-warnings', 'working-directory'] as const;
export const ACTION_OUTPUTS = ['sarif-file', 'error-count', 'warning-count', 'info-count'] as const;

export interface ActionInputs {
  readonly paths: readonly string[];
  readonly config: string;
  readonly format: string;
  readonly sarifFile: string;
  readonly sarifCategory: string;
  readonly kubernetesVersion: string;
  readonly failLevel: string;
  readonly maxWarnings: string;
  readonly workingDirectory: string;
}

/** An input as the Actions toolkit reads it: `INPUT_` + the name upper-cased, spaces as `_`, trimmed. */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const input = (name: string, fallback = '') => actionInput(env, name) || fallback;
  return {
    // Whitespace or newlines separate paths and globs (a YAML block scalar gives one a line).
    paths: input('paths', '.').split(/\s+/).filter(Boolean),
    config: input('config'),
    format: input('format', 'github'),
    sarifFile: input('sarif-file'),
    sarifCategory: input('sarif-category'),
    kubernetesVersion: input('kubernetes-version'),
    failLevel: input('fail-level'),
    maxWarnings: input('max-warnings'),
    workingDirectory: input('working-directory', '.'),
  };
}

/** The podlint command line for the inputs; empty inputs leave podlint's defaults. */
export function cliArguments(inputs: ActionInputs): string[] {
  const args = ['--format', inputs.format];
  if (inputs.failLevel) args.push('--fail-level', inputs.failLevel);
  if (inputs.config) args.push('--config', inputs.config);
  if (inputs.sarifFile) args.push('--sarif-file', inputs.sarifFile);
  if (inputs.sarifCategory) args.push('--sarif-category', inputs.sarifCategory);
  if (inputs.kubernetesVersion) args.push('--kubernetes-version', inputs.kubernetesVersion);
  if (inputs.maxWarnings) args.push('--max-warnings', inputs.maxWarnings);
  // `--` keeps a path that starts with a dash a path.
  return [...args, '--', ...inputs.paths];
}

export interface ActionIO {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Runs the action; resolves to podlint's exit code (1 fails the step, as findings should). */
export async function runAction(io: ActionIO): Promise<number> {
  const inputs = readInputs(io.env);
  const cwd = path.resolve(io.env.GITHUB_WORKSPACE ?? io.cwd, inputs.workingDirectory);
  let results: readonly FileResult[] = [];
  const cliIO: CliIO = {
    stdout: io.stdout,
    stderr: io.stderr,
    stdin: () => readFileSync(0),
    cwd,
    env: io.env,
    isTTY: false,
    onResults: (seen) => {
      results = seen;
    },
  };
  const code = await main(cliArguments(inputs), cliIO);
  const count = (key: 'errorCount' | 'warningCount' | 'infoCount') => results.reduce((sum, result) => sum + result[key], 0);
  setOutputs(io.env, {
    'sarif-file': inputs.sarifFile && code !== 2 ? path.resolve(cwd, inputs.sarifFile) : '',
    'error-count': String(count('errorCount')),
    'warning-count': String(count('warningCount')),
    'info-count': String(count('infoCount')),
  });
  return code;
}

/** Step outputs through the GITHUB_OUTPUT file, in the toolkit's heredoc form (safe for any value). */
function setOutputs(env: NodeJS.ProcessEnv, outputs: Readonly<Record<(typeof ACTION_OUTPUTS)[number], string>>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  for (const [name, value] of Object.entries(outputs)) {
    const delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`);
  }
}
