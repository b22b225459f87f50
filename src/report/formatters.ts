import { formatJson } from './json.js';
import type { Formatter } from './results.js';
import { formatStylish } from './stylish.js';

/** Output formats by `--format` name. */
export const FORMATTERS: Readonly<Record<string, Formatter>> = {
  stylish: formatStylish,
  json: formatJson,
};
