// `prepare` runs on `npm install` in a clone and when npm prepares a git dependency: it builds
// dist/ with TypeScript, then the schema validators. Where TypeScript is not installed it builds nothing, and bin/podlint.js
// runs the committed bundle instead: npm installs a git package globally without its dev
// dependencies (npm/cli#8440), which is how current pre-commit installs `language: node` hooks.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));

let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
  // TypeScript may be there without the dev dependencies (an optional peer dependency that the
  // project installed for its custom rules); the build also needs Node's types, which only the
  // dev dependencies bring.
  require.resolve('@types/node/package.json');
} catch {
  tsc = undefined;
  console.error('podlint: the dev dependencies are not installed, so dist/ is not built; bin/podlint.js runs action/index.mjs.');
}
if (tsc) {
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  // Then the schema validators, compiled ahead of time (without them, schemas compile at run time).
  const validators = run.status === 0
    ? spawnSync(process.execPath, [path.join(root, 'dist/scripts/schemas/compile-validators.js')], { cwd: root, stdio: 'inherit' })
    : run;
  process.exitCode = validators.status ?? 1;
}
