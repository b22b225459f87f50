import { createRequire } from 'node:module';

// TypeScript custom rules need `typescript` and `@typescript-eslint/typescript-estree`. They are
// optional peer dependencies, not dependencies: 25 MB that every install (npx, the pre-commit
// hook, CI) would download for the few projects that write rules in TypeScript, which have
// TypeScript installed anyway. So they are found next to podlint, or else in the project of
// the rule file that needs them.
const fromPodlint = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/** Thrown when an optional peer dependency is installed neither with podlint nor in the project. */
export class MissingPeerDependencyError extends Error {
  override name = 'MissingPeerDependencyError';
  readonly code = 'MODULE_NOT_FOUND';
}

/** Requires an optional peer dependency, from podlint's own install, else from `nearFile`'s project. */
export function requirePeer<T>(name: string, nearFile: string): T {
  if (loaded.has(name)) return loaded.get(name) as T;
  let module: unknown;
  try {
    module = fromPodlint(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
    try {
      module = createRequire(nearFile)(name);
    } catch (nearError) {
      if (!isNotFound(nearError)) throw nearError;
      throw new MissingPeerDependencyError(`Cannot find ${name}`);
    }
  }
  loaded.set(name, module);
  return module as T;
}

function isNotFound(error: unknown): boolean {
  const { code } = error as { code?: string };
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND';
}
