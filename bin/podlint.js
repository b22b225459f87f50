#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm run build`, run by `npm install`).
// Where dist/ could not be built (npm installs a git package globally without its dev
// dependencies, npm/cli#8440, and that is how current pre-commit installs hooks), the committed
// single-file bundle action/index.mjs, which exports the same `main`, runs instead.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const { main } = await import(existsSync(compiled) ? compiled.href : new URL('../action/index.mjs', import.meta.url).href);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
