// Preloaded into a measured child: counts how often a configuration file is read and how many
// times one is looked for (a stat of a .podlint.* path), and reports both on exit.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const CONFIG = /[\\/]\.podlint\.(ya?ml|json)$/;
let reads = 0;
let lookups = 0;
const { readFileSync, statSync } = fs;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && CONFIG.test(file)) reads++;
  return readFileSync.call(this, file, ...rest);
};
fs.statSync = function (file, ...rest) {
  if (typeof file === 'string' && CONFIG.test(file)) lookups++;
  return statSync.call(this, file, ...rest);
};
// ES modules that import { readFileSync } from 'node:fs' see the wrapped functions too.
syncBuiltinESMExports();

process.on('exit', () => {
  fs.writeSync(2, `\npodlint-bench-config-reads=${reads} podlint-bench-config-lookups=${lookups}\n`);
});
