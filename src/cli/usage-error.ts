/** A command line podlint cannot act on: exit code 2 with a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}
