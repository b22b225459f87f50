// `npm run generate:schemas`: writes schemas/kubernetes/<version>/ from the bundled upstream
// specs. A test regenerates in memory and fails when the committed files differ.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KUBERNETES_VERSIONS } from '../../src/k8s/kubernetes-version.js';
import { readSpec, schemaDir } from './sources.js';
import { generateSchemaFiles } from './strict-schema.js';

for (const version of KUBERNETES_VERSIONS) {
  const files = generateSchemaFiles(readSpec(version), version);
  const dir = schemaDir(version);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!(name in files)) rmSync(path.join(dir, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const bytes = Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  console.log(`Kubernetes ${version}: ${Object.keys(files).length} files, ${bytes} bytes in ${path.relative(process.cwd(), dir)}`);
}
