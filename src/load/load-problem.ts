import { formatMessage, type FileRule } from '../engine/define-rule.js';
import { LineIndex, type SourceRange } from './position.js';
import type { LoadProblem, LoadedFile } from './types.js';

/** What a load problem says, before it has a place: a file-scope rule's message, filled in. */
export type ProblemMessage = Omit<LoadProblem, 'range'>;

/**
 * A message of one of the file-scope rules (rules/*.ts with `scope: 'file'`), for a problem found
 * while reading a file: the rule's template filled with `data`, as for any rule; the types tie the
 * message id to the rule's messages.
 */
export function problemMessage<MessageId extends string>(
  rule: FileRule<MessageId>,
  messageId: NoInfer<MessageId>,
  data?: Readonly<Record<string, string | number>>,
): ProblemMessage {
  return { ruleId: rule.id, messageId, ...(data ? { data } : {}), message: formatMessage(rule.meta.messages[messageId], data) };
}

/** A load problem at a range: a file-scope rule's message there. */
export function loadProblem<MessageId extends string>(
  rule: FileRule<MessageId>,
  messageId: NoInfer<MessageId>,
  range: SourceRange,
  data?: Readonly<Record<string, string | number>>,
): LoadProblem {
  return { ...problemMessage(rule, messageId, data), range };
}

/** A file with no documents and one problem at its start: one that could not be read or decoded. */
export function problemFile(filePath: string, problem: (range: SourceRange) => LoadProblem): LoadedFile {
  const lines = new LineIndex([0]);
  return { filePath, text: '', lines, documents: [], comments: [], problems: [problem(lines.range(0, 0))] };
}
