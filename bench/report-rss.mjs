// Preloaded into a measured child: reports its peak resident set size on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\npodlint-bench-max-rss-kib=${process.resourceUsage().maxRSS}\n`);
});
