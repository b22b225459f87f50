import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, type Connection, type Disposable, type FileSystemWatcher } from 'vscode-languageserver';
import type { ConfigDependencies } from '../config/dependencies.js';
import { relativePosix, toPosix } from '../file-paths.js';
import { isConfigFile } from './settings.js';

const RULE_MODULES = '**/*.{js,mjs,cjs,ts,mts,cts}';

/**
 * Watchers for what the configurations depend on beyond the `.podlint.*` files in the workspace
 * (which one glob covers): files they extend, wherever they are, and the directories their rule
 * modules are loaded from. Clients with relative pattern support get patterns on a base URI;
 * others get absolute globs, which VS Code and most clients accept.
 */
export function dependencyWatchers(watched: ConfigDependencies, root: string | undefined, relativePatterns: boolean): FileSystemWatcher[] {
  const watchers: FileSystemWatcher[] = [];
  for (const file of watched.files) {
    if (isConfigFile(file) && root !== undefined && relativePosix(root, file) !== undefined) continue;
    watchers.push({
      globPattern: relativePatterns ? { baseUri: pathToFileURL(path.dirname(file)).href, pattern: literal(path.basename(file)) } : literal(toPosix(file)),
    });
  }
  for (const dir of watched.ruleDirectories) {
    watchers.push({ globPattern: relativePatterns ? { baseUri: pathToFileURL(dir).href, pattern: RULE_MODULES } : `${literal(toPosix(dir))}/${RULE_MODULES}` });
  }
  return watchers;
}

/**
 * The watchers for what configurations depend on beyond the `.podlint.*` glob, registered with
 * the client, and registered again (the previous set withdrawn) when that changes.
 */
export class DependencyWatchers {
  private key = '[]';
  private registration: Promise<Disposable | undefined> = Promise.resolve(undefined);

  constructor(private readonly connection: Connection) {}

  update(watchers: readonly FileSystemWatcher[]): void {
    const key = JSON.stringify(watchers);
    if (key === this.key) return;
    this.key = key;
    // One registration at a time, in order: the last one asked for is the one left.
    this.registration = this.registration.then(async (previous) => {
      previous?.dispose();
      if (watchers.length === 0) return undefined;
      try {
        return await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [...watchers] });
      } catch (error) {
        this.connection.console.warn(`podlint: cannot watch the files the configuration uses: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    });
  }
}

/** A path as a glob that matches it: glob syntax becomes `?` (any one character), since globs have no escape. */
function literal(text: string): string {
  return text.replace(/[*?{}[\]!]/g, '?');
}

