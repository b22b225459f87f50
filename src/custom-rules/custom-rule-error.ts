/**
 * A custom rule threw while checking a file. Custom rules run with the user's permissions and
 * can fail in any way; podlint stops (exit 2) and names the rule, its module and the file.
 */
export class CustomRuleError extends Error {
  override name = 'CustomRuleError';

  constructor(
    readonly ruleId: string,
    readonly ruleFile: string,
    readonly lintedFile: string,
    readonly causeError: unknown,
  ) {
    super(`custom rule "${ruleId}" (${ruleFile}) failed on ${lintedFile}: ${causeError instanceof Error ? causeError.message : String(causeError)}`);
  }
}
