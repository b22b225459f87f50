/** An expectation written in a fixture: this rule fires on this 1-based line. */
export interface Expectation {
  readonly ruleId: string;
  readonly line: number;
}

/**
 * Reads `# expect: rule-a, rule-b` markers. A marker names findings on its own line; with `@+N`
 * (`# expect@+1: rule-a`) it names line N below, for lines that cannot carry a comment.
 */
export function readExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split('\n').forEach((line, index) => {
    const match = /#\s*expect(?:@\+(\d+))?:\s*([\w\s,-]+?)\s*$/.exec(line);
    if (!match) return;
    const target = index + 1 + Number(match[1] ?? 0);
    for (const ruleId of (match[2] ?? '').split(',').map((id) => id.trim()).filter(Boolean)) {
      expectations.push({ ruleId, line: target });
    }
  });
  return expectations;
}

export function expectationKey(expectation: Expectation): string {
  return `${expectation.ruleId}@${expectation.line}`;
}
