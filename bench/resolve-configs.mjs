// Resolves the configuration of every manifest under a directory, in this process, and prints
// how long that took: the configuration machinery alone (find, load, validate, resolve, configure
// the rules with their options), without linting. Run by bench/config.mjs.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigResolver } from '../dist/src/config/resolve-config.js';

const dir = path.resolve(process.argv[2] ?? '.');
const files = readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name) && !entry.name.startsWith('.podlint.'))
  .map((entry) => path.join(entry.parentPath, entry.name));
const start = process.hrtime.bigint();
const resolver = new ConfigResolver(dir);
const settings = new Set();
for (const file of files) settings.add((await resolver.forFile(file)).settings);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`podlint-bench-resolve-ms=${ms.toFixed(1)} files=${files.length} settings=${settings.size}`);
