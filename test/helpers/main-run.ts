import { main, type CliIO } from '../../src/cli/main.js';
import type { FileResult } from '../../src/report/results.js';

export interface MainRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** What the CLI handed to `onResults` (the GitHub Action's counts), if it got that far. */
  readonly results: readonly FileResult[] | undefined;
}

/**
 * Runs the CLI's `main` in this process, with captured output: for tests of decisions inside one
 * run (exit codes, what reaches which report), where a child process per case costs seconds.
 */
export async function runMain(args: readonly string[], options: { cwd: string; stdin?: string; env?: NodeJS.ProcessEnv }): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  let results: readonly FileResult[] | undefined;
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    stdin: () => Buffer.from(options.stdin ?? '', 'utf8'),
    cwd: options.cwd,
    env: options.env ?? {},
    isTTY: false,
    onResults: (seen) => {
      results = seen;
    },
  };
  const status = await main(args, io);
  return { status, stdout, stderr, results };
}
