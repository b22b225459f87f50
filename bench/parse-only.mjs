// The baseline: read every manifest under a directory and only parse it with yaml.
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import { parseAllDocuments } from 'yaml';

const dir = process.argv[2];
let documents = 0;
for (const file of fg.sync('**/*.{yaml,yml,json}', { cwd: dir, absolute: true })) {
  documents += parseAllDocuments(readFileSync(file, 'utf8')).length;
}
console.log(documents);
