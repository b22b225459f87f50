#!/usr/bin/env node
// The language server on standard input and output, for editors that launch a named binary:
// the same as `podlint lsp --stdio`. Like bin/podlint.js, it runs the committed bundle where
// dist/ was not built.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli/main.js', import.meta.url);
const { main } = await import(existsSync(compiled) ? compiled.href : new URL('../action/index.mjs', import.meta.url).href);

main(['lsp', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
