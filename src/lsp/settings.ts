import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { DEFAULT_KUBERNETES_VERSION } from '../cli/kubernetes-version.js';
import type { LintSettings } from '../engine/lint-file.js';
import { configureRules } from '../engine/rule-settings.js';

/** Resolves the lint settings that apply to one open document. */
export type SettingsProvider = (uri: string) => LintSettings;

/** Configuration files whose change re-validates every open document. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.podlint.yaml', '.podlint.yml', '.podlint.json'];

/** The watcher the server registers with clients that allow dynamic registration. */
export const CONFIG_FILE_GLOB = '**/.podlint.{yaml,yml,json}';

/**
 * The settings for a document, as the CLI would use them for the same file. This is the one
 * place the language server resolves configuration: the workspace's `.podlint.yaml` plugs in here
 * (through the config resolver, once it exists); until then every document gets the built-in
 * rules at their defaults. The server caches the result per document until a configuration file
 * changes, so this may read files.
 */
export function settingsForDocument(uri: string): LintSettings {
  void uri; // the config resolver will look for the configuration from the document's directory
  return { rules: configureRules(builtinRules), kubernetesVersion: DEFAULT_KUBERNETES_VERSION };
}

/** True when a URI names a podlint configuration file. */
export function isConfigFile(uri: string): boolean {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return CONFIG_FILE_NAMES.includes(decodeURIComponent(name));
}

/**
 * The path findings carry for a document: the file system path of a `file:` URI, the URI itself
 * for anything else (an unsaved buffer).
 */
export function documentPath(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return uri;
  }
}
