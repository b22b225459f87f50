import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import type { Formatter } from './results.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { formatUnix } from './unix.js';

/** Output formats by `--format` name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  unix: formatUnix,
};
