import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinRules } from '../../rules/index.js';
import { DEFAULT_KUBERNETES_VERSION } from '../k8s/kubernetes-version.js';
import { CONFIG_FILE_NAMES } from '../config/find-config.js';
import type { LintSettings } from '../engine/lint-file.js';
import { configureRules } from '../engine/rule-settings.js';

/**
 * Resolves the lint settings of one open document, in place of the workspace configuration (for
 * embedders and tests). A throw counts as a broken configuration: reported, then the defaults.
 */
export type SettingsProvider = (uri: string) => LintSettings | Promise<LintSettings>;

/** The built-in rules at their defaults: what a document gets when no configuration can be used. */
export function builtinSettings(): LintSettings {
  return { rules: configureRules(builtinRules), kubernetesVersion: DEFAULT_KUBERNETES_VERSION };
}

/** True when a URI (or a path) names a podlint configuration file. */
export function isConfigFile(uriOrPath: string): boolean {
  const name = uriOrPath.slice(Math.max(uriOrPath.lastIndexOf('/'), uriOrPath.lastIndexOf(path.sep)) + 1);
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A path with a lone % is not percent-encoded: its name is as written.
  }
  return CONFIG_FILE_NAMES.includes(decoded);
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

/** True when the document is a file on disk, whose own directory decides its configuration. */
export function isFileDocument(uri: string): boolean {
  return path.isAbsolute(documentPath(uri));
}
