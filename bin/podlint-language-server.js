#!/usr/bin/env node
// The language server on standard input and output, for editors that launch a named binary:
// the same as `podlint lsp --stdio`.
import { main } from '../dist/src/cli/main.js';

main(['lsp', ...process.argv.slice(2)]).then((code) => {
  process.exitCode = code;
});
