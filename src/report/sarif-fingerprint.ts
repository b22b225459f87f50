import { createHash } from 'node:crypto';
import type { Finding } from '../engine/finding.js';
import { formatPath } from '../path.js';

/**
 * `partialFingerprints.primaryLocationLineHash`, which GitHub uses to match an alert across
 * commits. A manifest finding has a logical identity that line numbers lack: the rule, the
 * message id, the object (kind, namespace, name) and the path into it. Hashing that identity,
 * and no line number or line text, keeps the fingerprint when anything else in the file is
 * edited, lines are inserted above, or objects are reordered. Like GitHub's own fingerprints,
 * the hash ends with `:n`, the occurrence of the same identity in the file.
 *
 * Findings about the file rather than an object (YAML that does not parse) have only their
 * message, with numbers removed because parsers put positions in them.
 */
export function findingIdentity(finding: Finding): string {
  const { object } = finding;
  if (!object) return ['file', finding.ruleId, finding.message.replace(/\d+/g, '#')].join('\u0000');
  return [
    'object',
    finding.ruleId,
    finding.messageId ?? '',
    object.kind,
    object.namespace ?? '',
    object.name ?? '',
    finding.path ? formatPath(finding.path) : '',
  ].join('\u0000');
}

/** Hands out fingerprints for one file's findings, in order, counting repeated identities. */
export class FingerprintCounter {
  private readonly seen = new Map<string, number>();

  next(finding: Finding): string {
    const hash = createHash('sha256').update(findingIdentity(finding)).digest('hex').slice(0, 16);
    const occurrence = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, occurrence);
    return `${hash}:${occurrence}`;
  }
}
