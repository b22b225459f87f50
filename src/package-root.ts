import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The code runs from three layouts: dist/src/ of a clone or an installed package, and the single
// bundled file of the GitHub Action (action/ at the repository root). Walking up to podlint's own
// package.json finds the package root in all three, so runtime assets that ship next to the
// code (schemas/, package.json) are found the same way everywhere.

let cachedRoot: string | undefined;

/** The directory holding podlint's package.json. */
export function packageRoot(): string {
  if (cachedRoot !== undefined) return cachedRoot;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'podlint') return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`podlint's package.json not found above ${fileURLToPath(import.meta.url)}.`);
    dir = parent;
  }
}

/** A file shipped with the package, by its path from the package root (e.g. `schemas/x.json`). */
export function packageAsset(relativePath: string): string {
  return path.join(packageRoot(), relativePath);
}

/** The package's own version. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(packageAsset('package.json'), 'utf8')) as { version: string }).version;
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
