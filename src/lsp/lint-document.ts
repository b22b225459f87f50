import path from 'node:path';
import type { Finding } from '../engine/finding.js';
import type { LintSettings } from '../engine/lint-file.js';
import { lintText } from '../lint.js';
import { documentPath } from './settings.js';

/**
 * Lints an open document's text in memory, as the CLI lints the same file from disk. Suppressed
 * findings are dropped: an editor shows what still needs attention. A YAML file that is not a
 * Kubernetes manifest (a compose file, a CI workflow) gets nothing, even when it does not parse:
 * editors attach podlint to every YAML buffer, and its syntax is another tool's business.
 */
export function lintDocument(uri: string, text: string, settings: LintSettings): Finding[] {
  const filePath = documentPath(uri);
  const cwd = path.isAbsolute(filePath) ? path.dirname(filePath) : process.cwd();
  return editorFindings(lintText(filePath, text, settings, cwd).findings, text);
}

/** The findings an editor shows: not suppressed, and none at all for YAML that is not a manifest. */
export function editorFindings(findings: readonly Finding[], text: string): Finding[] {
  const shown = findings.filter((finding) => !finding.suppressions?.length);
  if (shown.length > 0 && !shown.some((finding) => finding.object) && !mentionsKubernetes(text)) return [];
  return shown;
}

// `kind:` or `apiVersion:` as a key, in YAML or JSON: what a manifest that does not parse still shows.
const KUBERNETES_KEY = /(?:^|[\s{,])["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/** True when text that yielded no object still looks like a Kubernetes manifest. */
export function mentionsKubernetes(text: string): boolean {
  return KUBERNETES_KEY.test(text);
}
