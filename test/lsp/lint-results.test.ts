import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LintResults, type LintOutcome } from '../../src/lsp/lint-results.js';

// Lint runs that finish when the test says so, in any order: what slow settings (rule modules
// being imported) do to the server's runs.
function controlledRuns() {
  const open = new Map<string, TextDocument>();
  const runs: { text: string; generation: number; finish: () => void }[] = [];
  const results = new LintResults(
    (document, generation) =>
      new Promise<LintOutcome>((resolve) => {
        const text = document.getText();
        runs.push({ text, generation, finish: () => resolve({ findings: [], diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: text }] }) });
      }),
    (uri) => open.get(uri),
  );
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  return { open, runs, results, tick };
}

const uri = 'file:///w/pod.yaml';
const edit = (document: TextDocument, text: string) => TextDocument.update(document, [{ text }], document.version + 1);

describe('lint results under asynchronous settings', () => {
  it('share one run per version, and keep a result only while it is current', async () => {
    const { open, runs, results, tick } = controlledRuns();
    const document = TextDocument.create(uri, 'yaml', 1, 'v1');
    open.set(uri, document);
    const first = results.lint(document);
    expect(results.lint(document)).toBe(first);
    expect(runs).toHaveLength(1);

    // Edited while the first run waits: the first run finishes last, and is stale.
    edit(document, 'v2');
    const second = results.lint(document);
    expect(runs.map((run) => run.text)).toEqual(['v1', 'v2']);
    runs[1]!.finish();
    const newer = await second;
    expect(results.isCurrent(newer)).toBe(true);
    runs[0]!.finish();
    const older = await first;
    expect(older.version).toBe(1);
    expect(results.isCurrent(older)).toBe(false);
    // The newer result is the one kept: asking again runs nothing.
    expect(await results.lint(document)).toBe(newer);
    expect(runs).toHaveLength(2);
    await tick();
  });

  it('answers with the latest text and settings, linting again when an edit or a configuration change overtakes a run', async () => {
    const { open, runs, results, tick } = controlledRuns();
    const document = TextDocument.create(uri, 'yaml', 1, 'v1');
    open.set(uri, document);
    const answer = results.latest(document);
    edit(document, 'v2');
    runs[0]!.finish();
    await tick();
    // The v1 run came back stale: v2 is linted, and the settings change while it runs.
    expect(runs.map((run) => [run.text, run.generation])).toEqual([
      ['v1', 0],
      ['v2', 0],
    ]);
    results.invalidate();
    runs[1]!.finish();
    await tick();
    expect(runs.map((run) => [run.text, run.generation])).toEqual([
      ['v1', 0],
      ['v2', 0],
      ['v2', 1],
    ]);
    runs[2]!.finish();
    const result = await answer;
    expect([result.version, result.generation, result.diagnostics[0]!.message]).toEqual([2, 1, 'v2']);
    expect(results.isCurrent(result)).toBe(true);
  });

  it('treats a document closed and opened again as another one, even at the same version', async () => {
    const { open, runs, results } = controlledRuns();
    const before = TextDocument.create(uri, 'yaml', 1, 'old text');
    open.set(uri, before);
    const pending = results.lint(before);
    results.forget(uri);
    const after = TextDocument.create(uri, 'yaml', 1, 'new text');
    open.set(uri, after);
    runs[0]!.finish();
    expect(results.isCurrent(await pending)).toBe(false);
    const fresh = results.lint(after);
    expect(runs.map((run) => run.text)).toEqual(['old text', 'new text']);
    runs[1]!.finish();
    expect(results.isCurrent(await fresh)).toBe(true);
  });
});
