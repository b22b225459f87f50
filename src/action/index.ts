// Entry point of the single-file bundle action/index.mjs (scripts/build-action.mjs). Run by the
// Actions runner (`node action/index.mjs`), it runs the action. Imported, it only exports: the
// same file serves as the CLI where TypeScript could not build dist/ (scripts/prepare.mjs).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runAction } from './run.js';

export { main } from '../cli/main.js';
export { runAction };

function isEntryScript(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryScript()) {
  runAction({
    env: process.env,
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`podlint action: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
