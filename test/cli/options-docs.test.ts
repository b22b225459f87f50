import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/options.js';
import { REPO_ROOT } from '../helpers/cli.js';

describe("the README's options table", () => {
  it('has a row for every option --help lists', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| Option | Meaning |'));
    const rows = table.slice(0, table.indexOf('\n\n')).split('\n').map((row) => row.split('|')[1] ?? '');
    const options = HELP.split('\n')
      .filter((line) => /^\s+(-\w, )?--/.test(line))
      .flatMap((line) => line.trim().split(/\s{2,}/)[0]!.match(/--?[\w-]+/g) ?? []);
    expect(options).toContain('-h');
    for (const option of options) expect(rows.some((row) => row.includes(`\`${option}`) || row.includes(` ${option}`)), option).toBe(true);
  });
});
