import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEMANTICS = path.resolve(import.meta.dirname, '../fixtures/k8s-semantics');

/** Rows of a tab-separated file with a header line, as records by column name. */
export function readTsv(name: string): Record<string, string>[] {
  const [header = '', ...lines] = readFileSync(path.join(SEMANTICS, name), 'utf8').trimEnd().split('\n');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(columns.map((column, index) => [column, cells[index] ?? '']));
  });
}

export interface MarkdownTable {
  /** The closest `##` heading above the table. */
  readonly heading: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Every pipe table of a Markdown file, with the heading it sits under. */
export function readMarkdownTables(name: string): MarkdownTable[] {
  const tables: MarkdownTable[] = [];
  let heading = '';
  let current: { heading: string; columns: string[]; rows: string[][] } | undefined;
  for (const line of readFileSync(path.join(SEMANTICS, name), 'utf8').split('\n')) {
    if (line.startsWith('## ')) heading = line.slice(3).trim();
    if (!line.startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line.slice(1, line.trimEnd().endsWith('|') ? line.trimEnd().length - 1 : undefined).split('|').map((cell) => cell.trim());
    if (!current) {
      current = { heading, columns: cells, rows: [] };
      tables.push(current);
    } else if (!cells.every((cell) => /^-+$/.test(cell))) {
      current.rows.push(cells);
    }
  }
  return tables;
}
